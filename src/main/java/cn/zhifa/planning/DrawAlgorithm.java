package cn.zhifa.planning;

import cn.zhifa.shared.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented, deterministic 双随机 draw ({@value #NAME}). Anyone holding the published candidate text,
 * the revealed secret and the draw id can recompute the result:
 * <ol>
 *   <li><b>Commitment.</b> Before the lists are frozen the system picks a random secret and records
 *       {@code commitment = SHA-256(secret)}. The secret is revealed after the draw.</li>
 *   <li><b>Freeze.</b> The candidate lists are written as {@link DrawInput#canonical()} (sorted by id) and
 *       hashed: {@code candidateHash = SHA-256(text)}.</li>
 *   <li><b>Seed.</b> {@code seed = SHA-256(‘secret|candidateHash|drawId’)} (UTF-8 text). Neither the operator
 *       (committed before the lists were known) nor the lists alone decide it.</li>
 *   <li><b>Firms.</b> A {@link DeterministicRandom} stream from the seed drives a partial Fisher–Yates shuffle of
 *       the sorted firm ids: for {@code i = 0 … k−1}, {@code j = i + below(n − i)}, swap positions i and j;
 *       the first k positions, in that order, are the drawn firms.</li>
 *   <li><b>Teams.</b> The same stream continues. For each drawn firm in draw order the officers not eligible
 *       for it are set aside: declared recusals, officers of the firm's own township (if configured) and the
 *       previous team at that firm (only while enough others remain). Officers are kept in buckets by the
 *       number of teams already given to them (load); each team member comes from the lowest-load bucket that
 *       holds an eligible officer, chosen uniformly by rejection sampling ({@code below(bucket size)} until an
 *       eligible one comes up). A bucket is a list: a chosen officer leaves it by swapping in its last entry
 *       and is appended to the next bucket. Joint inspectors of other departments are drawn likewise from
 *       their own buckets after the officers.</li>
 *   <li><b>Result.</b> {@link DrawOutcome#canonical()} and its SHA-256 are published.</li>
 * </ol>
 */
public final class DrawAlgorithm {

    public static final String NAME = "zhifa-draw-v1";

    private DrawAlgorithm() {
    }

    /** SHA-256 of the secret, lower-case hex: published before the draw. */
    public static String commitment(String secret) {
        return sha256Hex(secret);
    }

    /** SHA-256 of the UTF-8 text secret, candidate hash and draw id joined by vertical bars. */
    public static byte[] seed(String secret, String candidateHash, long drawId) {
        return DeterministicRandom.sha256().digest((secret + "|" + candidateHash + "|" + drawId).getBytes(StandardCharsets.UTF_8));
    }

    public static String seedHex(String secret, String candidateHash, long drawId) {
        return HexFormat.of().formatHex(seed(secret, candidateHash, drawId));
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(DeterministicRandom.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the frozen lists allow a draw at all (pool not empty, enough officers). */
    public static Verdict check(DrawInput input) {
        if (input.firms().isEmpty()) {
            return Verdict.refuse("企业池为空：没有符合筛选条件的企业，无法抽取。");
        }
        if (input.count() < 1) {
            return Verdict.refuse("抽取数量至少为 1 家。");
        }
        if (input.count() > input.firms().size()) {
            return Verdict.refuse("抽取数量（" + input.count() + " 家）大于企业池数量（" + input.firms().size() + " 家）。");
        }
        if (input.teamSize() > input.officers().size()) {
            return Verdict.refuse("每组执法人员数（" + input.teamSize() + " 名）大于符合条件的持证执法人员数（"
                    + input.officers().size() + " 名）。");
        }
        if (input.jointSize() > input.jointInspectors().size()) {
            return Verdict.refuse("每组联合检查人员数（" + input.jointSize() + " 名）大于联合部门检查人员数（"
                    + input.jointInspectors().size() + " 名）。");
        }
        return Verdict.allow();
    }

    /** Runs the draw; refuses (RuleViolation) when {@link #check} refuses or a firm has too few eligible officers. */
    public static DrawOutcome draw(DrawInput input, byte[] seed) {
        check(input).orThrow();
        DeterministicRandom random = new DeterministicRandom(seed);
        int k = input.count();
        int[] drawn = select(random, input.firms().size(), k);
        Pool officers = new Pool(input.officers(), input.townRecusal());
        Pool joint = new Pool(input.jointInspectors(), false);
        List<DrawOutcome.Assignment> assignments = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            DrawInput.Candidate candidate = input.firms().get(drawn[i]);
            long firm = candidate.id();
            Long town = candidate.town();
            Set<Long> recused = input.recusals().getOrDefault(firm, Set.of());
            Set<Long> previous = input.previousTeams().getOrDefault(firm, Set.of());
            List<Long> team = officers.team(random, firm, town, recused, previous, input.teamSize(), "执法人员");
            List<Long> others = input.jointSize() == 0 ? List.of()
                    : joint.team(random, firm, null, recused, previous, input.jointSize(), "联合检查人员");
            assignments.add(new DrawOutcome.Assignment(firm, team, others));
        }
        return new DrawOutcome(assignments);
    }

    /**
     * Step 4, the partial Fisher–Yates shuffle of positions {@code 0 … n−1}: for {@code i = 0 … k−1},
     * {@code j = i + below(n − i)}, swap positions i and j; answers the first k positions (indexes into the sorted
     * firm list) in order. Only the positions a swap moved are kept (at most k), so the cost is O(k) whatever the pool:
     * position i is final once step i is done, because every later j is at least i + 1.
     */
    static int[] select(DeterministicRandom random, int n, int k) {
        int[] chosen = new int[k];
        Moved moved = new Moved(k);
        for (int i = 0; i < k; i++) {
            int j = i + random.below(n - i);
            int atJ = moved.get(j);
            chosen[i] = atJ;
            if (j != i) {
                moved.put(j, moved.get(i));
            }
        }
        return chosen;
    }

    /** Positions moved by the shuffle → what they now hold (unmoved positions hold themselves); open addressing. */
    private static final class Moved {

        private final int[] keys;
        private final int[] values;
        private final int mask;
        private final int shift;

        Moved(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
            keys = new int[capacity];
            values = new int[capacity];
            mask = capacity - 1;
            shift = Integer.numberOfLeadingZeros(capacity) + 1;
            java.util.Arrays.fill(keys, -1);
        }

        int get(int position) {
            for (int slot = slot(position); ; slot = (slot + 1) & mask) {
                if (keys[slot] == position) {
                    return values[slot];
                }
                if (keys[slot] == -1) {
                    return position;
                }
            }
        }

        void put(int position, int value) {
            int slot = slot(position);
            while (keys[slot] != -1 && keys[slot] != position) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = position;
            values[slot] = value;
        }

        private int slot(int position) {
            return (position * 0x9E3779B9) >>> shift;
        }
    }

    // Officers in load buckets (see the class comment).
    private static final class Pool {

        private final long[] ids;
        private final int[] load;
        private final int[] position;
        private final int[] mark;
        private final List<int[]> buckets = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();
        private final Map<Long, Integer> indexOf = new HashMap<>();
        private final Map<Long, List<Integer>> byTown = new HashMap<>();
        private int stamp;
        private int minLevel;

        Pool(List<DrawInput.Candidate> people, boolean townRecusal) {
            int n = people.size();
            ids = new long[n];
            load = new int[n];
            position = new int[n];
            mark = new int[n];
            int[] first = new int[Math.max(n, 1)];
            for (int i = 0; i < n; i++) {
                DrawInput.Candidate person = people.get(i);
                ids[i] = person.id();
                indexOf.put(person.id(), i);
                first[i] = i;
                position[i] = i;
                if (townRecusal && person.town() != null) {
                    byTown.computeIfAbsent(person.town(), t -> new ArrayList<>()).add(i);
                }
            }
            buckets.add(first);
            sizes.add(n);
        }

        List<Long> team(DeterministicRandom random, long firm, Long town, Set<Long> recused, Set<Long> previous,
                        int size, String who) {
            stamp++;
            List<Integer> excluded = new ArrayList<>();
            recused.forEach(id -> exclude(indexOf.get(id), excluded));
            if (town != null) {
                byTown.getOrDefault(town, List.of()).forEach(i -> exclude(i, excluded));
            }
            int hard = excluded.size();
            if (ids.length - hard < size) {
                throw new cn.zhifa.shared.RuleViolation("企业（编号 " + firm + "）回避后可选" + who + "只有 "
                        + (ids.length - hard) + " 名，不足每组 " + size + " 名。");
            }
            previous.forEach(id -> exclude(indexOf.get(id), excluded));
            Set<Integer> soft = new java.util.HashSet<>(excluded.subList(hard, excluded.size()));
            int fresh = Math.min(size, ids.length - excluded.size());
            List<Long> team = new ArrayList<>(size);
            for (int slot = 0; slot < size; slot++) {
                if (slot == fresh) {
                    excluded.removeIf(index -> {
                        boolean release = soft.contains(index) && !team.contains(ids[index]);
                        if (release) {
                            mark[index] = 0;
                        }
                        return release;
                    });
                }
                int chosen = pick(random, excluded);
                team.add(ids[chosen]);
                exclude(chosen, excluded);
                promote(chosen);
            }
            return team;
        }

        private void exclude(Integer index, List<Integer> excluded) {
            if (index != null && mark[index] != stamp) {
                mark[index] = stamp;
                excluded.add(index);
            }
        }

        private int pick(DeterministicRandom random, List<Integer> excluded) {
            while (sizes.get(minLevel) == 0) {
                minLevel++;
            }
            for (int level = minLevel; ; level++) {
                int size = sizes.get(level);
                int excludedHere = 0;
                for (int index : excluded) {
                    if (load[index] == level && mark[index] == stamp) {
                        excludedHere++;
                    }
                }
                if (size - excludedHere > 0) {
                    int[] bucket = buckets.get(level);
                    int candidate;
                    do {
                        candidate = bucket[random.below(size)];
                    } while (mark[candidate] == stamp);
                    return candidate;
                }
            }
        }

        private void promote(int index) {
            int level = load[index];
            int[] bucket = buckets.get(level);
            int size = sizes.get(level);
            int last = bucket[size - 1];
            bucket[position[index]] = last;
            position[last] = position[index];
            sizes.set(level, size - 1);
            if (buckets.size() == level + 1) {
                buckets.add(new int[ids.length]);
                sizes.add(0);
            }
            int next = sizes.get(level + 1);
            buckets.get(level + 1)[next] = index;
            position[index] = next;
            sizes.set(level + 1, next + 1);
            load[index] = level + 1;
        }
    }
}
