package cn.zhifa.documents;

import java.util.List;

/** A template descriptor (or an authority's wording override) that cannot be used; the messages are in Chinese. */
public class TemplateException extends RuntimeException {

    private final List<String> problems;

    public TemplateException(List<String> problems) {
        super(String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
