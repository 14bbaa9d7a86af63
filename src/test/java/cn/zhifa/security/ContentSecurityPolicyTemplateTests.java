package cn.zhifa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the pages' Content-Security-Policy has no 'unsafe-inline' or 'unsafe-eval', so no template may rely
 * on what it blocks: inline event handlers, style attributes, or inline scripts and styles without the nonce.
 */
class ContentSecurityPolicyTemplateTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern HANDLER = Pattern.compile("<[a-z][^<]*?\\son[a-z]+\\s*=\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[a-z][^<]*?\\s(th:)?style\\s*=\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_BLOCK = Pattern.compile("<(script|style)((?:\\s+[^\\s=>]+(?:=\"[^\"]*\")?)*)\\s*>", Pattern.CASE_INSENSITIVE);

    @Test
    void no_template_has_inline_handlers_style_attributes_or_inline_blocks_without_the_nonce() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                String name = TEMPLATES.relativize(file).toString();
                if (HANDLER.matcher(html).find()) {
                    offending.add(name + ": inline event handler");
                }
                if (STYLE_ATTRIBUTE.matcher(html).find()) {
                    offending.add(name + ": style attribute");
                }
                Matcher block = INLINE_BLOCK.matcher(html);
                while (block.find()) {
                    String attributes = block.group(2) == null ? "" : block.group(2);
                    if (!attributes.contains(" src=") && !attributes.contains("th:src=") && !attributes.contains("th:nonce=\"${cspNonce}\"")) {
                        offending.add(name + ": <" + block.group(1) + "> without th:nonce");
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
