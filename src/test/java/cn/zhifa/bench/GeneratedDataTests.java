package cn.zhifa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.casework.CaseDeadlines;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.TimelineEntry;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.hazard.Hazard;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.HazardQuery;
import cn.zhifa.hazard.HazardStatus;
import cn.zhifa.inspection.InspectionManagement;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.RecordStatus;
import cn.zhifa.inspection.TaskStatus;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.AnnualReport;
import cn.zhifa.reporting.ReportingManagement;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The generator's rows read back through the module APIs, and seed 000's figures through reporting's annual report.
 * Gated (it writes thousands of rows into the shared test database, where other tests count the demo city's rows):
 * <pre>./mvnw -o test -Dtest=GeneratedDataTests -Dzhifa.bench=true</pre>
 */
@ZhifaIntegrationTest
@Tag("benchmark")
@EnabledIfSystemProperty(named = "zhifa.bench", matches = "true")
class GeneratedDataTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Clock clock;
    @Autowired
    UserManagement users;
    @Autowired
    EnterpriseManagement enterprises;
    @Autowired
    InspectionManagement inspections;
    @Autowired
    HazardManagement hazards;
    @Autowired
    CaseManagement cases;
    @Autowired
    CaseDeadlines deadlines;
    @Autowired
    DocumentManagement documents;
    @Autowired
    ReportingManagement reporting;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    static ProfileGenerator.Result generate(DataSource dataSource, FieldCipher cipher, PasswordEncoder encoder, Clock clock,
                                            Profile profile, long seed) throws Exception {
        LocalDate today = LocalDate.now(clock);
        return new ProfileGenerator(dataSource, cipher, encoder.encode(Tokens.DEMO_PASSWORD), today, seed).generate(profile);
    }

    @Test
    void a_small_district_reads_back_through_every_module() throws Exception {
        LocalDate today = LocalDate.now(clock);
        double scale = Double.parseDouble(System.getProperty("zhifa.bench.scale", "0.05"));
        ProfileGenerator.Result result = generate(dataSource, cipher, encoder, clock, Profile.of("district", scale, today), 18);
        for (Profile.Year year : Profile.of("district", scale, today).years()) {
            reporting.rebuild(year.year());
        }
        String subtree = "/" + result.rootId() + "/";
        List<Long> orgs = jdbc.sql("SELECT id FROM organization WHERE path LIKE :p").param("p", subtree + "%").query(Long.class).list();
        assertThat(orgs).hasSize(1 + result.unitIds().size());
        actAs(result.leaderUsername());

        // a firm opens
        long firm = jdbc.sql("SELECT id FROM enterprise WHERE organization_id IN (:o) ORDER BY id LIMIT 1").param("o", orgs).query(Long.class).single();
        assertThat(enterprises.find(firm)).hasValueSatisfying(e -> assertThat(e.name()).startsWith("基准"));
        assertThat(enterprises.profile(firm)).isNotNull();

        // a task and its record read, the representative's phone opens with the application's key
        long recordId = jdbc.sql("SELECT r.id FROM inspection_record r JOIN hazard h ON h.record_id = r.id WHERE r.organization_id IN (:o) ORDER BY r.id LIMIT 1")
                .param("o", orgs).query(Long.class).single();
        InspectionRecord record = inspections.record(recordId);
        assertThat(record.getStatus()).isEqualTo(RecordStatus.SUBMITTED);
        assertThat(record.getRepresentativePhone()).startsWith("138");
        assertThat(inspections.task(record.getTaskId()).status()).isEqualTo(TaskStatus.DONE);
        assertThat(inspections.task(record.getTaskId()).team()).isNotEmpty();

        // a hazard's state and its rectification order read
        long hazardId = jdbc.sql("SELECT id FROM hazard WHERE record_id = :r ORDER BY id LIMIT 1").param("r", recordId).query(Long.class).single();
        Hazard hazard = hazards.get(hazardId);
        assertThat(hazard.getStatus()).isIn((Object[]) HazardStatus.values());
        assertThat(hazard.getOrderDocumentId()).isNotNull();
        assertThat(documents.find(hazard.getOrderDocumentId())).hasValueSatisfying(d -> assertThat(d.title()).isEqualTo("责令限期整改指令书"));
        // every state, 1 % major, about a tenth overdue
        Set<String> states = Set.copyOf(jdbc.sql("SELECT DISTINCT status FROM hazard WHERE organization_id IN (:o)").param("o", orgs).query(String.class).list());
        assertThat(states).contains("RECTIFYING", "RECTIFICATION_REPORTED", "REINSPECTED", "CLOSED");
        long all = hazards.search(new HazardQuery("all", null, null, "deadline", 0, 20)).total();
        long overdue = hazards.search(new HazardQuery("overdue", null, null, "deadline", 0, 20)).total();
        assertThat(all).isEqualTo(jdbc.sql("SELECT count(*) FROM hazard WHERE organization_id IN (:o)").param("o", orgs).query(Long.class).single());
        assertThat(overdue * 100.0 / all).isBetween(4.0, 16.0);

        // a case page's deadline list reads; about a tenth of the open cases have a deadline within three working days
        List<Long> open = jdbc.sql("SELECT id FROM penalty_case WHERE organization_id IN (:o) AND stage NOT IN "
                + "('CLOSED','ARCHIVED','REVOKED','TRANSFERRED','NOT_PUNISHED') ORDER BY id").param("o", orgs).query(Long.class).list();
        assertThat(open).isNotEmpty();
        for (long id : open) {
            PenaltyCase c = cases.get(id);
            List<TimelineEntry> timeline = deadlines.timeline(c, today);
            assertThat(timeline).extracting(TimelineEntry::code).contains("PROPOSED", "DECISION");
            assertThat(timeline).noneMatch(e -> e.status() == TimelineEntry.Status.OVERDUE);
        }
        long near = deadlines.watchList().stream().map(w -> w.caseId()).distinct().count();
        System.out.printf("[generated] open cases %d, on the watch list %d%n", open.size(), near);
        assertThat(near).isPositive().isLessThanOrEqualTo(open.size());

        // the annual figures equal the generated rows
        for (Profile.Year year : Profile.of("district", scale, today).years()) {
            AnnualFigures f = reporting.annual(year.year(), result.rootId());
            assertThat(f.inspectionVisits()).as("visits %d", year.year()).isEqualTo(year.visits());
            assertThat(f.visitsByKind().get("KEY")).isEqualTo(year.keyVisits());
            assertThat(f.hazardsFound()).as("hazards %d", year.year()).isEqualTo(year.hazards());
            assertThat(f.casesFiled()).as("cases filed %d", year.year()).isEqualTo(count(orgs,
                    "SELECT count(*) FROM penalty_case WHERE organization_id IN (:o) AND EXTRACT(YEAR FROM filed_on) = " + year.year()));
            assertThat(f.documentsIssued()).as("documents %d", year.year()).isEqualTo(count(orgs,
                    "SELECT count(*) FROM doc_issued WHERE organization_id IN (:o) AND EXTRACT(YEAR FROM issue_date) = " + year.year()));
        }
        AnnualFigures last = reporting.annual(today.getYear(), result.rootId());
        assertThat(last.officersCertified()).isEqualTo(Profile.of("district", scale, today).officers());
    }

    @Test
    void seed_000s_district_year_reads_as_the_seed_in_the_annual_report() throws Exception {
        ProfileGenerator.Result result = generate(dataSource, cipher, encoder, clock, Profile.seed000(), 0);
        reporting.rebuild(2023);
        reporting.rebuild(2024);
        actAs(result.leaderUsername());
        AnnualFigures f = reporting.annual(2024, result.rootId());
        String text = AnnualReport.basics(f).stream().flatMap(s -> s.paragraphs().stream()).map(AnnualReport.Paragraph::text)
                .collect(Collectors.joining("\n"));
        System.out.println("[seed000] " + text);
        assertThat(text).contains(
                "共有持证执法人员250人",
                "2024年新增执法人员17人",
                "注销执法证人员35人",
                "执法参与率达到百分之百",
                "共对2293家企业开展执法检查6201家次，其中重点检查4281家次，一般检查1920家次",
                "查处隐患6840项",
                "立案查处案件302件",
                "处罚金额共计1001.43万元",
                "其中执法处罚案件278件，处罚金额319.15万元；事故处罚案件24件，处罚金额682.28万元",
                "共公示行政处罚信息290条，公示率达100%",
                "共对31件重大行政处罚案件进行法制审核");
        // the seed rounds the changes to whole percent: 302 against 210 cases, 1,001.43 against 910.39 万元
        assertThat(text).contains("立案查处案件302件，同比上升43.8%", "1001.43万元，同比上升10%");
    }

    private long count(List<Long> orgs, String sql) {
        return jdbc.sql(sql).param("o", orgs).query(Long.class).single();
    }

    private void actAs(String username) {
        UserView user = users.findByUsername(username).orElseThrow();
        Actor actor = new Actor() {
            public long userId() { return user.id(); }
            public String username() { return user.username(); }
            public String displayName() { return user.displayName(); }
            public long organizationId() { return user.organizationId(); }
            public Set<Role> roles() { return user.roles(); }
        };
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}
