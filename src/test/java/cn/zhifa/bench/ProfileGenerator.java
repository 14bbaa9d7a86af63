package cn.zhifa.bench;

import cn.zhifa.registry.IndustryCatalog;
import cn.zhifa.registry.internal.Enterprises;
import cn.zhifa.registry.internal.SearchTerms;
import cn.zhifa.shared.crypto.FieldCipher;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one data generator of the benchmarks: writes a {@link Profile} into a new organisation subtree of its own (a
 * root unit with no parent, never the demo city) through PostgreSQL COPY: units, officers with their accounts and
 * 执法证 (issued/revoked events), firms, inspection tasks and records with their officers and failed items, hazards
 * in every state (1 % major, about 10 % past their deadline), penalty cases in every stage with their steps (about
 * 10 % of the open ones within three working days of the decision deadline), payments, publications, issued-document
 * metadata (no PDF bytes), evidence rows (no files) and the officers' enforcement acts. Deterministic: the same seed
 * and profile write the same rows (ids depend on the sequences). The caller rebuilds reporting's read models.
 */
public final class ProfileGenerator {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌宇浩凯鹏辉亮成林峰";
    private static final String BRAND = "华兴鑫源金泰宏达恒通永固瑞丰东方海川天成中联盛博远利民荣昌德润锦程安嘉诚新宇万隆富长城光明振汇久广庆和信晨宝祥云凯红星正大同心航蓝绿明辉升亿佳美鼎";
    private static final String[][] TRADE_INDUSTRY = {{"13", "食品"}, {"17", "纺织"}, {"18", "服装"}, {"21", "家具"}, {"22", "纸业"},
            {"29", "塑料制品"}, {"30", "建材"}, {"31", "钢铁"}, {"32", "铝业"}, {"33", "金属制品"}, {"34", "机械"}, {"38", "电气"}, {"39", "电子"}};
    private static final String[][] OTHER_INDUSTRY = {{"52", "商贸"}, {"54", "物流"}, {"59", "仓储"}, {"62", "餐饮"}, {"47", "建筑工程"}, {"23", "印刷"}};
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** What was written: the root unit, its login names, and the counts of each table. */
    public record Result(long rootId, String rootName, List<Long> unitIds, String leaderUsername, List<String> officerUsernames,
                         Map<String, Long> rows, List<String> summary, double seconds) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final String passwordHash;
    private final LocalDate today;
    private final Random random;

    private Profile profile;
    private CopyWriter out;
    private long rootId;
    private String rootName;
    private String shortName;
    private final List<Long> unitIds = new ArrayList<>();
    private final List<String> unitCodes = new ArrayList<>();
    private final List<List<Officer>> officersByUnit = new ArrayList<>();
    private final List<Long> leaderByUnit = new ArrayList<>();
    private long legalId;
    private String legalName;
    private final List<String> officerUsernames = new ArrayList<>();
    private String rootLeaderUsername;
    private long templateId;
    private List<Object[]> items;
    private long[] firmIds;
    private String[] firmNames;
    private String[] firmCodes;
    private int[] firmUnit;
    private final Map<String, Integer> serials = new HashMap<>();
    private long verificationSeq;

    private record Officer(long id, String name, LocalDate from, LocalDate until) {
        boolean validOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    /**
     * @param passwordHash the stored hash every generated account gets (encode the demo password once with the
     *                     application's encoder)
     * @param today        the day the data ends (the application's clock)
     */
    public ProfileGenerator(DataSource dataSource, FieldCipher cipher, String passwordHash, LocalDate today, long seed) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.cipher = cipher;
        this.passwordHash = passwordHash;
        this.today = today;
        this.random = new Random(seed);
    }

    public Result generate(Profile profile) throws Exception {
        this.profile = profile;
        long t0 = System.nanoTime();
        loadTemplate();
        try (Connection connection = dataSource.getConnection()) {
            out = new CopyWriter(connection);
            declareTables();
            organizations();
            officers();
            firms();
            out.flush();
            for (Profile.Year year : profile.years()) {
                long y0 = System.nanoTime();
                visits(year);
                cases(year);
                out.flush();
                System.out.printf("[generator] %s %d: %,d visits, %,d hazards, %,d cases in %.1f s%n", profile.name(), year.year(),
                        year.visits(), year.hazards(), year.cases(), (System.nanoTime() - y0) / 1e9);
            }
            openTasks();
            out.flush();
        }
        finish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> summary = out.summary();
        summary.forEach(line -> System.out.println("[generator] " + line));
        System.out.printf("[generator] %s written in %.1f s (root unit %s, id %d)%n", profile.name(), seconds, rootName, rootId);
        Map<String, Long> rows = new HashMap<>();
        for (String table : List.of("organization", "app_user", "officer_certificate", "enterprise", "inspection_task",
                "inspection_record", "hazard", "penalty_case", "doc_issued", "evidence_file", "penalty_publication")) {
            rows.put(table, out.count(table));
        }
        return new Result(rootId, rootName, List.copyOf(unitIds), rootLeaderUsername, List.copyOf(officerUsernames), rows, summary, seconds);
    }

    // ---- set-up

