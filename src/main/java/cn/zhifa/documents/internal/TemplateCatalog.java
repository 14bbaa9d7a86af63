package cn.zhifa.documents.internal;

import cn.zhifa.documents.Authority;
import cn.zhifa.documents.Party;
import cn.zhifa.documents.TemplateException;
import cn.zhifa.documents.internal.Template.*;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The standard document templates, read from YAML descriptors and checked: a descriptor that names an unknown
 * placeholder, field, party role or signature area is refused with a Chinese message naming the file.
 */
public final class TemplateCatalog {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}|]+)(?:\\|([^{}]+))?}");
    private static final Set<String> MODIFIERS = Set.of("upper");
    private static final Set<String> DOCUMENT_ATTRIBUTES = Set.of("number", "date", "year");
    private static final Set<String> OFFICER_ATTRIBUTES = Set.of("name", "certificateNo");

    private final Map<String, Template> templates;
    private final Map<String, String> fragments;

    private TemplateCatalog(Map<String, Template> templates, Map<String, String> fragments) {
        this.templates = templates;
        this.fragments = fragments;
    }

    /** Loads every descriptor under {@code classpath*:documents/templates/*.yml} and the shared fragments. */
    public static TemplateCatalog loadDefault() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            Resource fragmentsFile = resolver.getResource("classpath:documents/fragments.yml");
            Map<String, String> fragments = new LinkedHashMap<>();
            try (InputStream in = fragmentsFile.getInputStream()) {
                Map<String, Object> raw = yaml().load(in);
                raw.forEach((k, v) -> fragments.put(k, String.valueOf(v).strip()));
            }
            Map<String, String> sources = new TreeMap<>();
            for (Resource r : resolver.getResources("classpath*:documents/templates/*.yml")) {
                try (InputStream in = r.getInputStream()) {
                    sources.put(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return of(sources, fragments);
        } catch (IOException e) {
            throw new IllegalStateException("文书模板无法读取", e);
        }
    }

    /** Builds a catalog from descriptor texts (file name → YAML); all problems are reported together. */
    public static TemplateCatalog of(Map<String, String> descriptorSources, Map<String, String> fragments) {
        List<String> problems = new ArrayList<>();
        Map<String, Template> templates = new LinkedHashMap<>();
        descriptorSources.forEach((file, source) -> {
            try {
                Template t = parse(file, yaml().load(source));
                List<String> own = validate(t, fragments, file);
                if (!own.isEmpty()) {
                    problems.addAll(own);
                } else if (templates.putIfAbsent(t.kind(), t) != null) {
                    problems.add("文书模板 " + file + "：文书种类 " + t.kind() + " 重复");
                }
            } catch (RuntimeException e) {
                problems.add("文书模板 " + file + " 格式错误：" + e.getMessage());
            }
        });
        if (!problems.isEmpty()) throw new TemplateException(problems);
        return new TemplateCatalog(Collections.unmodifiableMap(templates), Map.copyOf(fragments));
    }

    /** The shared wording blocks (fragment id → text), in id order. */
    public Map<String, String> fragmentTexts() {
        return new java.util.TreeMap<>(fragments);
    }

    public Collection<Template> all() {
        return templates.values();
    }

    public Optional<Template> find(String kind) {
        return Optional.ofNullable(templates.get(kind));
    }

    public Template require(String kind) {
        return find(kind).orElseThrow(() -> new TemplateException(List.of("没有文书种类 " + kind + " 的模板")));
    }

    /** The wording of a paragraph or fragment, after the authority's override. */
    public String wording(Template t, String paragraphId, String defaultText, Authority authority) {
        if (paragraphId == null) return defaultText;
        return authority.wordingOverrides().getOrDefault(t.kind() + "." + paragraphId, defaultText);
    }

    public String fragment(Template t, String id, Authority authority) {
        String override = authority.wordingOverrides().get("fragment." + id);
        return override != null ? override : fragments.get(id);
    }

    /**
     * Checks an authority's wording overrides against the templates: each key names an existing paragraph or
     * fragment and each text names only placeholders the template(s) know. Returns the problems in Chinese.
     */
    public List<String> checkOverrides(Map<String, String> wordingOverrides, Map<String, String> prefixOverrides) {
        List<String> problems = new ArrayList<>();
        wordingOverrides.forEach((key, text) -> {
            if (key.startsWith("fragment.")) {
                String id = key.substring("fragment.".length());
                if (!fragments.containsKey(id)) {
                    problems.add("措辞调整：没有这个通用段落，请从列表中选择");
                    return;
                }
                Set<String> distinct = new LinkedHashSet<>();
                for (Template t : templates.values()) {
                    if (t.body().contains(new Fragment(id))) distinct.addAll(unknownPlaceholders(t, text, "措辞调整（通用段落“" + cn.zhifa.documents.WordingChoice.label(fragments.get(id)) + "”）"));
                }
                problems.addAll(distinct);
                return;
            }
            int dot = key.indexOf('.');
            Template t = dot < 0 ? null : templates.get(key.substring(0, dot));
            String pid = dot < 0 ? null : key.substring(dot + 1);
            if (t == null || t.body().stream().noneMatch(e -> e instanceof Paragraph p && pid.equals(p.id()))) {
                problems.add("措辞调整：没有这个文书段落，请从列表中选择文书和段落");
                return;
            }
            String paragraph = t.body().stream().filter(e -> e instanceof Paragraph p && pid.equals(p.id()))
                    .map(e -> ((Paragraph) e).text()).findFirst().orElse("");
            problems.addAll(unknownPlaceholders(t, text, "措辞调整（《" + t.title() + "》“" + cn.zhifa.documents.WordingChoice.label(paragraph) + "”）"));
        });
        prefixOverrides.forEach((kind, prefix) -> {
            if (!templates.containsKey(kind)) problems.add("代字调整：没有文书种类 " + kind);
            else if (prefix == null || prefix.isBlank() || prefix.startsWith("应急"))
                problems.add("代字调整 " + kind + "：代字不能为空，也不含“应急”（编号自动加“应急”）");
        });
        return problems;
    }

    private static final Map<String, String> AUTHORITY_LABELS = Map.ofEntries(
            Map.entry("name", "机关全称"), Map.entry("shortName", "机关简称"), Map.entry("government", "行政复议机关"),
            Map.entry("reviewBody", "其他复议机关"), Map.entry("court", "人民法院"), Map.entry("address", "地址"),
            Map.entry("postcode", "邮政编码"), Map.entry("contact", "联系人"), Map.entry("phone", "联系电话"),
            Map.entry("paymentOffice", "罚款缴纳银行（代收机构）"), Map.entry("paymentAccount", "缴款账号"));

    /**
     * The authority settings this template prints (as the authority words it) that the authority has left empty,
     * as Chinese labels: a document must not be issued with blanks where the court or the bank belongs.
     */
    public List<String> missingAuthoritySettings(Template t, Authority a) {
        Set<String> used = new LinkedHashSet<>(List.of("name"));
        if (t.numbered()) used.add("shortName");
        List<String> texts = new ArrayList<>();
        for (Element e : t.body()) {
            if (e instanceof Addressee ad) texts.add(ad.text());
            else if (e instanceof Paragraph p) texts.add(wording(t, p.id(), p.text(), a));
            else if (e instanceof Fragment f) texts.add(fragment(t, f.id(), a));
            else if (e instanceof Note n) texts.add(n.text());
            else if (e instanceof Rows r) r.rows().forEach(row -> row.forEach(c -> texts.add("{" + c.ref() + "}")));
            else if (e instanceof Grid g) g.rows().forEach(row -> row.forEach(c -> texts.add("{" + c.ref() + "}")));
        }
        for (String text : texts) {
            if (text == null) continue;
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                String ref = m.group(1).strip();
                if (ref.startsWith("authority.")) used.add(ref.substring("authority.".length()));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String attr : used) {
            String v = a.attribute(attr);
            if (v == null || v.isBlank()) missing.add(AUTHORITY_LABELS.getOrDefault(attr, attr));
        }
        return missing;
    }

    // ---------------------------------------------------------------- validation

    static List<String> validate(Template t, Map<String, String> fragments, String file) {
        List<String> p = new ArrayList<>();
        String where = "文书模板「" + (t.title() == null ? file : t.title()) + "」(" + file + ")";
        if (t.kind() == null || !t.kind().matches("[A-Z][A-Z0-9_]*")) p.add(where + "：kind 必须是大写英文编码");
        if (t.title() == null || t.title().isBlank()) p.add(where + "：缺少标题 title");
        if (t.numbered() && (t.prefix() == null || t.prefix().isBlank())) p.add(where + "：有文号的文书必须有代字 prefix");
        Set<String> names = new HashSet<>();
        for (Field f : t.fields()) {
            if (!names.add(f.name())) p.add(where + "：字段 " + f.name() + " 重复");
            if (f.name().contains(".")) p.add(where + "：字段名 " + f.name() + " 不能含“.”");
            if (f.kind() == FieldKind.CHECKBOX && f.options().isEmpty()) p.add(where + "：勾选字段 " + f.name() + " 缺少选项 options");
            if (f.kind() == FieldKind.TABLE && f.columns().isEmpty()) p.add(where + "：表格字段 " + f.name() + " 缺少列 columns");
        }
        Set<String> areas = new HashSet<>();
        for (SignatureArea a : t.signatureAreas()) {
            if (!areas.add(a.area())) p.add(where + "：签名区 " + a.area() + " 重复");
        }
        for (Element e : t.body()) {
            if (e instanceof Addressee a) p.addAll(unknownPlaceholders(t, a.text(), where));
            else if (e instanceof Paragraph para) p.addAll(unknownPlaceholders(t, para.text(), where));
            else if (e instanceof Fragment f) {
                String text = fragments.get(f.id());
                if (text == null) p.add(where + "：通用段落 " + f.id() + " 不存在");
                else p.addAll(unknownPlaceholders(t, text, where + " 通用段落 " + f.id()));
            } else if (e instanceof Rows r) r.rows().forEach(row -> row.forEach(c -> p.addAll(checkCell(t, c, where))));
            else if (e instanceof Grid g) g.rows().forEach(row -> row.forEach(c -> p.addAll(checkCell(t, c, where))));
            else if (e instanceof NumberedList l) requireField(t, l.field(), FieldKind.LIST, where, p);
            else if (e instanceof Block b) requireField(t, b.field(), null, where, p);
            else if (e instanceof Table tb) requireField(t, tb.field(), FieldKind.TABLE, where, p);
            else if (e instanceof Signatures s) s.areas().stream().filter(a -> !areas.contains(a))
                    .forEach(a -> p.add(where + "：签名区 " + a + " 未在 signatures 中声明"));
            else if (e instanceof Note n) p.addAll(unknownPlaceholders(t, n.text(), where));
        }
        return p;
    }

    private static void requireField(Template t, String name, FieldKind kind, String where, List<String> p) {
        var f = t.field(name);
        if (f.isEmpty()) p.add(where + "：引用了未定义的字段 " + name);
        else if (kind != null && f.get().kind() != kind) p.add(where + "：字段 " + name + " 应为 " + kind + " 类型");
    }

    private static List<String> checkCell(Template t, Cell c, String where) {
        List<String> p = new ArrayList<>(unknownPlaceholders(t, "{" + c.ref() + "}", where));
        if (c.kind() == CellKind.OPINION) {
            for (String area : c.signatureAreas()) {
                if (t.signatureArea(area).isEmpty()) p.add(where + "：签名区 " + area + " 未在 signatures 中声明");
            }
            if (c.dateRef() != null) p.addAll(unknownPlaceholders(t, "{" + c.dateRef() + "}", where));
        }
        return p;
    }

    /** Every placeholder in {@code text} that the template cannot fill, as Chinese messages. */
    static List<String> unknownPlaceholders(Template t, String text, String where) {
        List<String> p = new ArrayList<>();
        if (text == null) return p;
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String ref = m.group(1).strip();
            String modifier = m.group(2);
            if (!knownRef(t, ref)) {
                p.add(where + "：占位符 {" + ref + "} 未定义（不是本文书的字段、当事人、执法人员、机关或文书属性）");
            }
            if (modifier != null && !MODIFIERS.contains(modifier.strip())) {
                p.add(where + "：占位符 {" + m.group(0) + "} 的格式 " + modifier + " 不认识（只支持 upper：金额大写）");
            }
        }
        return p;
    }

    static boolean knownRef(Template t, String ref) {
        int dot = ref.indexOf('.');
        if (dot < 0) return t.field(ref).isPresent();
        String head = ref.substring(0, dot), attr = ref.substring(dot + 1);
        if (head.equals("authority")) return Authority.ATTRIBUTES.contains(attr);
        if (head.equals("document")) return DOCUMENT_ATTRIBUTES.contains(attr);
        if (head.matches("officer[12]")) return OFFICER_ATTRIBUTES.contains(attr);
        return t.partyRole(head).isPresent() && Party.ATTRIBUTES.contains(attr);
    }

    // ---------------------------------------------------------------- parsing

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    static Template parse(String file, Object raw) {
        if (!(raw instanceof Map<?, ?> map)) throw new IllegalArgumentException("顶层应为映射");
        Map<String, Object> m = (Map<String, Object>) map;
        List<Field> fields = new ArrayList<>();
        for (Map<String, Object> f : list(m, "fields")) {
            String kind = str(f, "kind", "text");
            FieldKind fk;
            try {
                fk = FieldKind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("字段 " + f.get("name") + " 的类型 " + kind + " 不认识");
            }
            fields.add(new Field(req(f, "name"), str(f, "label", (String) f.get("name")), fk,
                    bool(f, "required", false), strings(f.get("options")), strings(f.get("columns"))));
        }
        List<PartyRole> parties = new ArrayList<>();
        for (Map<String, Object> r : list(m, "parties"))
            parties.add(new PartyRole(req(r, "role"), str(r, "label", "当事人"), bool(r, "required", true)));
        List<SignatureArea> areas = new ArrayList<>();
        for (Map<String, Object> a : list(m, "signatures"))
            areas.add(new SignatureArea(req(a, "area"), req(a, "label"),
                    a.get("officer") == null ? null : ((Number) a.get("officer")).intValue(), bool(a, "required", true)));
        List<Element> body = new ArrayList<>();
        for (Map<String, Object> e : list(m, "body")) body.add(element(e));
        return new Template((String) m.get("kind"), (String) m.get("title"), (String) m.get("prefix"),
                bool(m, "numbered", true), bool(m, "headLine", true), str(m, "category", "case"),
                m.get("filingOrder") == null ? null : ((Number) m.get("filingOrder")).intValue(),
                (String) m.get("copiesTo"), List.copyOf(fields), List.copyOf(parties), List.copyOf(areas),
                List.copyOf(body));
    }

    @SuppressWarnings("unchecked")
    private static Element element(Map<String, Object> e) {
        String type = req(e, "type");
        return switch (type) {
            case "addressee" -> new Addressee(str(e, "text", "{party.name}"));
            case "paragraph" -> new Paragraph((String) e.get("id"), req(e, "text"), bool(e, "indent", true),
                    str(e, "align", "left"), bool(e, "bold", false));
            case "fragment" -> new Fragment(req(e, "id"));
            case "rows" -> new Rows(cells((List<Object>) e.get("rows")));
            case "grid" -> new Grid(cells((List<Object>) e.get("rows")));
            case "list" -> new NumberedList(req(e, "field"));
            case "block" -> new Block(req(e, "field"), (String) e.get("label"));
            case "table" -> new Table(req(e, "field"));
            case "signatures" -> new Signatures(strings(e.get("areas")));
            case "seal" -> new Seal();
            case "date" -> new DateLine();
            case "note" -> new Note(req(e, "text"));
            default -> throw new IllegalArgumentException("正文元素类型 " + type + " 不认识");
        };
    }

    @SuppressWarnings("unchecked")
    private static List<List<Cell>> cells(List<Object> rows) {
        if (rows == null) throw new IllegalArgumentException("rows 不能为空");
        List<List<Cell>> out = new ArrayList<>();
        for (Object row : rows) {
            List<Object> items = row instanceof List<?> l ? (List<Object>) l : List.of(row);
            List<Cell> cells = new ArrayList<>();
            for (Object c : items) {
                if (c instanceof String s) {
                    int eq = s.indexOf('=');
                    cells.add(eq < 0 ? new Cell(null, s.strip(), CellKind.VALUE, null, null)
                            : new Cell(s.substring(0, eq).strip(), s.substring(eq + 1).strip(), CellKind.VALUE, null, null));
                } else if (c instanceof Map<?, ?> cm) {
                    Map<String, Object> mm = (Map<String, Object>) cm;
                    if (mm.containsKey("block")) {
                        cells.add(new Cell((String) mm.get("label"), (String) mm.get("block"), CellKind.BLOCK, null, null));
                    } else if (mm.containsKey("opinion")) {
                        Object sig = mm.get("signature");
                        String areas = sig instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                                : (String) sig;
                        cells.add(new Cell((String) mm.get("label"), (String) mm.get("opinion"), CellKind.OPINION,
                                areas, (String) mm.get("date")));
                    } else {
                        throw new IllegalArgumentException("单元格应为“标签=字段”、{block: 字段} 或 {opinion: 字段}");
                    }
                } else {
                    throw new IllegalArgumentException("单元格格式不认识：" + c);
                }
            }
            out.add(List.copyOf(cells));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    private static List<String> strings(Object v) {
        if (v == null) return List.of();
        return ((List<?>) v).stream().map(String::valueOf).toList();
    }

    private static String req(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) throw new IllegalArgumentException("缺少 " + key);
        return String.valueOf(v);
    }

    private static String str(Map<String, Object> m, String key, String def) {
        Object v = m.get(key);
        return v == null ? def : String.valueOf(v);
    }

    private static boolean bool(Map<String, Object> m, String key, boolean def) {
        Object v = m.get(key);
        return v == null ? def : (Boolean) v;
    }
}
