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
        java.util.Arrays.sort(sorted);
        List<Candidate> unique = new ArrayList<>(sorted.length);
        for (Candidate c : sorted) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).id() != c.id()) {
                unique.add(c);
            }
        }
        return Collections.unmodifiableList(unique);
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
     * as ‘firm:officer,officer’ and {@code previous} as ‘firm:officer,officer’.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder(32 + firms.size() * 16);
        text.append(DrawAlgorithm.NAME).append(" count=").append(count).append(" team=").append(teamSize)
                .append(" joint=").append(jointSize).append(" townRecusal=").append(townRecusal).append('\n');
        section(text, "firms", firms);
        section(text, "officers", officers);
        section(text, "joint", jointInspectors);
        section(text, "recusals", recusals);
        section(text, "previous", previousTeams);
        return text.toString();
    }

    /** SHA-256 of {@link #canonical()}, lower-case hex. */
    public String hash() {
        return HexFormat.of().formatHex(DeterministicRandom.sha256().digest(canonical().getBytes(StandardCharsets.UTF_8)));
    }

    private static void section(StringBuilder text, String name, List<Candidate> candidates) {
        text.append('[').append(name).append("]\n");
        for (Candidate c : candidates) {
            text.append(c.id()).append(',').append(c.town() == null ? "-" : c.town().toString()).append('\n');
        }
    }

    private static void section(StringBuilder text, String name, Map<Long, Set<Long>> map) {
        text.append('[').append(name).append("]\n");
        map.forEach((firm, people) -> {
            text.append(firm).append(':');
            boolean first = true;
            for (Long person : people) {
                if (!first) {
                    text.append(',');
                }
                text.append(person);
                first = false;
            }
            text.append('\n');
        });
    }

    /** Reads the text written by {@link #canonical()}; {@code parse(x.canonical()).canonical()} equals the text. */
    public static DrawInput parse(String canonical) {
        String[] lines = canonical.split("\n");
        String[] header = lines[0].split(" ");
        if (!DrawAlgorithm.NAME.equals(header[0])) {
            throw new IllegalArgumentException("unknown algorithm " + header[0]);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < header.length; i++) {
            String[] kv = header[i].split("=", 2);
            values.put(kv[0], kv[1]);
        }
        Map<String, List<String>> sections = new HashMap<>();
        List<String> current = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("[")) {
                current = new ArrayList<>();
                sections.put(line.substring(1, line.length() - 1), current);
            } else if (!line.isEmpty() && current != null) {
                current.add(line);
            }
        }
        return new DrawInput(candidates(sections.get("firms")), Integer.parseInt(values.get("count")),
                candidates(sections.get("officers")), Integer.parseInt(values.get("team")),
                candidates(sections.get("joint")), Integer.parseInt(values.get("joint")),
                Boolean.parseBoolean(values.get("townRecusal")), pairs(sections.get("recusals")),
                pairs(sections.get("previous")));
    }

    private static List<Candidate> candidates(List<String> lines) {
        List<Candidate> list = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            String[] parts = line.split(",");
            list.add(new Candidate(Long.parseLong(parts[0]), "-".equals(parts[1]) ? null : Long.valueOf(parts[1])));
        }
        return list;
    }

    private static Map<Long, Set<Long>> pairs(List<String> lines) {
        Map<Long, Set<Long>> map = new HashMap<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            String[] parts = line.split(":");
            Set<Long> people = new TreeSet<>();
            for (String p : parts[1].split(",")) {
                people.add(Long.valueOf(p));
            }
            map.put(Long.valueOf(parts[0]), people);
        }
        return map;
    }
}