    private void loadTemplate() {
        templateId = jdbc.sql("""
                SELECT t.id FROM checklist_template t JOIN checklist_item i ON i.template_id = t.id
                WHERE t.current GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1""").query(Long.class).single();
        items = jdbc.sql("SELECT position, code, content, legal_basis, major FROM checklist_item WHERE template_id = :t ORDER BY position")
                .param("t", templateId)
                .query((rs, n) -> new Object[]{rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)}).list();
    }

    private void declareTables() {
        out.table("organization", "id, parent_id, name, short_name, kind, division_code, path, sort_order, demo, version, created_at");
        out.table("app_user", "id, username, display_name, password_hash, organization_id, enabled, password_changed_at, demo, version, created_at");
        out.table("user_role", "app_user, role");
        out.table("officer_certificate", "id, user_id, officer_name, organization_id, certificate_no, issuing_authority, issued_on, "
                + "expires_on, status, status_reason, status_since, demo, version, created_at");
        out.table("certificate_event", "officer_certificate, seq, kind, occurred_on, reason, organization_id");
        out.table("enterprise", "id, uscc, name, name_key, name_initials, search_grams, legal_representative, principal_leader, "
                + "principal_phone, operating_address, town_code, industry_section, industry_division, employees, status, risk_features, "
                + "major_hazard_grade, whitelisted, supervision_level, organization_id, created_at, updated_at");
        out.table("doc_issued", "id, organization_id, authority_org_id, authority_name, kind, title, number_text, short_name, prefix, "
                + "number_year, serial, source_type, source_id, party_name, issue_date, issued_at, issued_by, verification_code, pdf, "
                + "pdf_sha256, docx, docx_sha256, pages, content_json, version");
        out.table("inspection_task", "id, organization_id, source, enterprise_id, enterprise_name, kind, mode, due_month, template_id, "
                + "status, created_by, created_at, planned_month, version");
        out.table("inspection_task_member", "inspection_task, position, user_id, organization_id");
        out.table("inspection_record", "id, task_id, organization_id, enterprise_id, enterprise_name, kind, mode, template_id, place, "
                + "started_at, ended_at, representative_name, representative_title, representative_phone, findings, deadline_confirmed, "
                + "status, record_version, created_by, submitted_by, submitted_at, version");
        out.table("inspection_record_member", "inspection_record, position, user_id, display_name, organization_id");
        out.table("inspection_item_result", "inspection_record, position, code, content, legal_basis, major, result, note, location, rectify_by, organization_id");
        out.table("evidence_file", "id, sha256, media_type, kind, size_bytes, original_name, source, uploaded_by, organization_id, "
                + "uploaded_at, captured_at");
        out.table("evidence_custody", "evidence_id, action, user_id, at, detail, organization_id");
        out.table("inspection_record_photo", "inspection_record, evidence_id, item_code, organization_id");
        out.table("hazard", "id, organization_id, enterprise_id, enterprise_name, record_id, origin_record_id, item_code, source, level, "
                + "location, description, legal_basis, status, measure, deadline, found_by, found_on, registered_at, rectification_report, "
                + "rectification_reported_at, rectification_reported_by, reinspected_by, reinspected_at, reinspection_opinion, "
                + "reinspection_count, closed_by, closed_at, supervised, supervised_at, supervised_by, responsible_person, "
                + "rectification_measures, funds, time_limit, contingency_plan, order_document_id, version");
        out.table("hazard_evidence", "hazard, evidence_id, stage, organization_id");
        out.table("penalty_case", "id, case_number, organization_id, kind, source, source_reference, procedure_kind, stage, title, facts, "
                + "enterprise_id, party_kind, party_name, party_code, fine_yuan, legal_review_required, accident_deaths, handler_id, "
                + "handler_name, co_handler_id, co_handler_name, proposed_on, filed_on, notified_on, notified_fine_yuan, hearing_right, "
                + "decided_on, decision_number, served_on, service_method, paid_yuan, enforcement_applied_on, executed_on, closed_on, "
                + "archived_on, end_reason, transferred_to, version, created_at");
        out.table("case_step", "penalty_case, position, kind, actor_id, actor_name, actor_role, occurred_on, recorded_at, opinion, organization_id");
        out.table("payment", "penalty_case, position, paid_on, amount_yuan, organization_id");
        out.table("penalty_publication", "case_id, case_number, organization_id, decision_number, person, party_name, party_code, "
                + "violation, penalty, fine_yuan, authority, decided_on, due_on, published_on, published_by, expires_on");
        out.table("enforcement_act", "user_id, enterprise_id, occurred_on, kind, organization_id");
    }

    /** Reserves {@code count} ids of a table's sequence (the application is idle while the generator runs). */
    private long reserve(String table, long count) {
        String sequence = jdbc.sql("SELECT pg_get_serial_sequence(:t, 'id')").param("t", table).query(String.class).single();
        long first = jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
        if (count > 1) {
            jdbc.sql("SELECT setval('" + sequence + "', " + (first + count - 1) + ")").query(Long.class).single();
        }
        return first;
    }

    /** Hands out ids in blocks reserved from a table's sequence. */
    private final class Ids {
        private final String table;
        private long next;
        private long end;

        Ids(String table) {
            this.table = table;
        }

        long next() {
            if (next == end) {
                next = reserve(table, 10_000);
                end = next + 10_000;
            }
            return next++;
        }
    }

    private Ids organizationIds, userIds, certificateIds, taskIds, recordIds, hazardIds, caseIds, documentIds, evidenceIds;

    // ---- organisations, officers, firms

    private void organizations() {
        organizationIds = new Ids("organization");
        userIds = new Ids("app_user");
        certificateIds = new Ids("officer_certificate");
        taskIds = new Ids("inspection_task");
        recordIds = new Ids("inspection_record");
        hazardIds = new Ids("hazard");
        caseIds = new Ids("penalty_case");
        documentIds = new Ids("doc_issued");
        evidenceIds = new Ids("evidence_file");
        Instant now = Instant.now();
        rootId = organizationIds.next();
        String code = profile.province() ? "9" + (rootId % 10) : "98" + "%04d".formatted(rootId % 10_000);
        rootName = (profile.province() ? "基准省应急管理厅" : "基准区应急管理局") + "（生成" + rootId + "）";
        shortName = (profile.province() ? "基准省" : "基准区") + rootId;
        var organization = out.table("organization", "");
        organization.row(rootId, null, rootName, shortName, profile.province() ? "PROVINCE" : "DISTRICT", code, "/" + rootId + "/", 0, false, 0, now);
        List<String> parents = new ArrayList<>();
        List<Long> parentIds = new ArrayList<>();
        if (profile.province()) {
            for (int c = 0; c < profile.cities(); c++) {
                long id = organizationIds.next();
                String cityCode = code + "%02d".formatted(c + 1);
                organization.row(id, rootId, "基准市" + chinese(c + 1) + "应急管理局", null, "CITY", cityCode, "/" + rootId + "/" + id + "/", c, false, 0, now);
                parents.add(cityCode);
                parentIds.add(id);
            }
        }
        for (int u = 0; u < profile.units(); u++) {
            long id = organizationIds.next();
            String unitCode;
            long parent;
            String path;
            if (profile.province()) {
                int city = u % parentIds.size();
                parent = parentIds.get(city);
                unitCode = parents.get(city) + "%02d".formatted(u / parentIds.size() + 1);
                path = "/" + rootId + "/" + parent + "/" + id + "/";
                organization.row(id, parent, "基准区县" + (u + 1) + "应急管理局", null, "DISTRICT", unitCode, path, u, false, 0, now);
            } else {
                parent = rootId;
                unitCode = code + "%03d".formatted(u + 1);
                path = "/" + rootId + "/" + id + "/";
                organization.row(id, parent, "执法" + chinese(u + 1) + "大队", null, "DETACHMENT", null, path, u, false, 0, now);
            }
            unitIds.add(id);
            unitCodes.add(unitCode.length() >= 9 ? unitCode.substring(0, 9) : (unitCode + "000000000").substring(0, 6) + "%03d".formatted(u + 1));
            officersByUnit.add(new ArrayList<>());
        }
        // the authority that issues the documents: the root unit
        out.flush();
        jdbc.sql("INSERT INTO doc_authority (organization_id, name, short_name) VALUES (:o, :n, :s) ON CONFLICT DO NOTHING")
                .param("o", rootId).param("n", rootName).param("s", shortName).update();
    }

    private void officers() {
        Instant now = Instant.now();
        var users = out.table("app_user", "");
        var roles = out.table("user_role", "");
        var certificates = out.table("officer_certificate", "");
        var events = out.table("certificate_event", "");
        // accounts that are not officers: the root's leader, legal reviewer and supervisor, one leader per unit
        rootLeaderUsername = "g" + rootId + "leader";
        account(users, roles, rootLeaderUsername, person(), rootId, now, "LEADER");
        legalName = person();
        legalId = account(users, roles, "g" + rootId + "legal", legalName, rootId, now, "LEGAL");
        account(users, roles, "g" + rootId + "supervisor", person(), rootId, now, "SUPERVISOR");
        for (int u = 0; u < unitIds.size(); u++) {
            leaderByUnit.add(account(users, roles, "g" + rootId + "u" + (u + 1) + "leader", person(), unitIds.get(u), now, "LEADER"));
        }
        int lastYear = profile.years().get(profile.years().size() - 1).year();
        int serial = 0;
        // certified at the end: profile.officers(); each year's new ones among them; each year's revoked ones extra
        int newTotal = profile.years().stream().mapToInt(Profile.Year::officersNew).sum();
        int longStanding = profile.officers() - newTotal;
        List<int[]> plan = new ArrayList<>(); // {kind 0 long-standing, 1 new in year, 2 revoked in year; year}
        for (int i = 0; i < longStanding; i++) {
            plan.add(new int[]{0, 0});
        }
        for (Profile.Year y : profile.years()) {
            for (int i = 0; i < y.officersNew(); i++) {
                plan.add(new int[]{1, y.year()});
            }
            for (int i = 0; i < y.officersRevoked(); i++) {
                plan.add(new int[]{2, y.year()});
            }
        }
        for (int[] p : plan) {
            int unit = serial % unitIds.size();
            serial++;
            String name = person();
            String username = "g" + rootId + "o" + serial;
            long user = account(users, roles, username, name, unitIds.get(unit), now, "OFFICER");
            if (p[0] != 2) {
                officerUsernames.add(username);
            }
            LocalDate issued = switch (p[0]) {
                case 1 -> LocalDate.of(p[1], 1, 1).plusDays(random.nextInt(300));
                default -> LocalDate.of(lastYear - 5, 1, 1).plusDays(2 + random.nextInt(300));
            };
            LocalDate revoked = p[0] == 2 ? LocalDate.of(p[1], 1, 1).plusDays(random.nextInt(330)) : null;
            if (revoked != null && !revoked.isAfter(issued)) {
                issued = revoked.minusYears(3);
            }
            long certificate = certificateIds.next();
            certificates.row(certificate, user, name, unitIds.get(unit), "G" + rootId + "-" + "%06d".formatted(serial), shortName + "人民政府",
                    issued, issued.plusYears(6), revoked == null ? "VALID" : "REVOKED", revoked == null ? null : "调离执法岗位",
                    revoked == null ? issued : revoked, false, 0, now);
            events.row(certificate, 1, "ISSUED", issued, null, unitIds.get(unit));
            if (revoked != null) {
                events.row(certificate, 2, "REVOKED", revoked, "调离执法岗位", unitIds.get(unit));
            }
            officersByUnit.get(unit).add(new Officer(user, name, issued, revoked));
        }
    }

    private long account(CopyWriter.Table users, CopyWriter.Table roles, String username, String name, long org, Instant now, String role) {
        long id = userIds.next();
        users.row(id, username, name, passwordHash, org, true, now, false, 0, now);
        roles.row(id, role);
        return id;
    }

    private void firms() {
        Instant now = Instant.now();
        var table = out.table("enterprise", "");
        int n = profile.firms();
        firmIds = new long[n];
        firmNames = new String[n];
        firmCodes = new String[n];
        firmUnit = new int[n];
        long firstId = reserve("enterprise", n);
        for (int i = 0; i < n; i++) {
            int dice = random.nextInt(100);
            String[] trade = dice < 8 ? new String[]{"26", "化工"} : dice < 68 ? TRADE_INDUSTRY[random.nextInt(TRADE_INDUSTRY.length)]
                    : OTHER_INDUSTRY[random.nextInt(OTHER_INDUSTRY.length)];
            List<String> risks = new ArrayList<>();
            Integer grade = null;
            if (dice < 8) {
                risks.add(new String[]{"HAZCHEM_PRODUCTION", "HAZCHEM_TRADING", "HAZCHEM_USE", "HAZCHEM_STORAGE"}[random.nextInt(4)]);
                if (random.nextInt(3) == 0) {
                    risks.add("MAJOR_HAZARD");
                    grade = 1 + random.nextInt(4);
                }
            }
            if (random.nextInt(100) < 15) {
                risks.add("LABOUR_INTENSIVE");
            }
            if (random.nextInt(100) < 10) {
                risks.add("CONFINED_SPACE");
            }
            if (random.nextInt(100) < 5) {
                risks.add("COMBUSTIBLE_DUST");
            }
            int unit = i % unitIds.size();
            long id = firstId + i;
            String name = "基准" + BRAND.charAt(random.nextInt(BRAND.length())) + BRAND.charAt(random.nextInt(BRAND.length()))
                    + trade[1] + chinese(i % 1000 + 1) + "号" + (random.nextInt(4) == 0 ? "有限责任公司" : "有限公司");
            String uscc = uscc(id);
            firmIds[i] = id;
            firmNames[i] = name;
            firmCodes[i] = uscc;
            firmUnit[i] = unit;
            String town = unitCodes.get(unit);
            table.row(id, uscc, name, SearchTerms.nameKey(name), SearchTerms.initials(name),
                    new CopyWriter.Raw(Enterprises.arrayLiteral(SearchTerms.grams(name))), person(), person(),
                    cipher.seal("enterprise.principal_phone", "139" + "%08d".formatted(random.nextInt(100_000_000))),
                    "基准路" + (i % 500 + 1) + "号", town, IndustryCatalog.division(trade[0]).orElseThrow().sectionCode(), trade[0],
                    5 + random.nextInt(500), random.nextInt(100) < 95 ? "OPERATING" : "SUSPENDED",
                    new CopyWriter.Raw(Enterprises.arrayLiteral(risks.toArray(String[]::new))), grade, false,
                    grade != null && grade <= 2 ? "CITY" : "DISTRICT", unitIds.get(unit), now, now);
        }
    }

    // ---- inspections and hazards

    private void visits(Profile.Year year) {
        var tasks = out.table("inspection_task", "");
        var taskMembers = out.table("inspection_task_member", "");
        var records = out.table("inspection_record", "");
        var recordMembers = out.table("inspection_record_member", "");
        var results = out.table("inspection_item_result", "");
        var photos = out.table("inspection_record_photo", "");
        var acts = out.table("enforcement_act", "");
        int visits = year.visits();
        // which firm each visit goes to: the first firmsInspected visits cover distinct firms
        int[] firmOf = new int[visits];
        int distinct = year.firmsInspected() > 0 ? Math.min(year.firmsInspected(), firmIds.length) : firmIds.length;
        int[] order = permutation(firmIds.length);
        for (int v = 0; v < visits; v++) {
            firmOf[v] = v < distinct && year.firmsInspected() > 0 ? order[v] : order[random.nextInt(distinct)];
        }
        // hazards spread over the visits, at most one per checklist item of a record
        int[] hazardsOf = new int[visits];
        for (int h = 0; h < year.hazards(); h++) {
            int v = random.nextInt(visits);
            while (hazardsOf[v] >= items.size()) {
                v = (v + 1) % visits;
            }
            hazardsOf[v]++;
        }
        String[] kinds = new String[visits];
        int[] kindOrder = permutation(visits);
        for (int i = 0; i < visits; i++) {
            int k = kindOrder[i];
            kinds[k] = i < year.keyVisits() ? "KEY" : i < year.keyVisits() + year.generalVisits() ? "GENERAL" : "OTHER";
        }
        LocalDate last = year.year() == today.getYear() ? today.minusDays(1) : LocalDate.of(year.year(), 12, 31);
        List<LocalDate> days = workingDays(LocalDate.of(year.year(), 1, 1), last);
        boolean seedLike = year.firmsInspected() > 0;
        java.util.Set<Long> actsOfYear = new java.util.HashSet<>();
        for (int v = 0; v < visits; v++) {
            int firm = firmOf[v];
            int unit = firmUnit[firm];
            LocalDate day = days.get(random.nextInt(days.size()));
            List<Officer> team = team(unit, day);
            Instant started = day.atTime(LocalTime.of(9, 0).plusMinutes(random.nextInt(420))).atZone(ZONE).toInstant();
            Instant ended = started.plus(40 + random.nextInt(120), ChronoUnit.MINUTES);
            long task = taskIds.next();
            long record = recordIds.next();
            String mode = !seedLike && random.nextInt(100) < 5 ? "ONLINE" : "ON_SITE";
            String kind = kinds[v];
            long org = unitIds.get(unit);
            LocalDate month = day.withDayOfMonth(1);
            tasks.row(task, org, random.nextInt(100) < 70 ? "PLAN" : random.nextBoolean() ? "DRAW" : "AD_HOC", firmIds[firm], firmNames[firm],
                    kind, mode, month, templateId, "DONE", team.get(0).id(), started.minus(10, ChronoUnit.DAYS), month, 0);
            for (int m = 0; m < team.size(); m++) {
                taskMembers.row(task, m, team.get(m).id(), org);
                if (actsOfYear.add((team.get(m).id() << 40) | ((long) firm << 16) | (day.toEpochDay() & 0xFFFF))) {
                    acts.row(team.get(m).id(), firmIds[firm], day, "检查", org);
                }
            }
            int found = hazardsOf[v];
            records.row(record, task, org, firmIds[firm], firmNames[firm], kind, mode, templateId, "基准路" + (firm % 500 + 1) + "号",
                    started, ended, person(), "安全负责人", cipher.seal("inspection_record.representative_phone", "138" + "%08d".formatted(firm)),
                    found == 0 ? "未发现问题。" : "发现隐患" + found + "项，已责令限期整改。", found > 0, "SUBMITTED", 1,
                    team.get(0).id(), team.get(0).id(), ended, 1);
            // the members after their record: a buffer flush between the two would send a member without its record
            for (int m = 0; m < team.size(); m++) {
                recordMembers.row(record, m, team.get(m).id(), team.get(m).name(), org);
            }
            long photo = evidence(org, team.get(0).id(), started);
            photos.row(record, photo, null, org);
            document(org, "INSPECTION_RECORD", "现场检查记录", "检记", day, "现场检查记录", String.valueOf(record), firmNames[firm], ended, team.get(0).name());
            if (found > 0) {
                hazards(record, org, firm, day, started, team, found, results);
            }
        }
    }

    private void hazards(long record, long org, int firm, LocalDate day, Instant started, List<Officer> team, int count,
                         CopyWriter.Table results) {
        var hazards = out.table("hazard", "");
        var evidence = out.table("hazard_evidence", "");
        LocalDate deadline = day.plusDays(30);
        long[] ids = new long[count];
        for (int k = 0; k < count; k++) {
            ids[k] = hazardIds.next();
        }
        long order = document(org, "RECTIFICATION_ORDER", "责令限期整改指令书", "责改", day, "隐患", String.valueOf(ids[0]),
                firmNames[firm], started.plus(2, ChronoUnit.HOURS), team.get(0).name());
        int[] positions = permutation(items.size());
        boolean anyClosed = false;
        for (int k = 0; k < count; k++) {
            Object[] item = items.get(positions[k]);
            boolean major = random.nextInt(100) == 0;
            long id = ids[k];
            String status;
            int dice = random.nextInt(100);
            if (deadline.isBefore(today)) {
                status = dice < 88 ? "CLOSED" : dice < 89 ? "REINSPECTED" : dice < 90 ? "RECTIFICATION_REPORTED" : "RECTIFYING";
            } else {
                status = dice < 50 ? "RECTIFYING" : dice < 70 ? "RECTIFICATION_REPORTED" : dice < 80 ? "REINSPECTED" : "CLOSED";
            }
            long elapsed = Math.max(1, ChronoUnit.DAYS.between(day, today));
            LocalDate reportedOn = day.plusDays(Math.min(25, 1 + random.nextInt((int) Math.min(25, elapsed))));
            if (!reportedOn.isBefore(today)) {
                reportedOn = day.isBefore(today.minusDays(1)) ? today.minusDays(1) : day;
            }
            LocalDate reinspectedOn = reportedOn.plusDays(Math.max(0, Math.min(3, ChronoUnit.DAYS.between(reportedOn, today) - 1)));
            boolean reported = !status.equals("RECTIFYING");
            boolean reinspected = status.equals("REINSPECTED") || status.equals("CLOSED");
            boolean closed = status.equals("CLOSED");
            anyClosed |= closed;
            Officer finder = team.get(0);
            Instant reportedAt = reported ? reportedOn.atTime(10, 0).atZone(ZONE).toInstant() : null;
            Instant reinspectedAt = reinspected ? reinspectedOn.atTime(15, 0).atZone(ZONE).toInstant() : null;
            boolean supervised = major && random.nextInt(3) == 0;
            hazards.row(id, org, firmIds[firm], firmNames[firm], record, record, item[1], "INSPECTION", major ? "MAJOR" : "GENERAL",
                    "生产现场", item[2], item[3], status, "ORDER", deadline, finder.id(), day, started,
                    reported ? "已按要求完成整改，附整改照片。" : null, reportedAt, reported ? "企业安全负责人" : null,
                    reinspected ? finder.id() : null, reinspectedAt, reinspected ? "复查合格。" : null, reinspected ? 1 : 0,
                    closed ? finder.id() : null, closed ? reinspectedAt.plus(1, ChronoUnit.HOURS) : null, supervised,
                    supervised ? started.plus(1, ChronoUnit.DAYS) : null, supervised ? leaderByUnit.get(unitIndex(org)) : null,
                    major ? person() : null, major ? "停产整顿，更换设备，完善管理制度。" : null, major ? new BigDecimal("50000.00") : null,
                    major ? deadline : null, major ? "制定应急预案，设置警戒区域。" : null, order, 0);
            results.row(record, item[0], item[1], item[2], item[3], item[4], "FAILS", "现场发现问题", "生产现场", deadline, org);
            if (k == 0) {
                evidence.row(id, evidence(org, finder.id(), started), "FOUND", org);
            }
        }
        if (anyClosed) {
            document(org, "RECHECK_OPINION", "整改复查意见书", "复查", day.plusDays(Math.min(28, ChronoUnit.DAYS.between(day, today))),
                    "隐患", String.valueOf(ids[0]), firmNames[firm], started.plus(1, ChronoUnit.DAYS), team.get(0).name());
        }
    }

    /** Tasks assigned for the current month (今日检查 / the officers' open work): no record yet. */
    private void openTasks() {
        Profile.Year current = profile.years().get(profile.years().size() - 1);
        if (current.year() != today.getYear()) {
            return;
        }
        var tasks = out.table("inspection_task", "");
        var members = out.table("inspection_task_member", "");
        int count = Math.max(unitIds.size(), current.visits() / Math.max(1, today.getMonthValue()) / 3);
        LocalDate month = today.withDayOfMonth(1);
        for (int i = 0; i < count; i++) {
            int firm = random.nextInt(firmIds.length);
            int unit = firmUnit[firm];
            List<Officer> team = team(unit, today);
            long task = taskIds.next();
            tasks.row(task, unitIds.get(unit), "PLAN", firmIds[firm], firmNames[firm], random.nextInt(100) < 70 ? "KEY" : "GENERAL",
                    "ON_SITE", month, templateId, "ASSIGNED", team.get(0).id(), month.atStartOfDay(ZONE).toInstant(), month, 0);
            for (int m = 0; m < team.size(); m++) {
                members.row(task, m, team.get(m).id(), unitIds.get(unit));
            }
        }
    }

    // ---- cases

    private void cases(Profile.Year year) {
        var cases = out.table("penalty_case", "");
        var steps = out.table("case_step", "");
        var payments = out.table("payment", "");
        var publications = out.table("penalty_publication", "");
        int total = year.cases();
        boolean exact = year.finesEnforcement() != null;
        long[] fines = new long[total];
        if (exact) {
            spread(fines, 0, year.casesEnforcement(), year.finesEnforcement(), 20);
            spread(fines, year.casesEnforcement(), total, year.finesAccident(), 100);
        } else {
            for (int i = 0; i < total; i++) {
                fines[i] = i < year.casesEnforcement() ? 20 + random.nextInt(200) : 1000 + random.nextInt(4000); // hundreds of yuan
            }
        }
        boolean current = year.year() == today.getYear();
        int open = current && !exact ? Math.max(1, total * 35 / Math.max(35, today.getDayOfYear())) : 0;
        int reviews = year.legalReviews();
        int published = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        LocalDate lastFiling = current ? today : LocalDate.of(year.year(), 11, 20);
        for (int n = 0; n < total; n++) {
            int i = order.get(n);
            boolean accident = i >= year.casesEnforcement();
            int firm = random.nextInt(firmIds.length);
            int unit = firmUnit[firm];
            long org = unitIds.get(unit);
            long id = caseIds.next();
            String number = "案〔" + year.year() + "〕G" + rootId + "-" + "%05d".formatted(n + 1) + "号";
            BigDecimal fine = BigDecimal.valueOf(fines[i] * 100).setScale(2);
            // the case's days: open cases from the last 30 days (a tenth at 27–30 days: decision due within 3 working days)
            boolean isOpen = n < open;
            LocalDate filed;
            if (isOpen) {
                filed = today.minusDays(n < Math.max(1, open / 10) ? 27 + random.nextInt(4) : random.nextInt(20));
            } else {
                LocalDate from = LocalDate.of(year.year(), 1, 2);
                long span = Math.max(1, ChronoUnit.DAYS.between(from, current ? today.minusDays(40) : lastFiling));
                filed = from.plusDays(random.nextLong(span));
            }
            LocalDate proposed = filed.minusDays(1 + random.nextInt(5));
            if (proposed.getYear() < year.year()) {
                proposed = filed;
            }
            String stage;
            boolean near = isOpen && n < Math.max(1, open / 10);
            if (near) {
                // filed 27–30 days ago and not yet decided: the decision falls due within three working days
                stage = new String[]{"FILED", "PENALTY_PROPOSED", "LEGAL_REVIEW", "APPROVED", "NOTIFIED", "DECISION_PENDING"}[random.nextInt(6)];
            } else if (isOpen) {
                stage = new String[]{"PROPOSED", "FILED", "FILED", "PENALTY_PROPOSED", "LEGAL_REVIEW", "APPROVED", "NOTIFIED",
                        "DECISION_PENDING", "DECIDED", "EXECUTING"}[random.nextInt(10)];
            } else if (exact) {
                stage = random.nextInt(10) < 8 ? "ARCHIVED" : "CLOSED";
            } else {
                int dice = random.nextInt(100);
                stage = dice < 4 ? "NOT_PUNISHED" : dice < 6 ? "REVOKED" : dice < 8 ? "TRANSFERRED" : dice < 55 ? "CLOSED" : "ARCHIVED";
            }
            // decision within the 30-day period: every later day fits before today
            LocalDate penaltyProposed = filed.plusDays(isOpen ? Math.min(3, ChronoUnit.DAYS.between(filed, today)) : 8);
            LocalDate reviewed = penaltyProposed.plusDays(isOpen ? 0 : 2);
            LocalDate notified = reviewed.plusDays(isOpen ? 0 : 2);
            LocalDate decided = isOpen ? today.minusDays(random.nextInt(2)) : filed.plusDays(15 + random.nextInt(12));
            if (decided.isBefore(notified)) {
                decided = notified;
            }
            LocalDate served = decided.plusDays(isOpen ? 0 : 2);
            LocalDate executed = served.plusDays(10);
            LocalDate closed = executed.plusDays(5);
            LocalDate archived = closed.plusDays(10);
            if (archived.isAfter(today)) {
                archived = null;
                if (stage.equals("ARCHIVED")) {
                    stage = "CLOSED";
                }
            }
            if (closed.isAfter(today) && (stage.equals("CLOSED") || stage.equals("ARCHIVED"))) {
                stage = "EXECUTING";
            }
            int rank = rank(stage);
            boolean punished = !stage.equals("NOT_PUNISHED") && !stage.equals("REVOKED") && !stage.equals("TRANSFERRED");
            // 法制审核 done once the case is past it; a case in LEGAL_REVIEW waits for it
            boolean review = punished && rank > rank("LEGAL_REVIEW") && (reviews >= 0 ? reviews > 0 : accident || random.nextInt(10) == 0);
            if (review && reviews > 0) {
                reviews--;
            }
            boolean reviewRequired = review || stage.equals("LEGAL_REVIEW");
            boolean filedStage = rank >= rank("FILED");
            boolean notifiedStage = punished && rank >= rank("NOTIFIED");
            boolean decidedStage = (punished && rank >= rank("DECIDED")) || stage.equals("NOT_PUNISHED");
            boolean servedStage = punished && rank >= rank("EXECUTING") && !stage.equals("DECIDED");
            boolean executedStage = punished && (stage.equals("CLOSED") || stage.equals("ARCHIVED"));
            boolean closedStage = stage.equals("CLOSED") || stage.equals("ARCHIVED") || stage.equals("REVOKED") || stage.equals("TRANSFERRED")
                    || stage.equals("NOT_PUNISHED");
            List<Officer> team = team(unit, filed);
            Officer handler = team.get(0);
            Officer second = team.size() > 1 ? team.get(1) : team.get(0);
            boolean person = !accident && random.nextInt(20) == 0;
            String decisionNumber = decidedStage && punished ? numberText("罚", decided.getYear(), nextSerial("罚", decided.getYear())) : null;
            Instant created = proposed.atTime(9, 0).atZone(ZONE).toInstant();
            cases.row(id, number, org, accident ? "ACCIDENT" : "ENFORCEMENT", accident ? "ACCIDENT" : "INSPECTION", null, "ORDINARY", stage,
                    firmNames[firm] + (accident ? "生产安全事故案" : "涉嫌安全生产违法案"), "经检查发现该单位存在安全生产违法行为。",
                    firmIds[firm], person ? "PERSON" : "UNIT", person ? person() : firmNames[firm], person ? null : firmCodes[firm],
                    decidedStage && punished ? fine : null, reviewRequired, accident ? 1 : null, handler.id(), handler.name(), second.id(), second.name(),
                    proposed, filedStage ? filed : null, notifiedStage ? notified : null, notifiedStage ? fine : null, notifiedStage,
                    decidedStage ? decided : null, decisionNumber, servedStage ? served : null, servedStage ? "直接送达" : null,
                    executedStage ? fine : BigDecimal.ZERO.setScale(2), null, executedStage ? executed : null,
                    closedStage ? (punished ? closed : decided) : null, stage.equals("ARCHIVED") ? archived : null,
                    stage.equals("REVOKED") ? "违法事实不能成立，撤销立案。" : stage.equals("NOT_PUNISHED") ? "违法行为轻微并及时改正，没有造成危害后果。" : null,
                    stage.equals("TRANSFERRED") ? "公安机关" : null, 0, created);
            int pos = 0;
            steps.row(id, pos++, "PROPOSED", handler.id(), handler.name(), "承办人", proposed, created, null, org);
            if (filedStage) {
                steps.row(id, pos++, "FILED", leaderByUnit.get(unit), "负责人", "负责人", filed, at(filed), "同意立案。", org);
                document(org, "CASE_FILING_APPROVAL", "立案审批表", "立", filed, "case", number, firmNames[firm], at(filed), handler.name());
            }
            if (punished && rank >= rank("PENALTY_PROPOSED")) {
                steps.row(id, pos++, "PENALTY_PROPOSED", handler.id(), handler.name(), "承办人", penaltyProposed, at(penaltyProposed), null, org);
            }
            if (review) {
                steps.row(id, pos++, "LEGAL_REVIEW", legalId, legalName, "法制审核人员", reviewed, at(reviewed), "同意。", org);
            }
            if (notifiedStage) {
                steps.row(id, pos++, "NOTIFIED", handler.id(), handler.name(), "承办人", notified, at(notified), null, org);
                document(org, "PENALTY_NOTICE", "行政处罚告知书", "罚告", notified, "case", number, firmNames[firm], at(notified), handler.name());
            }
            if (decidedStage) {
                steps.row(id, pos++, punished ? "DECIDED" : "NOT_PUNISHED", leaderByUnit.get(unit), "负责人", "负责人", decided, at(decided), null, org);
                if (punished) {
                    document(org, "PENALTY_DECISION_UNIT", "行政处罚决定书（单位）", "罚", decided, "case", number, firmNames[firm],
                            at(decided), handler.name(), decisionNumber);
                }
            }
            if (servedStage) {
                steps.row(id, pos++, "SERVED", handler.id(), handler.name(), "承办人", served, at(served), null, org);
            }
            if (executedStage) {
                steps.row(id, pos++, "PAYMENT", handler.id(), handler.name(), "承办人", executed, at(executed), null, org);
                payments.row(id, 0, executed, fine, org);
                steps.row(id, pos++, "EXECUTED", handler.id(), handler.name(), "承办人", executed, at(executed), null, org);
            }
            if (closedStage) {
                String kind = stage.equals("REVOKED") ? "REVOKED" : stage.equals("TRANSFERRED") ? "TRANSFERRED" : "CLOSED";
                LocalDate on = punished ? closed : decided;
                steps.row(id, pos++, kind, leaderByUnit.get(unit), "负责人", "负责人", on, at(on), null, org);
            }
            if (stage.equals("ARCHIVED")) {
                steps.row(id, pos, "ARCHIVED", handler.id(), handler.name(), "承办人", archived, at(archived), null, org);
            }
            if (decidedStage && punished && (year.published() < 0 || published < year.published())) {
                published++;
                LocalDate due = decided.plusDays(7);
                LocalDate on = decided.plusDays(1 + random.nextInt(5));
                boolean publishedYet = !on.isAfter(today);
                publications.row(id, number, org, decisionNumber, person, person ? "个人" : firmNames[firm], person ? null : firmCodes[firm],
                        "未按规定履行安全生产职责", "罚款" + fine.toPlainString() + "元", fine, rootName, decided, due,
                        publishedYet ? on : null, publishedYet ? "基准公示员" : null, publishedYet ? on.plusYears(3) : null);
            }
        }
    }

    private static final List<String> STAGES = List.of("PROPOSED", "FILED", "PENALTY_PROPOSED", "LEGAL_REVIEW", "APPROVED", "NOTIFIED",
            "DECISION_PENDING", "DECIDED", "EXECUTING", "CLOSED", "ARCHIVED", "NOT_PUNISHED", "REVOKED", "TRANSFERRED");

    private static int rank(String stage) {
        return switch (stage) {
            case "NOT_PUNISHED" -> STAGES.indexOf("DECIDED");
            case "REVOKED", "TRANSFERRED" -> STAGES.indexOf("FILED");
            default -> STAGES.indexOf(stage);
        };
    }

    /** Splits {@code total} 元 over {@code [from, to)} in whole hundreds, around {@code typical} hundreds each, exactly. */
    private void spread(long[] into, int from, int to, BigDecimal total, int typical) {
        long hundreds = total.movePointLeft(2).longValueExact();
        double[] weights = new double[to - from];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = typical * (0.3 + random.nextDouble() * 1.4);
            sum += weights[i];
        }
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            long share = i == weights.length - 1 ? hundreds - given : Math.max(1, Math.round(hundreds * weights[i] / sum));
            into[from + i] = share;
            given += share;
        }
    }

    // ---- documents and evidence

    private long document(long org, String kind, String title, String prefix, LocalDate day, String sourceType, String sourceId,
                          String party, Instant at, String by) {
        return document(org, kind, title, prefix, day, sourceType, sourceId, party, at, by, null);
    }

    private long document(long org, String kind, String title, String prefix, LocalDate day, String sourceType, String sourceId,
                          String party, Instant at, String by, String numberText) {
        long id = documentIds.next();
        int serial;
        String text;
        if (numberText != null) {
            serial = serials.get("应急" + prefix + "|" + day.getYear());
            text = numberText;
        } else {
            serial = nextSerial(prefix, day.getYear());
            text = numberText(prefix, day.getYear(), serial);
        }
        out.table("doc_issued", "").row(id, org, rootId, rootName, kind, title, text, shortName, "应急" + prefix, day.getYear(), serial,
                sourceType, sourceId, party, day, at, by, verificationCode(), "", EMPTY_SHA256, "", EMPTY_SHA256, 1, "{}", 1);
        return id;
    }

    private int nextSerial(String prefix, int year) {
        return serials.merge("应急" + prefix + "|" + year, 1, Integer::sum);
    }

    private String numberText(String prefix, int year, int serial) {
        return "（" + shortName + "）应急" + prefix + "〔" + year + "〕" + serial + "号";
    }

    private String verificationCode() {
        long space = 852_891_037_441L; // 31^8
        long value = Math.floorMod(((rootId % 100_000) * 8_000_000L + ++verificationSeq) * 7_919L, space);
        char[] code = new char[8];
        for (int i = 7; i >= 0; i--) {
            code[i] = CODE_ALPHABET.charAt((int) Math.floorMod(value, 31));
            value /= 31;
        }
        return new String(code);
    }

    private long evidence(long org, long user, Instant at) {
        long id = evidenceIds.next();
        String sha = "%064x".formatted(id).replace(' ', '0');
        out.table("evidence_file", "").row(id, sha, "image/jpeg", "PHOTO", 200_000 + random.nextInt(800_000), "现场照片.jpg", "PHONE",
                user, org, at, at);
        out.table("evidence_custody", "").row(id, "STORED", user, at, "SHA-256 " + sha, org);
        return id;
    }

    /** After COPY: document number counters past the generated serials, statistics for the planner. */
    private void finish() {
        for (Map.Entry<String, Integer> serial : serials.entrySet()) {
            String[] key = serial.getKey().split("\\|");
            jdbc.sql("""
                    INSERT INTO doc_number_counter (organization_id, short_name, prefix, year, last_serial) VALUES (:o, :s, :p, :y, :n)
                    ON CONFLICT (organization_id, short_name, prefix, year) DO UPDATE SET last_serial = GREATEST(doc_number_counter.last_serial, :n)""")
                    .param("o", rootId).param("s", shortName).param("p", key[0]).param("y", Integer.parseInt(key[1]))
                    .param("n", serial.getValue()).update();
        }
        for (String table : List.of("organization", "app_user", "officer_certificate", "enterprise", "inspection_task", "inspection_record",
                "inspection_item_result", "hazard", "penalty_case", "case_step", "doc_issued", "evidence_file", "penalty_publication",
                "enforcement_act")) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }

    // ---- helpers

    private List<Officer> team(int unit, LocalDate day) {
        List<Officer> officers = officersByUnit.get(unit);
        List<Officer> team = new ArrayList<>(3);
        int size = random.nextInt(10) < 6 ? 2 : 3;
        for (int tries = 0; tries < 50 && team.size() < size; tries++) {
            Officer o = officers.get(random.nextInt(officers.size()));
            if (o.validOn(day) && !team.contains(o)) {
                team.add(o);
            }
        }
        if (team.isEmpty()) {
            officers.stream().filter(o -> o.validOn(day)).findFirst().ifPresentOrElse(team::add, () -> team.add(officers.get(0)));
        }
        return team;
    }

    private int unitIndex(long org) {
        return unitIds.indexOf(org);
    }

    private int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days.isEmpty() ? List.of(from) : days;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(11, 0).atZone(ZONE).toInstant();
    }

    private String person() {
        return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
    }

    private static String chinese(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        if (n < 100) {
            return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10));
        }
        return String.valueOf(n);
    }

    /** A valid 统一社会信用代码 made from the firm's id (unique as the id is). */
    static String uscc(long id) {
        String body = "91" + "98" + "%04d".formatted((id / 100_000_000L) % 10_000) + "G" + "%08d".formatted(id % 100_000_000L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        return body + USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
