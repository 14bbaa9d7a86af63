package cn.zhifa.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 (past one database): no query joins two large tables without equating their organisation id. Citus
 * co-locates tables distributed by the same key and joins them on one worker only when the join names the key; a join
 * that does not is a repartition join across the cluster (or is refused). The large tables are the ones
 * {@link DistributionKeyTests} lists; the SQL is every string literal and text block of {@code src/main/java} (a
 * concatenation is read as one text, a non-literal operand standing in as an identifier) and every non-migration
 * {@code .sql} of {@code src/main/resources}. A text JSqlParser reads is checked on its syntax tree: the tables of one
 * {@code FROM} (explicit and comma joins) and a subquery's tables with the outer tables it names (correlated
 * subqueries); a text it cannot read (a fragment of a query built in pieces) by a regular expression over its
 * {@code FROM}/{@code JOIN} items. Plain JUnit over the source files: no database, no Spring context.
 */
class KeyedJoinTests {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");

    /** Stands in for a non-literal operand of a concatenation: an identifier fits where SQL takes a name or a value. */
    private static final String HOLE = " fragment_ ";

    /**
     * Joins of two large tables whose rows may legitimately belong to different units, by file and table pair, each
     * with its reason (equating the key there would lose rows). Citus would run them as repartition joins or the
     * module would read through the other side's API.
     */
    static final Map<String, String> EXEMPT = Map.ofEntries();

    static Set<String> largeTables() {
        return DistributionKeyTests.largeTables();
    }

    @Test
    void every_join_of_two_large_tables_in_the_main_sources_equates_their_organisation_id() {
        Inventory inventory = Inventory.of(SOURCES, RESOURCES, largeTables());
        if (Boolean.getBoolean("zhifa.joins.list")) {
            inventory.joins.forEach(j -> System.out.println((j.keyed() ? "keyed   " : EXEMPT.containsKey(j.exemption())
                    ? "exempt  " : "MISSING ") + j));
            inventory.unread.forEach(u -> System.out.println("regex   " + u));
        }
        assertThat(inventory.texts).as("SQL texts found in the main sources").isGreaterThan(500);
        assertThat(inventory.joins).as("joins of two large tables found").isNotEmpty();
        assertThat(inventory.joins.stream().filter(j -> !j.keyed() && !EXEMPT.containsKey(j.exemption())).map(Join::toString))
                .as("joins of two large tables without a.organization_id = b.organization_id, not exempted in "
                        + "KeyedJoinTests.EXEMPT with a reason")
                .isEmpty();
        Set<String> found = new TreeSet<>();
        inventory.joins.stream().filter(j -> !j.keyed()).forEach(j -> found.add(j.exemption()));
        assertThat(EXEMPT.keySet()).as("exemptions that match no unkeyed join any more (remove them)")
                .allMatch(found::contains);
    }

