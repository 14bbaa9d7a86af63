package cn.zhifa.inspection;

import cn.zhifa.shared.RuleViolation;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One revision of a checklist: its items with their legal basis and whether failing them is a
 * 重大事故隐患. A revision is never changed once saved: {@link #revise} makes the next version, and a
 * record keeps the id of the revision it used.
 */
@Table("checklist_template")
public class ChecklistTemplate {

    @Id
    private final Long id;
    private final String code;
    private final int version;
    private final String title;
    private final String industry;
    private final String topic;
    private final String standard;
    private boolean current;
    private final String changeReason;
    private final String createdBy;
    private final Instant createdAt;
    @MappedCollection(idColumn = "template_id", keyColumn = "position")
    private final List<Item> items;

    @PersistenceCreator
    ChecklistTemplate(Long id, String code, int version, String title, String industry, String topic, String standard,
                      boolean current, String changeReason, String createdBy, Instant createdAt, List<Item> items) {
        this.id = id;
        this.code = code;
        this.version = version;
        this.title = title;
        this.industry = industry;
        this.topic = topic;
        this.standard = standard;
        this.current = current;
        this.changeReason = changeReason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.items = List.copyOf(items);
    }

    /** The next version with these items; this one stops being current. */
    ChecklistTemplate revise(String title, List<Item> newItems, String reason, String by, Instant now) {
        if (!current) {
            throw RuleViolation.conflict("只能在当前版本上修订，该清单已有更新的版本，请刷新后重试。");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("请填写修订理由。");
        }
        if (newItems.isEmpty()) {
            throw new RuleViolation("检查清单至少要有一个检查项。");
        }
        long distinctCodes = newItems.stream().map(Item::code).distinct().count();
        if (distinctCodes != newItems.size()) {
            throw new RuleViolation("检查项编号不能重复。");
        }
        for (Item item : newItems) {
            if (item.code() == null || item.code().isBlank() || item.content() == null || item.content().isBlank()
                    || item.legalBasis() == null || item.legalBasis().isBlank()) {
                throw new RuleViolation("每个检查项都须填写编号、检查内容和法律依据。");
            }
        }
        for (Item item : newItems) {
            if (item.violation() == null || item.violation().isBlank()) {
                throw new RuleViolation("检查项“" + item.code() + "”须填写违法情形（不符合时隐患和整改指令书的表述，如“未对从业人员进行安全生产教育和培训”）。");
            }
        }
        current = false;
        return new ChecklistTemplate(null, code, version + 1, title == null || title.isBlank() ? this.title : title.strip(),
                industry, topic, standard, true, reason.strip(), by, now, newItems);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public int getVersion() { return version; }
    public String getTitle() { return title; }
    public String getIndustry() { return industry; }
    public String getTopic() { return topic; }
    public String getStandard() { return standard; }
    public boolean isCurrent() { return current; }
    public String getChangeReason() { return changeReason; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public List<Item> getItems() { return items; }

    /**
     * One check. {@code content} is the requirement that 符合 / 不符合 answers ("对从业人员进行安全生产教育和培训");
     * {@code violation} is what a failed item is written as ("未对从业人员进行安全生产教育和培训"): the hazard and the
     * 整改指令书 read it. {@code verification}: V seen in a source, P partly seen, R recalled only (待核对).
     */
    @Table("checklist_item")
    public record Item(String code, String content, String legalBasis, boolean major, String criterion,
                       String appliesTo, String verification, String violation) {

        @org.springframework.data.annotation.PersistenceCreator
        public Item {
        }

        public Item(String code, String content, String legalBasis, boolean major, String criterion, String appliesTo,
                    String verification) {
            this(code, content, legalBasis, major, criterion, appliesTo, verification, null);
        }

        /** The item as a finding reads: its violation text, or (an item without one) the requirement not met. */
        public String violationText() {
            return violationOf(content, violation);
        }

        public boolean needsReview() {
            return "R".equals(verification);
        }

        public String verificationLabel() {
            return switch (verification == null ? "" : verification) {
                case "V" -> "已核对";
                case "P" -> "部分核对";
                default -> "待核对";
            };
        }
    }

    /** A violation text, or for an item written before items had one, the requirement marked as not met. */
    static String violationOf(String requirement, String violation) {
        return violation == null || violation.isBlank() ? "不符合：" + requirement : violation;
    }
}
