package cn.zhifa.training.internal;

import cn.zhifa.audit.Audit;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 题库 and the 学法清单: searched by law, kind, difficulty, post and text; kept by ADMIN or a LEADER of the bureau;
 * one question at a time or a whole Excel sheet, which is stored only when every row is right.
 */
@Service
public class QuestionBank {

    private static final String COLUMNS = "id, kind, stem, options, answer, explanation, law, article, post, industry, difficulty";

    private final JdbcClient jdbc;
    private final Clock clock;

    QuestionBank(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Filter(String text, String law, QuestionKind kind, Integer difficulty, String post) {
    }

    /** What is entered for one question; options one a line. */
    public record NewQuestion(QuestionKind kind, String stem, List<String> options, String answer, String explanation,
                              String law, String article, String post, String industry, Integer difficulty) {
    }

    public record ChecklistItem(long id, String post, String law, String article, String point) {
    }

    @Transactional(readOnly = true)
    public Page<Question> search(Filter filter, int page, int size) {
        List<Question> all = matching(filter);
        return Page.of(all, page, size);
    }

    @Transactional(readOnly = true)
    public List<Question> matching(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM training_question WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (stem LIKE ? OR explanation LIKE ?)");
            params.add("%" + filter.text().strip() + "%");
            params.add("%" + filter.text().strip() + "%");
        }
        if (filter.law() != null && !filter.law().isBlank()) {
            sql.append(" AND law = ?");
            params.add(filter.law());
        }
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.difficulty() != null) {
            sql.append(" AND difficulty = ?");
            params.add(filter.difficulty());
        }
        if (filter.post() != null && !filter.post().isBlank()) {
            sql.append(" AND post = ?");
            params.add(filter.post());
        }
        sql.append(" ORDER BY law, id");
        return jdbc.sql(sql.toString()).params(params).query(QuestionBank::question).list();
    }

    @Transactional(readOnly = true)
    public List<Question> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Question> found = jdbc.sql("SELECT " + COLUMNS + " FROM training_question WHERE id IN (:ids)").param("ids", ids)
                .query(QuestionBank::question).list();
        java.util.Map<Long, Question> byId = new java.util.HashMap<>();
        found.forEach(q -> byId.put(q.id(), q));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Transactional(readOnly = true)
    public List<String> laws() {
        return jdbc.sql("SELECT DISTINCT law FROM training_question ORDER BY law").query(String.class).list();
    }

    @Transactional(readOnly = true)
    public List<String> posts() {
        return jdbc.sql("SELECT post FROM training_question UNION SELECT post FROM training_checklist_item ORDER BY 1")
                .query(String.class).list();
    }

    @Transactional
    public long add(NewQuestion question) {
        String refusal = problem(question);
        if (refusal != null) {
            throw new RuleViolation(refusal);
        }
        long id = insert(question, Actors.require().organizationId(), false);
        Audit.target("题库试题", id);
        return id;
    }

    /** Stores every row, or none: the refusal lists each wrong row with its number and what is wrong. */
    @Transactional
    public int importRows(List<QuestionSheet.Row> rows) {
        if (rows.isEmpty()) {
            throw new RuleViolation("表格中没有试题。");
        }
        List<String> problems = new ArrayList<>();
        for (QuestionSheet.Row row : rows) {
            String problem = row.problem() != null ? row.problem() : problem(row.question());
            if (problem != null) {
                problems.add("第 " + row.number() + " 行：" + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("导入未完成，没有保存任何试题。" + String.join("；", problems.subList(0, Math.min(problems.size(), 50)))
                    + (problems.size() > 50 ? "；另有 " + (problems.size() - 50) + " 行有误。" : ""));
        }
        long organization = Actors.require().organizationId();
        rows.forEach(row -> insert(row.question(), organization, false));
        Audit.detail("导入试题 " + rows.size() + " 道");
        return rows.size();
    }

    long insert(NewQuestion q, long organizationId, boolean demo) {
        return jdbc.sql("INSERT INTO training_question (kind, stem, options, answer, explanation, law, article, post, industry, "
                        + "difficulty, organization_id, created_at, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(q.kind().name(), q.stem().strip(), String.join("\n", q.options().stream().map(String::strip).toList()),
                        Answers.normalize(q.answer()), blank(q.explanation()), q.law().strip(), blank(q.article()),
                        q.post() == null || q.post().isBlank() ? "共性" : q.post().strip(), blank(q.industry()), q.difficulty(),
                        organizationId, Timestamp.from(clock.instant()), demo)
                .query(Long.class).single();
    }

    /** What is wrong with the question, in Chinese, or null. */
    static String problem(NewQuestion q) {
        if (q.kind() == null) {
            return "请选择题型（单选题、多选题或判断题）";
        }
        if (q.stem() == null || q.stem().isBlank()) {
            return "请填写题干";
        }
        if (q.stem().strip().length() > 1000) {
            return "题干不能超过 1000 字";
        }
        List<String> options = q.options() == null ? List.of() : q.options().stream().filter(o -> o != null && !o.isBlank()).toList();
        if (q.kind() == QuestionKind.TRUE_FALSE ? options.size() != 2 : options.size() < 2 || options.size() > 8) {
            return q.kind() == QuestionKind.TRUE_FALSE ? "判断题的选项应为“正确”“错误”两项" : "选择题应有 2 至 8 个选项";
        }
        if (options.size() != q.options().size()) {
            return "选项不能为空";
        }
        String answer = Answers.normalize(q.answer());
        if (answer.isEmpty()) {
            return "请填写正确答案（选项字母）";
        }
        if (answer.chars().anyMatch(c -> c - 'A' >= options.size())) {
            return "正确答案“" + answer + "”不在选项之内";
        }
        if (q.kind() != QuestionKind.MULTIPLE && answer.length() != 1) {
            return q.kind().label() + "只能有一个正确答案";
        }
        if (q.kind() == QuestionKind.MULTIPLE && answer.length() < 2) {
            return "多选题应有两个以上正确答案";
        }
        if (q.law() == null || q.law().isBlank()) {
            return "请填写所依据的法律法规";
        }
        if (q.law().strip().length() > 80 || (q.article() != null && q.article().strip().length() > 40)) {
            return "法律名称不超过 80 字，条款不超过 40 字";
        }
        if (q.difficulty() == null || q.difficulty() < 1 || q.difficulty() > 3) {
            return "请选择难度（基础、中等、较难）";
        }
        if (q.explanation() != null && q.explanation().length() > 1000) {
            return "解析不能超过 1000 字";
        }
        if ((q.post() != null && q.post().strip().length() > 40) || (q.industry() != null && q.industry().strip().length() > 40)) {
            return "岗位、行业不超过 40 字";
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<ChecklistItem> checklist(String post) {
        return jdbc.sql("SELECT id, post, law, article, point FROM training_checklist_item "
                        + "WHERE (:post = '' OR post = :post OR post = '共性') ORDER BY CASE WHEN post = '共性' THEN 0 ELSE 1 END, post, id")
                .param("post", post == null ? "" : post.strip())
                .query((rs, n) -> new ChecklistItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    @Transactional
    public long addChecklistItem(String post, String law, String article, String point) {
        if (law == null || law.isBlank() || point == null || point.isBlank()) {
            throw new RuleViolation("请填写法律法规和学习要点。");
        }
        if (law.strip().length() > 80 || point.strip().length() > 500 || (post != null && post.strip().length() > 40)
                || (article != null && article.strip().length() > 40)) {
            throw new RuleViolation("岗位不超过 40 字，法律法规不超过 80 字，条款不超过 40 字，学习要点不超过 500 字。");
        }
        long id = jdbc.sql("INSERT INTO training_checklist_item (post, law, article, point, organization_id) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(post == null || post.isBlank() ? "共性" : post.strip(), law.strip(), blank(article), point.strip(),
                        Actors.require().organizationId())
                .query(Long.class).single();
        Audit.target("学法清单", id);
        return id;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static Question question(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Question(rs.getLong("id"), QuestionKind.valueOf(rs.getString("kind")), rs.getString("stem"),
                Arrays.asList(rs.getString("options").split("\n")), rs.getString("answer"), rs.getString("explanation"),
                rs.getString("law"), rs.getString("article"), rs.getString("post"), rs.getString("industry"), rs.getInt("difficulty"));
    }
}
