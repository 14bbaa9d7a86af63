package cn.zhifa.planning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The frozen candidate lists of one 双随机 draw: the firm pool, the officer pool (and, in a joint draw,
 * the other departments' inspectors), declared recusals, the previous team at each firm and the sizes.
 * Lists are kept sorted by id, so the same candidates always give the same {@link #canonical() text}
 * and the same {@link #hash() hash}, whatever order they were read in.
 */
public record DrawInput(List<Candidate> firms, int count, List<Candidate> officers, int teamSize,
                        List<Candidate> jointInspectors, int jointSize, boolean townRecusal,
                        Map<Long, Set<Long>> recusals, Map<Long, Set<Long>> previousTeams) {

    /** A firm or a person in a pool; {@code town} is the township organisation id, or null. */
    public record Candidate(long id, Long town) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate other) {
            return Long.compare(id, other.id);
        }
    }

    public DrawInput {
        firms = sortedUnique(firms);
        officers = sortedUnique(officers);
        jointInspectors = sortedUnique(jointInspectors == null ? List.of() : jointInspectors);
        recusals = sorted(recusals);
        previousTeams = sorted(previousTeams);
    }

    private static List<Candidate> sortedUnique(List<Candidate> candidates) {
        Candidate[] sorted = candidates.toArray(Candidate[]::new);
        if (!increasing(sorted)) { // lists read in id order (the pool, a stored text) are not sorted again
            java.util.Arrays.sort(sorted);
        }
        int unique = 0;
        for (Candidate c : sorted) {
            if (unique == 0 || sorted[unique - 1].id() != c.id()) {
                sorted[unique++] = c;
            }
        }
        return Collections.unmodifiableList(java.util.Arrays.asList(sorted).subList(0, unique));
    }

    private static boolean increasing(Candidate[] candidates) {
        for (int i = 1; i < candidates.length; i++) {
            if (candidates[i - 1].id() >= candidates[i].id()) {
                return false;
            }
        }
        return true;
    }

    private static Map<Long, Set<Long>> sorted(Map<Long, Set<Long>> map) {
        TreeMap<Long, Set<Long>> copy = new TreeMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v)));
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The published text the hash is taken over (UTF-8, LF line ends): a header line, then the sections
     * {@code firms}, {@code officers}, {@code joint} as ‘id,town’ lines (‘-’ for no town), {@code recusals}
     * as ‘firm:officer,officer’ and {@code previous} as ‘firm:officer,officer’. The text is ASCII; it is written as
     * bytes in blocks (a 5M-firm pool is about 90 MB), never through an intermediate string per line.
     */
    public String canonical() {
        // a line is at most 20 + 1 + 20 + 1 bytes; ids of a province's firms and township ids give about 18
        long expected = 256 + 20L * (firms.size() + officers.size() + jointInspectors.size())
                + 24L * (recusals.size() + previousTeams.size());
        Text.Collected bytes = new Text.Collected((int) Math.min(expected, Integer.MAX_VALUE - 16));
        write(bytes);
        return bytes.string();
    }

    /** SHA-256 of {@link #canonical()}, lower-case hex, hashed as it is written (the text is not kept). */
    public String hash() {
        java.security.MessageDigest sha256 = DeterministicRandom.sha256();
        write(new Text(sha256::update));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private void write(Text text) {
        text.ascii(DrawAlgorithm.NAME).ascii(" count=").number(count).ascii(" team=").number(teamSize)
                .ascii(" joint=").number(jointSize).ascii(" townRecusal=").ascii(String.valueOf(townRecusal)).newline();
        section(text, "firms", firms);
        section(text, "officers", officers);
        section(text, "joint", jointInspectors);
        section(text, "recusals", recusals);
        section(text, "previous", previousTeams);
        text.flush();
    }

    private static void section(Text text, String name, List<Candidate> candidates) {
        text.ascii("[").ascii(name).ascii("]").newline();
        for (Candidate c : candidates) {
            text.number(c.id()).ascii(',');
            if (c.town() == null) {
                text.ascii('-');
            } else {
                text.number(c.town());
            }
            text.newline();
        }
    }

    private static void section(Text text, String name, Map<Long, Set<Long>> map) {
        text.ascii("[").ascii(name).ascii("]").newline();
        map.forEach((firm, people) -> {
            text.number(firm).ascii(':');
            boolean first = true;
            for (Long person : people) {
                if (!first) {
                    text.ascii(',');
                }
                text.number(person);
                first = false;
            }
            text.newline();
        });
    }

    /** ASCII text written into a 64 KiB block handed to a sink whenever it fills (a digest, or a growing array). */
    private static class Text {

        interface Sink {
            void accept(byte[] block, int offset, int length);
        }

        private final Sink sink;
        private final byte[] block = new byte[1 << 16];
        private int used;

        Text(Sink sink) {
            this.sink = sink;
        }

        Text ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                ascii(s.charAt(i));
            }
            return this;
        }

        Text ascii(char c) {
            if (used == block.length) {
                flush();
            }
            block[used++] = (byte) c;
            return this;
        }

        Text newline() {
            return ascii('\n');
        }

        Text number(long value) {
            if (value < 0 || value > Integer.MAX_VALUE) {
                return ascii(Long.toString(value));
            }
            if (used > block.length - 10) {
                flush();
            }
            int rest = (int) value;
            int digits = rest < 10 ? 1 : rest < 100 ? 2 : rest < 1_000 ? 3 : rest < 10_000 ? 4 : rest < 100_000 ? 5
                    : rest < 1_000_000 ? 6 : rest < 10_000_000 ? 7 : rest < 100_000_000 ? 8 : rest < 1_000_000_000 ? 9 : 10;
            int at = used + digits;
            while (rest >= 100) { // two digits a step, by int arithmetic (ids and township ids fit an int)
                int pair = rest % 100;
                rest /= 100;
                block[--at] = ONES[pair];
                block[--at] = TENS[pair];
            }
            block[--at] = ONES[rest];
            if (rest >= 10) {
                block[--at] = TENS[rest];
            }
            used += digits;
            return this;
        }

        private static final byte[] TENS = new byte[100];
        private static final byte[] ONES = new byte[100];

        static {
            for (int i = 0; i < 100; i++) {
                TENS[i] = (byte) ('0' + i / 10);
                ONES[i] = (byte) ('0' + i % 10);
            }
        }

        void flush() {
            if (used > 0) {
                sink.accept(block, 0, used);
                used = 0;
            }
        }

        /** The text kept in memory, for {@link #canonical()}. */
        static final class Collected extends Text {

            private final Growing bytes;

            Collected(int expected) {
                this(new Growing(expected));
            }

            private Collected(Growing bytes) {
                super(bytes);
                this.bytes = bytes;
            }

            String string() {
                return new String(bytes.data, 0, bytes.size, StandardCharsets.ISO_8859_1);
            }
        }

        private static final class Growing implements Sink {

            private byte[] data;
            private int size;

            Growing(int expected) {
                data = new byte[Math.max(256, expected)];
            }

            @Override
            public void accept(byte[] block, int offset, int length) {
                if (size + length > data.length) {
                    data = java.util.Arrays.copyOf(data, Math.max(size + length, data.length * 2));
                }
                System.arraycopy(block, offset, data, size, length);
                size += length;
            }
        }
    }

    /**
     * Reads the text written by {@link #canonical()}; {@code parse(x.canonical()).canonical()} equals the text. Walks
     * the text once by line, without splitting it into line strings.
     */
    public static DrawInput parse(String canonical) {
        int headerEnd = canonical.indexOf('\n');
        String[] header = (headerEnd < 0 ? canonical : canonical.substring(0, headerEnd)).split(" ");
        if (!DrawAlgorithm.NAME.equals(header[0])) {
            throw new IllegalArgumentException("unknown algorithm " + header[0]);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < header.length; i++) {
            String[] kv = header[i].split("=", 2);
            values.put(kv[0], kv[1]);
        }
        Map<String, List<Candidate>> lists = new HashMap<>();
        Map<String, Map<Long, Set<Long>>> maps = new HashMap<>();
        String section = null;
        int at = headerEnd < 0 ? canonical.length() : headerEnd + 1;
        while (at < canonical.length()) {
            int end = canonical.indexOf('\n', at);
            if (end < 0) {
                end = canonical.length();
            }
            if (canonical.charAt(at) == '[') {
                section = canonical.substring(at + 1, end - 1);
            } else if (end > at && section != null) {
                if (section.equals("recusals") || section.equals("previous")) {
                    pair(canonical, at, end, maps.computeIfAbsent(section, k -> new HashMap<>()));
                } else {
                    int comma = canonical.indexOf(',', at);
                    long id = Long.parseLong(canonical, at, comma, 10);
                    Long town = comma + 2 == end && canonical.charAt(comma + 1) == '-' ? null
                            : Long.valueOf(Long.parseLong(canonical, comma + 1, end, 10));
                    lists.computeIfAbsent(section, k -> new ArrayList<>()).add(new Candidate(id, town));
                }
            }
            at = end + 1;
        }
        return new DrawInput(lists.getOrDefault("firms", List.of()), Integer.parseInt(values.get("count")),
                lists.getOrDefault("officers", List.of()), Integer.parseInt(values.get("team")),
                lists.getOrDefault("joint", List.of()), Integer.parseInt(values.get("joint")),
                Boolean.parseBoolean(values.get("townRecusal")), maps.get("recusals"), maps.get("previous"));
    }

    private static void pair(String text, int from, int to, Map<Long, Set<Long>> map) {
        int colon = text.indexOf(':', from);
        Set<Long> people = new TreeSet<>();
        int at = colon + 1;
        while (at < to) {
            int comma = text.indexOf(',', at);
            int end = comma < 0 || comma > to ? to : comma;
            people.add(Long.parseLong(text, at, end, 10));
            at = end + 1;
        }
        map.put(Long.parseLong(text, from, colon, 10), people);
    }
}