    @Test
    void the_check_sees_explicit_comma_and_correlated_joins_without_the_key() {
        Set<String> large = Set.of("hazard", "hazard_evidence", "inspection_record", "penalty_case");
        assertThat(unkeyed("SELECT h.id FROM hazard h JOIN hazard_evidence e ON e.hazard = h.id WHERE h.id = :id", large))
                .containsExactly("hazard ⋈ hazard_evidence");
        assertThat(unkeyed("""
                SELECT h.id FROM hazard h JOIN hazard_evidence e ON e.hazard = h.id AND e.organization_id = h.organization_id
                 WHERE h.id = :id""", large)).isEmpty();
        assertThat(unkeyed("FROM hazard h JOIN hazard_evidence e ON e.hazard = h.id WHERE h.id = :id", large))
                .as("a FROM … WHERE part kept for the rows and their count").containsExactly("hazard ⋈ hazard_evidence");
        assertThat(unkeyed("SELECT 1 FROM hazard h, inspection_record r WHERE r.id = h.origin_record_id", large))
                .containsExactly("hazard ⋈ inspection_record");
        assertThat(unkeyed("""
                SELECT h.id FROM hazard h WHERE NOT EXISTS (SELECT 1 FROM hazard_evidence e WHERE e.hazard = h.id)""", large))
                .containsExactly("hazard ⋈ hazard_evidence");
        assertThat(unkeyed("""
                SELECT h.id, (SELECT count(*) FROM hazard_evidence e WHERE e.hazard = h.id AND e.organization_id = h.organization_id)
                  FROM hazard h""", large)).isEmpty();
        // the key carried through a third table, and both sides bound to the same parameter, keep the join local
        assertThat(unkeyed("""
                SELECT 1 FROM hazard h JOIN inspection_record r ON r.id = h.origin_record_id AND r.organization_id = h.organization_id
                  JOIN penalty_case c ON c.hazard_id = h.id AND c.organization_id = r.organization_id""", large)).isEmpty();
        assertThat(unkeyed("""
                SELECT 1 FROM hazard h JOIN penalty_case c ON c.hazard_id = h.id
                 WHERE h.organization_id = :org AND c.organization_id = :org""", large)).isEmpty();
        // an equality under OR does not bind the two keys
        assertThat(unkeyed("""
                SELECT 1 FROM hazard h JOIN penalty_case c ON c.hazard_id = h.id
                 WHERE h.organization_id = c.organization_id OR h.id = 1""", large)).containsExactly("hazard ⋈ penalty_case");
        // an uncorrelated subquery and a table joined to small ones are no join of two large tables
        assertThat(unkeyed("SELECT 1 FROM hazard h WHERE h.origin_record_id IN (SELECT id FROM inspection_record)", large))
                .isEmpty();
        assertThat(unkeyed("SELECT 1 FROM hazard h JOIN organization o ON o.id = h.organization_id", large)).isEmpty();
        // a query built from pieces that the parser cannot read falls back to the FROM and JOIN items
        assertThat(unkeyed("SELECT count(*) FROM hazard h JOIN penalty_case c ON c.hazard_id = h.id WHERE " + HOLE + " "
                + HOLE + " ORDER BY", large)).containsExactly("hazard ⋈ penalty_case");
    }

    @Test
    void a_concatenation_is_read_as_one_text_with_its_non_literal_operands_as_holes() {
        String source = """
                class A {
                    // SELECT 1 FROM hazard h JOIN penalty_case c ON c.id = 1 (a comment, not SQL)
                    String sql = "SELECT count(*) FROM hazard h " + join(x, "y") + " WHERE h.id = " + id + ";";
                    String block = \"""
                            SELECT 1 FROM hazard h \\
                            JOIN penalty_case c ON c.hazard_id = h.id\""";
                    char quote = '"';
                }""";
        List<SqlText> texts = SqlText.in(source, "A.java");
        assertThat(texts).extracting(SqlText::sql).containsExactly(
                "SELECT count(*) FROM hazard h " + HOLE + " WHERE h.id = " + HOLE + ";", "y",
                "SELECT 1 FROM hazard h JOIN penalty_case c ON c.hazard_id = h.id");
        assertThat(texts).extracting(SqlText::line).containsExactly(3, 3, 4);
    }

    private static List<String> unkeyed(String sql, Set<String> large) {
        List<Join> joins = new ArrayList<>();
        Inventory.check(new SqlText(sql, "Test.java", 1), large, joins, new ArrayList<>());
        return joins.stream().filter(j -> !j.keyed()).map(j -> j.left() + " ⋈ " + j.right()).toList();
    }

    /** One join of two large tables: where, which, and whether the two organisation ids are equated. */
    record Join(String file, int line, String left, String right, boolean keyed, boolean parsed) {

        String exemption() {
            return file + ": " + left + " ⋈ " + right;
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + left + " ⋈ " + right + (parsed ? "" : " (regex)");
        }
    }

    /** A SQL candidate: a literal or a concatenation of literals, where it starts. */
    record SqlText(String sql, String file, int line) {

        /** The string literals and text blocks of a Java source, each concatenation joined into one text. */
        static List<SqlText> in(String source, String file) {
            List<Object> tokens = tokens(source);
            List<SqlText> texts = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (!(tokens.get(i) instanceof Literal first)) {
                    continue;
                }
                StringBuilder sql = new StringBuilder(first.value);
                int j = i + 1;
                while (j < tokens.size() && "+".equals(tokens.get(j))) {
                    j++;
                    if (j < tokens.size() && tokens.get(j) instanceof Literal literal) {
                        sql.append(literal.value);
                        j++;
                    } else {
                        sql.append(HOLE);
                        j = endOfOperand(tokens, j);
                    }
                }
                texts.add(new SqlText(sql.toString(), file, first.line));
                // the literals inside a skipped operand (a method's arguments) are texts of their own
                for (int k = i + 1; k < j; k++) {
                    if (tokens.get(k) instanceof Literal inner && !follows(tokens, k)) {
                        texts.add(new SqlText(inner.value, file, inner.line));
                    }
                }
                i = j - 1;
            }
            return texts;
        }

