package cn.zhifa.registry.internal;

import cn.zhifa.law.Uscc;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseForm;
import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo city's registry: about 600 enterprises across the three districts (8 % 危化, a third of them with a
 * 重大危险源; most 工贸; 15 % 劳动密集型 …; two near-duplicate pairs to merge), eight third-party agencies with
 * their clients (every other one registered by the first district's detachment). Officers' certificates are loaded by {@code OfficerDemoData}. Fixed seed; a second start adds nothing.
 */
@Component
class RegistryDemoData implements DemoDataLoader {

    static final int ENTERPRISES = 600;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] BRANDS = ("华兴,鑫源,金泰,宏达,恒通,永固,瑞丰,东方,海川,天成,中联,盛达,博远,利民,荣昌,德润,锦程,安泰,嘉诚,"
            + "新宇,万隆,富达,长城,光明,振华,兴业,汇通,久安,广源,庆丰,泰和,通达,信诚,华晨,宝利,祥云,凯盛,红星,正大,同心,"
            + "远航,蓝天,绿源,明辉,晨光,东升,亿丰,昌盛,佳美,金鼎").split(",");
    /** 大类, words for the name, weight. */
    private static final String[][] TRADES = {
            {"26", "化工", "6"}, {"26", "化学品", "2"}, {"51", "化工贸易", "2"}, {"59", "危险品仓储", "1"},
            {"33", "金属制品", "8"}, {"29", "塑料制品", "6"}, {"34", "机械制造", "7"}, {"38", "电气设备", "5"},
            {"39", "电子科技", "5"}, {"13", "食品加工", "4"}, {"14", "食品", "3"}, {"17", "纺织", "4"}, {"18", "服装", "6"},
            {"21", "家具", "4"}, {"22", "纸业", "2"}, {"30", "建材", "4"}, {"31", "钢铁", "2"}, {"32", "铝业", "2"},
            {"36", "汽车零部件", "3"}, {"27", "药业", "2"}, {"45", "燃气", "2"}, {"44", "热电", "1"}, {"52", "烟花爆竹零售", "1"},
            {"54", "物流", "3"}, {"59", "仓储", "3"}, {"62", "餐饮管理", "2"}, {"52", "商贸", "3"}, {"23", "印刷", "2"},
            {"19", "鞋业", "2"}, {"24", "文体用品", "2"}};
    private static final String[] STREETS = {"建设路", "工业大道", "振兴街", "科技路", "滨河路", "人民路", "开发区路", "创新大道", "港城路", "园区一路"};
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌鹏宇浩凯晨辉海波宁";

    private final Enterprises enterprises;
    private final Jurisdictions jurisdictions;
    private final UserManagement users;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegistryDemoData(Enterprises enterprises, Jurisdictions jurisdictions, UserManagement users,
                     JdbcClient jdbc, Clock clock) {
        this.enterprises = enterprises;
        this.jurisdictions = jurisdictions;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional
    public void load() {
        if (jdbc.sql("SELECT count(*) FROM enterprise WHERE demo").query(Long.class).single() > 0) {
            return;
        }
        Optional<UserView> admin = users.findByUsername("admin");
        if (admin.isEmpty()) {
            return;
        }
        Jurisdiction jurisdiction = jurisdictions.around(admin.get().organizationId());
        List<OrganizationView> towns = jurisdiction.towns();
        if (towns.isEmpty()) {
            return;
        }
        Random random = new Random(2026);
        Instant now = clock.instant();
        List<Enterprise> batch = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> usccs = new HashSet<>();
        int total = 0;
        while (total < ENTERPRISES) {
            OrganizationView town = towns.get(random.nextInt(towns.size()));
            String[] trade = pickTrade(random);
            String name = "示例" + BRANDS[random.nextInt(BRANDS.length)] + trade[1] + (random.nextInt(4) == 0 ? "有限责任公司" : "有限公司");
            if (!names.add(name)) {
                continue;
            }
            String uscc = uscc(random, town.divisionCode().substring(0, 6));
            if (!usccs.add(uscc)) {
                continue;
            }
            EnterpriseForm form = form(random, name, uscc, town.divisionCode(), trade[0]);
            long owner = jurisdiction.owner(form.level(), form.townCode()).orElseThrow().id();
            batch.add(Enterprise.register(form, owner, true, now));
            total++;
        }
        // two near-duplicates (same town, same name but the legal form) for the merge to-do
        for (int i = 0; i < 2; i++) {
            Enterprise original = batch.get(i * 7);
            String twin = original.getName().replace("有限责任公司", "有限公司").equals(original.getName())
                    ? original.getName().replace("有限公司", "有限责任公司") : original.getName().replace("有限责任公司", "有限公司");
            EnterpriseForm form = original.toForm();
            batch.add(Enterprise.register(new EnterpriseForm(twin, uscc(random, original.getTownCode().substring(0, 6)),
                    form.legalRepresentative(), null, form.principalLeader(), form.principalPhone(), null, null,
                    form.registeredAddress(), form.operatingAddress(), form.townCode(), form.industry(), form.employees(),
                    form.annualOutputWan(), form.status(), form.riskFeatures(), form.majorHazardGrade(), false, form.level()),
                    original.getOrganizationId(), true, now));
        }
        enterprises.insertAll(batch);
        // the legal representative's 职务 and phone, derived from the id so the seeded sequence above stays as it was
        jdbc.sql("""
                UPDATE enterprise SET legal_representative_title = CASE id % 3 WHEN 0 THEN '董事长' WHEN 1 THEN '执行董事兼总经理' ELSE '总经理' END,
                       legal_representative_phone = '139' || lpad(((id * 7919) % 100000000)::text, 8, '0')
                 WHERE demo AND legal_representative_title IS NULL""").update();
        jdbc.sql("INSERT INTO enterprise_change (enterprise_id, field, old_value, new_value, changed_by, changed_at, source, organization_id) "
                        + "SELECT id, '登记', NULL, name, 'system', created_at, '演示数据', organization_id FROM enterprise WHERE demo")
                .update();
        agencies(random, jurisdiction);
    }

    private void agencies(Random random, Jurisdiction jurisdiction) {
        String[][] agencies = {
                {"示例安泰安全评价有限公司", "EVALUATION", "甲级"}, {"示例华测检测技术有限公司", "TESTING", "甲级"},
                {"示例众安安全培训学校", "TRAINING", "一级"}, {"示例安信安全技术咨询有限公司", "CONSULTING", "二级"},
                {"示例中正安全评价有限公司", "EVALUATION", "乙级"}, {"示例恒检检测检验有限公司", "TESTING", "乙级"},
                {"示例应急安全培训中心", "TRAINING", "二级"}, {"示例诚安安全生产咨询有限公司", "CONSULTING", "三级"}};
        long city = jurisdiction.units().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow().id();
        // every other agency is registered by the first district's detachment, so its leader can manage some in the demo
        long district = jurisdiction.towns().stream().sorted(java.util.Comparator.comparing(OrganizationView::divisionCode))
                .map(t -> jurisdiction.owner(SupervisionLevel.DISTRICT, t.divisionCode()))
                .flatMap(Optional::stream).map(OrganizationView::id).findFirst().orElse(city);
        List<Long> clients = jdbc.sql("SELECT id FROM enterprise WHERE demo ORDER BY id").query(Long.class).list();
        int n = 0;
        for (String[] agency : agencies) {
            String uscc = uscc(random, "139900");
            long id = jdbc.sql("INSERT INTO agency (name, uscc, kind, qualification_no, grade, status, valid_until, organization_id, demo) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE) RETURNING id")
                    .params(agency[0], uscc, agency[1], "APJ-(示)-" + (2021000 + n * 37), agency[2],
                            n == 7 ? "SUSPENDED" : "ACTIVE", Date.valueOf(LocalDate.now(clock).plusYears(1 + n % 3)),
                            n % 2 == 1 ? district : city)
                    .query(Long.class).single();
            jdbc.sql("INSERT INTO agency_event (agency_id, kind, occurred_on, detail, changed_by, changed_at) "
                            + "VALUES (?, 'REGISTERED', ?, '演示数据', 'system', ?)")
                    .params(id, Date.valueOf(LocalDate.now(clock).minusDays(800)), java.sql.Timestamp.from(clock.instant())).update();
            if (n == 7) {
                String reason = "服务质量专项检查发现问题，责令暂停咨询服务（演示）";
                jdbc.sql("UPDATE agency SET status_reason = ? WHERE id = ?").params(reason, id).update();
                jdbc.sql("INSERT INTO agency_event (agency_id, kind, occurred_on, detail, changed_by, changed_at) "
                                + "VALUES (?, 'SUSPENDED', ?, ?, 'system', ?)")
                        .params(id, Date.valueOf(LocalDate.now(clock).minusDays(20)), reason, java.sql.Timestamp.from(clock.instant()))
                        .update();
            }
            String service = switch (agency[1]) {
                case "EVALUATION" -> "安全现状评价";
                case "TESTING" -> "防雷、可燃气体报警器检测";
                case "TRAINING" -> "主要负责人、安全管理人员培训";
                default -> "安全生产标准化咨询";
            };
            for (int i = 0; i < 12; i++) {
                jdbc.sql("INSERT INTO agency_client (agency_id, enterprise_id, service, since) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(id, clients.get(random.nextInt(clients.size())), service,
                                Date.valueOf(LocalDate.now(clock).minusDays(30 + random.nextInt(700)))).update();
            }
            n++;
        }
    }

    private static String[] pickTrade(Random random) {
        int sum = 0;
        for (String[] trade : TRADES) {
            sum += Integer.parseInt(trade[2]);
        }
        int pick = random.nextInt(sum);
        for (String[] trade : TRADES) {
            pick -= Integer.parseInt(trade[2]);
            if (pick < 0) {
                return trade;
            }
        }
        return TRADES[0];
    }

    private static EnterpriseForm form(Random random, String name, String uscc, String townCode, String division) {
        Set<RiskFeature> features = EnumSet.noneOf(RiskFeature.class);
        boolean chemical = division.equals("26") || name.contains("化工贸易") || name.contains("危险品") || name.contains("燃气");
        Integer grade = null;
        if (chemical) {
            features.add(switch (division) {
                case "26" -> random.nextBoolean() ? RiskFeature.HAZCHEM_PRODUCTION : RiskFeature.HAZCHEM_USE;
                case "51" -> RiskFeature.HAZCHEM_TRADING;
                default -> RiskFeature.HAZCHEM_STORAGE;
            });
            if (random.nextInt(3) == 0) {
                features.add(RiskFeature.MAJOR_HAZARD);
                grade = 1 + random.nextInt(4);
            }
        }
        if (List.of("17", "18", "19", "24", "39").contains(division) && random.nextInt(2) == 0) {
            features.add(RiskFeature.LABOUR_INTENSIVE);
        }
        if (List.of("13", "14", "22", "26", "45").contains(division) && random.nextInt(3) == 0) {
            features.add(RiskFeature.CONFINED_SPACE);
        }
        if (List.of("13", "21", "32", "33").contains(division) && random.nextInt(4) == 0) {
            features.add(RiskFeature.COMBUSTIBLE_DUST);
        }
        if (List.of("13", "14").contains(division) && random.nextInt(4) == 0) {
            features.add(RiskFeature.AMMONIA_REFRIGERATION);
        }
        if (List.of("31", "32").contains(division)) {
            features.add(RiskFeature.METALLURGY);
            if (random.nextBoolean()) {
                features.add(RiskFeature.MOLTEN_METAL);
            }
        }
        if (List.of("21", "33", "36").contains(division) && random.nextInt(3) == 0) {
            features.add(RiskFeature.SPRAY_COATING);
        }
        if (name.contains("烟花爆竹")) {
            features.add(RiskFeature.FIREWORKS);
        }
        SupervisionLevel level = grade != null ? (grade <= 2 ? SupervisionLevel.CITY : SupervisionLevel.DISTRICT)
                : chemical || random.nextInt(10) < 3 ? SupervisionLevel.DISTRICT : SupervisionLevel.TOWNSHIP;
        int dice = random.nextInt(100);
        EnterpriseStatus status = dice < 90 ? EnterpriseStatus.OPERATING : dice < 97 ? EnterpriseStatus.SUSPENDED : EnterpriseStatus.CANCELLED;
        int employees = features.contains(RiskFeature.LABOUR_INTENSIVE) ? 100 + random.nextInt(900) : 5 + random.nextInt(300);
        String street = STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号";
        return new EnterpriseForm(name, uscc, person(random), null, person(random), mobile(random), person(random),
                mobile(random), "示例市" + street, "示例市" + street, townCode, division, employees,
                BigDecimal.valueOf(50 + random.nextInt(50_000)), status, features, grade, random.nextInt(20) == 0, level);
    }

    static String person(Random random) {
        String given = String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextBoolean()) {
            given += GIVEN.charAt(random.nextInt(GIVEN.length()));
        }
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given;
    }

    private static String mobile(Random random) {
        return "13" + (random.nextInt(10)) + "%08d".formatted(random.nextInt(100_000_000));
    }

    /** A valid USCC (企业法人 91) registered in {@code division}: the check character is found with the law module's validator. */
    static String uscc(Random random, String division) {
        StringBuilder body = new StringBuilder("91").append(division);
        for (int i = 0; i < 9; i++) {
            body.append(i < 8 ? ALPHABET.charAt(random.nextInt(10)) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        for (char check : ALPHABET.toCharArray()) {
            if (Uscc.parse(body.toString() + check).valid()) {
                return body.toString() + check;
            }
        }
        throw new IllegalStateException("no check character for " + body);
    }

    @Override
    @Transactional
    public void purge() {
        jdbc.sql("DELETE FROM agency_client WHERE agency_id IN (SELECT id FROM agency WHERE demo)").update();
        jdbc.sql("DELETE FROM agency WHERE demo").update();
        jdbc.sql("DELETE FROM agency_client WHERE enterprise_id IN (SELECT id FROM enterprise WHERE demo)").update();
        jdbc.sql("DELETE FROM enterprise_change WHERE enterprise_id IN (SELECT id FROM enterprise WHERE demo)").update();
        jdbc.sql("DELETE FROM enterprise_timeline WHERE enterprise_id IN (SELECT id FROM enterprise WHERE demo)").update();
        jdbc.sql("UPDATE enterprise SET merged_into = NULL WHERE demo").update();
        jdbc.sql("DELETE FROM enterprise WHERE demo").update();
    }
}
