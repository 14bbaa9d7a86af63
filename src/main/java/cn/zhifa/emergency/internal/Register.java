package cn.zhifa.emergency.internal;

import java.util.List;
import java.util.Optional;

/**
 * The registers of the module: each its page address, its Chinese names, its table and its fields. The pages, the
 * export and the store read them, so a register is described once.
 */
public enum Register {

    PLANS("plans", "应急预案", "预案", "emergency_plan", "name", List.of(
            Field.text("name", "预案名称", 200, true),
            Field.choice("level", "预案层级", "总体", "专项", "部门", "企业"),
            Field.choice("kind", "预案类别", "生产安全事故", "自然灾害", "事故灾难", "公共卫生事件", "社会安全事件", "综合"),
            Field.text("lead_department", "牵头部门", 100, true),
            Field.date("approved_on", "批准日期", false),
            Field.text("approved_by", "批准机关", 100, false).hidden(),
            Field.date("last_revised_on", "最近修订日期", false).hidden(),
            Field.date("last_evaluated_on", "最近评估日期", false))),
    DRILLS("drills", "应急演练", "演练", "emergency_drill", "title", List.of(
            Field.text("title", "演练名称", 200, true),
            Field.date("drilled_on", "演练日期", true),
            new Field("plan_id", "依据预案", Field.Type.PLAN, false, 20, List.of(), false),
            Field.choice("kind", "演练形式", "桌面", "实战"),
            Field.count("participants", "参演人数"),
            Field.area("findings", "发现的问题"),
            Field.area("follow_ups", "整改与后续措施"))),
    TEAMS("teams", "救援队伍", "队伍", "rescue_team", "name", List.of(
            Field.text("name", "队伍名称", 200, true),
            Field.choice("kind", "队伍类别", "专业", "社会", "企业"),
            Field.count("members", "队员人数"),
            Field.area("equipment", "主要装备"),
            Field.text("contact_person", "联系人", 50, true),
            Field.phone("contact_phone", "联系电话"))),
    MATERIALS("materials", "应急物资", "物资", "emergency_material", "name", List.of(
            Field.text("name", "物资名称", 200, true),
            Field.choice("kind", "物资类别", "防汛抗旱", "抢险救援", "生活保障", "医疗救护", "消防器材", "通信照明", "其他"),
            Field.amount("quantity", "数量"),
            Field.text("unit", "计量单位", 20, true),
            Field.text("location", "存放地点", 200, true),
            Field.text("keeper", "保管人", 50, true))),
    INFORMANTS("informants", "灾害信息员", "信息员", "disaster_informant", "name", List.of(
            Field.text("name", "姓名", 50, true),
            Field.text("area", "负责区域（街道、社区）", 100, true),
            Field.phone("phone", "联系电话"),
            Field.date("trained_on", "最近培训日期", false))),
    INSURANCE("insurance", "安责险保单", "保单", "liability_policy", "enterprise_name", List.of(
            new Field("enterprise_id", "投保企业（统一社会信用代码）", Field.Type.FIRM, true, 18, List.of(), false),
            Field.text("insurer", "承保机构", 100, true),
            Field.text("policy_number", "保单号", 60, true),
            Field.date("starts_on", "保险期间起", true),
            Field.date("ends_on", "保险期间止", true),
            Field.amount("amount", "保险金额（万元）")));

    private final String path;
    private final String title;
    private final String noun;
    private final String table;
    private final String nameColumn;
    private final List<Field> fields;

    Register(String path, String title, String noun, String table, String nameColumn, List<Field> fields) {
        this.path = path;
        this.title = title;
        this.noun = noun;
        this.table = table;
        this.nameColumn = nameColumn;
        this.fields = fields;
    }

    public static Optional<Register> byPath(String path) {
        for (Register r : values()) {
            if (r.path.equals(path)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    public String noun() {
        return noun;
    }

    public String table() {
        return table;
    }

    /** The column that names a row in lists and headings. */
    public String nameColumn() {
        return nameColumn;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The choice the list filters by (level, kind …), if any. */
    public Optional<Field> filterField() {
        return fields.stream().filter(f -> f.type() == Field.Type.CHOICE).findFirst();
    }

    /** Whether the unit is chosen on the form (the 安责险 policy belongs to its firm's unit). */
    public boolean unitChosen() {
        return this != INSURANCE;
    }

    /** The statuses the list filters by: plans by their evaluation, policies by their end. */
    public List<String[]> statuses() {
        return switch (this) {
            case PLANS -> List.of(new String[]{"overdue", "评估逾期"}, new String[]{"due", "评估即将到期"});
            case INSURANCE -> List.of(new String[]{"expired", "已到期"}, new String[]{"due", "30日内到期"});
            default -> List.of();
        };
    }
}