        private static boolean follows(List<Object> tokens, int k) {
            return k > 0 && "+".equals(tokens.get(k - 1));
        }

        /** After a non-literal operand: the next {@code +}, or a comma, closing bracket or semicolon at its depth. */
        private static int endOfOperand(List<Object> tokens, int j) {
            int depth = 0;
            for (; j < tokens.size(); j++) {
                if (!(tokens.get(j) instanceof String s)) {
                    continue;
                }
                switch (s) {
                    case "(", "[", "{" -> depth++;
                    case ")", "]", "}" -> {
                        if (depth-- == 0) {
                            return j;
                        }
                    }
                    case "+", ",", ";", "?", ":" -> {
                        if (depth == 0) {
                            return j;
                        }
                    }
                    default -> {
                    }
                }
            }
            return j;
        }

        private record Literal(String value, int line) {
        }

        private static final String PUNCTUATION = "+,;?:()[]{}";
        private static final String WORD = "w";

        /**
         * Literals, the punctuation that delimits an operand, and one token for any other run of characters; no
         * comments, char literals or white space.
         */
        private static List<Object> tokens(String s) {
            List<Object> tokens = new ArrayList<>();
            int line = 1;
            for (int i = 0; i < s.length(); ) {
                char c = s.charAt(i);
                if (s.startsWith("//", i)) {
                    i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2) + 2;
                    line += count(s, i, end);
                    i = end;
                } else if (c == '\'') {
                    int end = i + 1;
                    while (s.charAt(end) != '\'') {
                        end += s.charAt(end) == '\\' ? 2 : 1;
                    }
                    i = end + 1;
                } else if (s.startsWith("\"\"\"", i)) {
                    int start = s.indexOf('\n', i) + 1;
                    int end = start;
                    while (!s.startsWith("\"\"\"", end)) {
                        end += s.charAt(end) == '\\' ? 2 : 1;
                    }
                    tokens.add(new Literal(unescape(s.substring(start, end).stripIndent()), line));
                    line += count(s, i, end);
                    i = end + 3;
                } else if (c == '"') {
                    int end = i + 1;
                    while (s.charAt(end) != '"') {
                        end += s.charAt(end) == '\\' ? 2 : 1;
                    }
                    tokens.add(new Literal(unescape(s.substring(i + 1, end)), line));
                    i = end + 1;
                } else if (Character.isWhitespace(c)) {
                    line += c == '\n' ? 1 : 0;
                    i++;
                } else if (PUNCTUATION.indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != WORD) {
                        tokens.add(WORD);
                    }
                    i++;
                }
            }
            return tokens;
        }

        private static int count(String s, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                n += s.charAt(i) == '\n' ? 1 : 0;
            }
            return n;
        }

        private static String unescape(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\' || i + 1 == s.length()) {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 's' -> out.append(' ');
                    case '\n' -> {
                    }
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }
    }

    /** The SQL texts of the main sources and the joins of two large tables in them. */
    static final class Inventory {

        final List<Join> joins = new ArrayList<>();
        /** Texts naming two large tables that the parser could not read, checked by the regular expression. */
        final List<String> unread = new ArrayList<>();
        int texts;

        static Inventory of(Path sources, Path resources, Set<String> large) {
            Inventory inventory = new Inventory();
            List<SqlText> texts = new ArrayList<>();
            for (Path file : files(sources, ".java")) {
                String source = read(file);
                // a join of two large tables names one at least (a file naming none is not read further)
                if (large.stream().anyMatch(source::contains)) {
                    texts.addAll(SqlText.in(source, sources.relativize(file).toString().replace("cn/zhifa/", "")));
                }
            }
            for (Path file : files(resources, ".sql")) {
                if (!file.toString().contains("db/migration")) {
                    texts.add(new SqlText(read(file), resources.relativize(file).toString(), 1));
                }
            }
            inventory.texts = texts.size();
            texts.forEach(text -> check(text, large, inventory.joins, inventory.unread));
            return inventory;
        }

        private static final Pattern STATEMENT = Pattern.compile("(?i)\\b(SELECT|UPDATE|DELETE|INSERT)\\b|^\\s*FROM\\b");
        /** A query's FROM … WHERE part kept apart to be used for the rows and for their count. */
        private static final Pattern FROM_PART = Pattern.compile("(?i)^\\s*FROM\\b");
        private static final Pattern SUBQUERY = Pattern.compile("(?i)\\(\\s*SELECT\\b");

        static void check(SqlText text, Set<String> large, List<Join> joins, List<String> unread) {
            int mentions = mentions(text.sql(), large);
            // two large tables, or one in a subquery (of a fragment whose outer query may be another)
            if (!STATEMENT.matcher(text.sql()).find() || mentions < 2 && !(mentions == 1 && SUBQUERY.matcher(text.sql()).find())) {
                return;
            }
            Statement statement = FROM_PART.matcher(text.sql()).find() ? parse("SELECT 1 " + text.sql()) : parse(text.sql());
            boolean fragment = statement == null;
            if (fragment) {
                // a condition added to a query built elsewhere: its subqueries may name that query's tables
                statement = parse("SELECT 1 FROM" + HOLE + "WHERE " + text.sql().replaceFirst("(?i)^\\s*(AND|OR)\\b", ""));
            }
            if (statement == null) {
                unread.add(text.file() + ":" + text.line());
                Regex.check(text, large, joins);
                return;
            }
            new Scopes(text, large, joins, fragment).walk(statement, null);
        }

        private static Statement parse(String sql) {
            try {
                return CCJSqlParserUtil.parse(sql, parser -> parser.withTimeOut(2000));
            } catch (Exception | Error unreadable) {
                return null;
            }
        }

        private static int mentions(String sql, Set<String> large) {
            Matcher m = WORD.matcher(sql.toLowerCase());
            int n = 0;
            while (m.find()) {
                n += large.contains(m.group()) ? 1 : 0;
            }
            return n;
        }

        private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_]*");

        private static List<Path> files(Path root, String suffix) {
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The scopes of a parsed statement (each {@code SELECT}, {@code UPDATE}, {@code DELETE}): its own tables, the
     * aliases it names, the equalities of organisation ids among its conjuncts. Walks the syntax tree by reflection so
     * that every clause (select list, {@code WHERE}, {@code ON}, {@code HAVING}, {@code WITH}, {@code LATERAL}) is seen.
     */
    private static final class Scopes {

        private final SqlText text;
        private final Set<String> large;
        private final List<Join> joins;
        private final Set<String> reported = new LinkedHashSet<>();
        private int counter;

        /** A fragment's alias that no scope of it declares names a table of the query around it, perhaps a large one. */
        private final boolean fragment;

        Scopes(SqlText text, Set<String> large, List<Join> joins, boolean fragment) {
            this.text = text;
            this.large = large;
            this.joins = joins;
            this.fragment = fragment;
        }

        private final class Scope {
            final Scope outer;
            final int id = counter++;
            /** alias (or table name) → table name, of this scope's own FROM/JOIN/USING tables. */
            final Map<String, String> tables = new LinkedHashMap<>();
            final Set<String> referenced = new LinkedHashSet<>();
            /** Pairs of keys (scope-qualified alias or a parameter) that the conjuncts equate. */
            final List<String[]> equal = new ArrayList<>();

            Scope(Scope outer) {
                this.outer = outer;
            }

            /** The alias as this scope sees it; a large table's name that no scope declares: the query around a fragment. */
            String qualified(String alias) {
                for (Scope s = this; s != null; s = s.outer) {
                    if (s.tables.containsKey(alias)) {
                        return s.id + ":" + alias;
                    }
                }
                return large.contains(alias) || fragment && !alias.equals(HOLE.strip()) ? "around:" + alias : null;
            }

            String table(String qualified) {
                if (qualified.startsWith("around:")) {
                    String alias = qualified.substring("around:".length());
                    return large.contains(alias) ? alias : "(" + alias + " of the query around)";
                }
                int colon = qualified.indexOf(':');
                int scope = Integer.parseInt(qualified.substring(0, colon));
                for (Scope s = this; s != null; s = s.outer) {
                    if (s.id == scope) {
                        return s.tables.get(qualified.substring(colon + 1));
                    }
                }
                return null;
            }
        }

        void walk(Object root, Scope outer) {
            Scope scope = new Scope(outer);
            List<Object> nested = new ArrayList<>();
            List<Object> conditions = new ArrayList<>();
            collect(root, scope, nested, conditions, new IdentityHashMap<>(), true);
            conditions.forEach(c -> equalities(c, scope));
            judge(scope);
            nested.forEach(n -> walk(n, scope));
        }

        private static boolean isScope(Object o) {
            return o instanceof PlainSelect || o instanceof Update || o instanceof Delete;
        }

        /** This scope's tables and column references; nested scopes are noted, not entered. */
        private void collect(Object node, Scope scope, List<Object> nested, List<Object> conditions,
                IdentityHashMap<Object, Boolean> seen, boolean root) {
            if (node == null || seen.put(node, true) != null) {
                return;
            }
            if (!root && isScope(node)) {
                nested.add(node);
                return;
            }
            if (node instanceof Collection<?> items) {
                items.forEach(item -> collect(item, scope, nested, conditions, seen, false));
                return;
            }
            if (!node.getClass().getName().startsWith("net.sf.jsqlparser.") || node instanceof Enum<?>
                    || node.getClass().getName().startsWith("net.sf.jsqlparser.parser.")) {
                return;
            }
            if (node instanceof Column column) {
                if (column.getTable() != null && column.getTable().getName() != null) {
                    scope.referenced.add(column.getTable().getName().toLowerCase());
                }
                return;
            }
            if (node instanceof AllTableColumns all) {
                scope.referenced.add(all.getTable().getName().toLowerCase());
                return;
            }
            if (node instanceof Table table) {
                String name = table.getName().toLowerCase();
                String alias = table.getAlias() == null ? name : table.getAlias().getName().toLowerCase();
                scope.tables.put(alias, name);
                return;
            }
            if (node instanceof EqualsTo) {
                conditions.add(node);
            }
            if (node instanceof OrExpression || node instanceof NotExpression) {
                // its columns still correlate a subquery, but its equalities bind nothing
                references(node, scope, nested, new IdentityHashMap<>());
                return;
            }
            for (Class<?> type = node.getClass(); type.getName().startsWith("net.sf.jsqlparser."); type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
                            || (node instanceof Insert && "table".equals(field.getName()))) {
                        continue;
                    }
                    field.setAccessible(true);
                    try {
                        collect(field.get(node), scope, nested, conditions, seen, false);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        /** Under OR or NOT: only the qualifiers of columns and the nested scopes. */
        private void references(Object node, Scope scope, List<Object> nested, IdentityHashMap<Object, Boolean> seen) {
            Scope probe = new Scope(null);
            collect(node instanceof OrExpression or ? List.of(or.getLeftExpression(), or.getRightExpression())
                    : ((NotExpression) node).getExpression(), probe, nested, new ArrayList<>(), seen, false);
            scope.referenced.addAll(probe.referenced);
        }

        /** The organisation-id equalities reachable from a conjunct (not under OR or NOT). */
        private void equalities(Object condition, Scope scope) {
            EqualsTo equals = (EqualsTo) condition;
            String left = key(equals.getLeftExpression(), scope);
            String right = key(equals.getRightExpression(), scope);
            if (left != null && right != null) {
                scope.equal.add(new String[]{left, right});
            }
        }

        /** A scope-qualified alias for {@code x.organization_id}, the parameter for {@code :name}, else null. */
        private String key(Object expression, Scope scope) {
            if (expression instanceof Column column && column.getColumnName().equalsIgnoreCase("organization_id")) {
                if (column.getTable() != null && column.getTable().getName() != null) {
                    return scope.qualified(column.getTable().getName().toLowerCase());
                }
                return scope.tables.size() == 1 ? scope.id + ":" + scope.tables.keySet().iterator().next() : null;
            }
            if (expression instanceof JdbcNamedParameter parameter) {
                return "param:" + parameter.getName();
            }
            return null;
        }

        /** Pairs of large tables this scope joins (its own, and its own with the outer ones it names). */
        private void judge(Scope scope) {
            List<String> own = new ArrayList<>();
            scope.tables.forEach((alias, table) -> {
                if (large.contains(table)) {
                    own.add(scope.id + ":" + alias);
                }
            });
            if (own.isEmpty()) {
                return;
            }
            List<String[]> pairs = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                for (int j = i + 1; j < own.size(); j++) {
                    pairs.add(new String[]{own.get(i), own.get(j)});
                }
            }
            for (String alias : scope.referenced) {
                if (scope.tables.containsKey(alias)) {
                    continue;
                }
                String outer = scope.qualified(alias);
                if (outer != null && (large.contains(scope.table(outer)) || outer.startsWith("around:"))) {
                    own.forEach(o -> pairs.add(new String[]{o, outer}));
                }
            }
            Map<String, String> parent = new HashMap<>();
            for (Scope s = scope; s != null; s = s.outer) {
                s.equal.forEach(e -> union(parent, e[0], e[1]));
            }
            for (String[] pair : pairs) {
                String a = scope.table(pair[0]);
                String b = scope.table(pair[1]);
                String left = a.compareTo(b) <= 0 ? a : b;
                String right = left.equals(a) ? b : a;
                boolean keyed = find(parent, pair[0]).equals(find(parent, pair[1]));
                if (reported.add(pair[0] + "|" + pair[1] + "|" + keyed)) {
                    joins.add(new Join(text.file(), text.line(), left, right, keyed, true));
                }
            }
        }
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.put(find(parent, a), find(parent, b));
    }

    private static String find(Map<String, String> parent, String a) {
        String p = parent.getOrDefault(a, a);
        return p.equals(a) ? a : find(parent, p);
    }

    /** For a text the parser cannot read: its FROM/JOIN items of large tables, each pair bound by an equality or not. */
    private static final class Regex {

        private static final Pattern ITEM = Pattern.compile(
                "(?i)(?:\\bFROM|\\bJOIN|,)\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:AS\\s+)?(?!(?:ON|WHERE|JOIN|LEFT|RIGHT|INNER|FULL|CROSS"
                        + "|GROUP|ORDER|LIMIT|USING|SET|AND|OR|FOR|UNION|HAVING|OFFSET|WINDOW|NATURAL|LATERAL)\\b)([a-z_][a-z0-9_]*))?");
        private static final Pattern EQUAL = Pattern.compile(
                "(?i)\\b([a-z_][a-z0-9_]*)\\.organization_id\\s*=\\s*(?:([a-z_][a-z0-9_]*)\\.organization_id\\b|(:[a-z_][a-z0-9_]*))");

        static void check(SqlText text, Set<String> large, List<Join> joins) {
            Map<String, String> tables = new LinkedHashMap<>();
            Matcher item = ITEM.matcher(text.sql());
            while (item.find()) {
                String table = item.group(1).toLowerCase();
                if (large.contains(table)) {
                    tables.put(item.group(2) == null ? table : item.group(2).toLowerCase(), table);
                }
            }
            Map<String, String> parent = new HashMap<>();
            Matcher equal = EQUAL.matcher(text.sql());
            while (equal.find()) {
                union(parent, equal.group(1).toLowerCase(),
                        equal.group(2) != null ? equal.group(2).toLowerCase() : "param" + equal.group(3));
            }
            List<String> aliases = new ArrayList<>(tables.keySet());
            Set<String> reported = new LinkedHashSet<>();
            for (int i = 0; i < aliases.size(); i++) {
                for (int j = i + 1; j < aliases.size(); j++) {
                    String a = tables.get(aliases.get(i));
                    String b = tables.get(aliases.get(j));
                    String left = a.compareTo(b) <= 0 ? a : b;
                    String right = left.equals(a) ? b : a;
                    boolean keyed = find(parent, aliases.get(i)).equals(find(parent, aliases.get(j)));
                    if (reported.add(left + right + keyed)) {
                        joins.add(new Join(text.file(), text.line(), left, right, keyed, false));
                    }
                }
            }
        }
    }
}
