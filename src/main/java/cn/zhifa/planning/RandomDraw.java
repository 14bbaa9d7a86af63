package cn.zhifa.planning;

import cn.zhifa.shared.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.annotation.Transient;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One 双随机 draw. Lifecycle: {@link #freeze frozen} (candidate lists written and hashed, commitment to a secret
 * recorded; nothing drawn yet) → {@link #execute drawn} (seed derived and revealed, result fixed, tasks published)
 * → optionally {@link #voidWithReason voided} with a reason (the only way to draw again for the same month and item).
 * The algorithm is {@link DrawAlgorithm}.
 */
@Table("planning_draw")
public class RandomDraw extends AbstractAggregateRoot<RandomDraw> {

    @Id
    private final Long id;
    private final long organizationId;
    private final long officerOrgId;
    private final DrawMode mode;
    private final String itemCode;
    private final String itemName;
    private final String legalBasis;
    private final String month;
    private final String poolDescription;
    @Column("draw_count")
    private final int count;
    private final int teamSize;
    private DrawStatus status;
    @InsertOnlyProperty // frozen: written once, never sent again with the updates (a 5M-firm pool is ~100 MB)
    private final String candidates;
    @InsertOnlyProperty
    private final String candidateHash;
    @InsertOnlyProperty
    private final String commitment;
    @InsertOnlyProperty
    private final String secret;
    private String seed;
    private String result;
    private String resultHash;
    @InsertOnlyProperty
    private final String names;
    private final Instant frozenAt;
    private final String frozenBy;
    private Instant drawnAt;
    private String voidReason;
    private Instant voidedAt;
    @MappedCollection(idColumn = "draw_id", keyColumn = "position")
    private List<DrawTask> tasks;
    @Version
    private int version;
    @Transient
    private java.util.Map<String, String> nameIndex;

    @PersistenceCreator
    RandomDraw(Long id, long organizationId, long officerOrgId, DrawMode mode, String itemCode, String itemName,
         String legalBasis, String month, String poolDescription, int count, int teamSize, DrawStatus status,
         String candidates, String candidateHash, String commitment, String secret, String seed, String result,
         String resultHash, String names, Instant frozenAt, String frozenBy, Instant drawnAt, String voidReason,
         Instant voidedAt, List<DrawTask> tasks, int version) {
        this.id = id;
        this.organizationId = organizationId;
        this.officerOrgId = officerOrgId;
        this.mode = mode;
        this.itemCode = itemCode;
        this.itemName = itemName;
        this.legalBasis = legalBasis;
        this.month = month;
        this.poolDescription = poolDescription;
        this.count = count;
        this.teamSize = teamSize;
        this.status = status;
        this.candidates = candidates;
        this.candidateHash = candidateHash;
        this.commitment = commitment;
        this.secret = secret;
        this.seed = seed;
        this.result = result;
        this.resultHash = resultHash;
        this.names = names;
        this.frozenAt = frozenAt;
        this.frozenBy = frozenBy;
        this.drawnAt = drawnAt;
        this.voidReason = voidReason;
        this.voidedAt = voidedAt;
        this.tasks = new ArrayList<>(tasks == null ? List.of() : tasks);
        this.version = version;
    }

    /**
     * A drawn firm and its team as stored, under the draw's organisation (the distribution key: set here, not by a
     * database trigger, because Citus runs no triggers on distributed tables).
     */
    @Table("planning_draw_task")
    public record DrawTask(long organizationId, long enterpriseId, String officerIds, String jointIds) {

        public List<Long> officers() {
            return ids(officerIds);
        }

        public List<Long> joint() {
            return ids(jointIds);
        }

        private static List<Long> ids(String text) {
            return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
        }
    }

    /**
     * Freezes the candidate lists and commits to {@code secret} (only its SHA-256 is shown until the draw).
     * {@code names} maps the ids to the names shown on the result page, one line per firm (F), officer (O) or
     * joint inspector (J): kind, id and name separated by vertical bars.
     */
    public static RandomDraw freeze(long id, long organizationId, long officerOrgId, DrawMode mode, String itemCode,
                              String itemName, String legalBasis, YearMonth month, String poolDescription,
                              DrawInput input, String secret, String names, String frozenBy, Instant now) {
        DrawAlgorithm.check(input).orThrow();
        String candidates = input.canonical();
        return new RandomDraw(id, organizationId, officerOrgId, mode, itemCode, itemName, legalBasis, month.toString(),
                poolDescription, input.count(), input.teamSize(), DrawStatus.FROZEN, candidates, DrawAlgorithm.sha256Hex(candidates),
                DrawAlgorithm.commitment(secret), secret, null, null, null, names, now, frozenBy, null, null, null,
                List.of(), 0);
    }

    /** Derives the seed, runs the algorithm over the frozen lists, reveals the secret and publishes the tasks. */
    public DrawOutcome execute(Instant now) {
        if (status != DrawStatus.FROZEN) {
            throw RuleViolation.conflict(status == DrawStatus.DRAWN ? "本次抽取已完成，结果不可更改；如确需重新抽取，须先说明理由作废本次抽取。"
                    : "本次抽取已作废，不能执行。");
        }
        if (!DrawAlgorithm.sha256Hex(candidates).equals(candidateHash)) {
            throw new IllegalStateException("frozen candidate list of draw " + id + " no longer matches its hash");
        }
        DrawInput input = DrawInput.parse(candidates);
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed(secret, candidateHash, id));
        this.seed = DrawAlgorithm.seedHex(secret, candidateHash, id);
        this.result = outcome.canonical();
        this.resultHash = outcome.hash();
        this.drawnAt = now;
        this.status = DrawStatus.DRAWN;
        outcome.assignments().forEach(a -> tasks.add(new DrawTask(organizationId, a.firmId(), join(a.officers()), join(a.jointInspectors()))));
        registerEvent(new InspectionTasksDrawn(id, organizationId, mode, YearMonth.parse(month), itemCode, itemName,
                legalBasis, outcome.assignments().stream()
                .map(a -> new InspectionTasksDrawn.Task(a.firmId(), a.officers(),
                        a.jointInspectors().stream().map(j -> nameOf("J", j)).toList()))
                .toList()));
        return outcome;
    }

    /** Voids the draw; the reason is published with it and audited. */
    public void voidWithReason(String reason, Instant now) {
        if (reason == null || reason.strip().length() < 4) {
            throw new RuleViolation("作废抽取结果必须写明理由（不少于 4 个字），理由将随抽取记录一并公开。");
        }
        if (status == DrawStatus.VOIDED) {
            throw RuleViolation.conflict("本次抽取已作废。");
        }
        this.voidReason = reason.strip();
        this.voidedAt = now;
        this.status = DrawStatus.VOIDED;
    }

    /** Recomputes the draw from the published text and revealed secret: the result must be the stored one. */
    public Verification verify() {
        if (status == DrawStatus.FROZEN) {
            return new Verification(false, false, false, null, "尚未抽取，种子尚未公开。");
        }
        DrawInput input = DrawInput.parse(candidates);
        boolean commitmentOk = DrawAlgorithm.commitment(secret).equals(commitment);
        // the published text itself is what is hashed, as an outside verifier does (it reads back to the same text)
        boolean hashOk = DrawAlgorithm.sha256Hex(candidates).equals(candidateHash);
        DrawOutcome outcome = DrawAlgorithm.draw(input, DrawAlgorithm.seed(secret, candidateHash, id));
        boolean resultOk = outcome.canonical().equals(result);
        return new Verification(commitmentOk, hashOk, resultOk, outcome.canonical(),
                commitmentOk && hashOk && resultOk ? "复算结果与公布结果一致。" : "复算结果与公布结果不一致！");
    }

    public record Verification(boolean commitmentMatches, boolean candidateHashMatches, boolean resultMatches,
                               String recomputedResult, String conclusion) {
        public boolean valid() {
            return commitmentMatches && candidateHashMatches && resultMatches;
        }
    }

    /** The name of a firm (‘F’), officer (‘O’) or joint inspector (‘J’) from the frozen name list. */
    public String nameOf(String kind, long id) {
        if (nameIndex == null) {
            java.util.Map<String, String> index = new java.util.HashMap<>();
            names.lines().forEach(line -> {
                int second = line.indexOf('|', line.indexOf('|') + 1);
                if (second > 0) {
                    index.putIfAbsent(line.substring(0, second), line.substring(second + 1));
                }
            });
            nameIndex = index;
        }
        String name = nameIndex.get(kind + "|" + id);
        return name == null ? kind + id : name;
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** The secret is shown only once the draw is done. */
    public String revealedSecret() {
        return status == DrawStatus.FROZEN ? null : secret;
    }

    public Long getId() { return id; }
    public long getOrganizationId() { return organizationId; }
    public long getOfficerOrgId() { return officerOrgId; }
    public DrawMode getMode() { return mode; }
    public String getItemCode() { return itemCode; }
    public String getItemName() { return itemName; }
    public String getLegalBasis() { return legalBasis; }
    public String getMonth() { return month; }
    public String getPoolDescription() { return poolDescription; }
    public int getCount() { return count; }
    public int getTeamSize() { return teamSize; }
    public DrawStatus getStatus() { return status; }
    public String getCandidates() { return candidates; }
    public String getCandidateHash() { return candidateHash; }
    public String getCommitment() { return commitment; }
    public String getSeed() { return seed; }
    public String getResult() { return result; }
    public String getResultHash() { return resultHash; }
    public Instant getFrozenAt() { return frozenAt; }
    public String getFrozenBy() { return frozenBy; }
    public Instant getDrawnAt() { return drawnAt; }
    public String getVoidReason() { return voidReason; }
    public Instant getVoidedAt() { return voidedAt; }
    public List<DrawTask> getTasks() { return List.copyOf(tasks); }
    public int getVersion() { return version; }
    public int poolSize() {
        return DrawInput.parse(candidates).firms().size();
    }
}
