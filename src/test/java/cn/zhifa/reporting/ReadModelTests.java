package cn.zhifa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseReported;
import cn.zhifa.casework.CaseStatistics;
import cn.zhifa.hazard.HazardClosed;
import cn.zhifa.hazard.HazardFound;
import cn.zhifa.hazard.HazardLevel;
import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.documents.DocumentIssued;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.DocumentVoided;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.reporting.internal.CaseReadModel;
import cn.zhifa.reporting.internal.DocumentReadModel;
import cn.zhifa.publicity.PublicationRecorded;
import cn.zhifa.reporting.internal.HazardReadModel;
import cn.zhifa.reporting.internal.PublicityReadModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hazard and case read models kept from the modules' events give the figures the owning modules count over their
 * own lists, and a rebuild from the replayed facts leaves exactly the rows the events left.
 */
@ZhifaIntegrationTest
class ReadModelTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    HazardReadModel hazardModel;
    @Autowired
    CaseReadModel caseModel;
    @Autowired
    HazardManagement hazards;
    @Autowired
    CaseStatistics cases;
    @Autowired
    DocumentReadModel documentModel;
    @Autowired
    DocumentManagement documents;
    @Autowired
    PublicityReadModel publicityModel;
    @Autowired
    cn.zhifa.reporting.internal.CaseFactReadModel factModel;

    private List<Long> allUnits() {
        return jdbc.sql("SELECT id FROM organization").query(Long.class).list();
    }

    private String rows(String sql, int year) {
        return jdbc.sql(sql).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query(String.class).list().stream().collect(Collectors.joining("\n"));
    }

    private String hazardRows(int year) {
        return rows("SELECT hazard_id || '/' || organization_id || '/' || found_on || '/' || major || '/' || COALESCE(closed_on::text, '-') "
                + "FROM reporting_hazard WHERE found_on BETWEEN :from AND :to ORDER BY hazard_id", year);
    }

    private String caseRows(int year) {
        return rows("SELECT case_id || '/' || organization_id || '/' || kind || '/' || COALESCE(filed_on::text, '-') || '/' "
                + "|| COALESCE(decided_on::text, '-') || '/' || COALESCE(fine_yuan::text, '-') || '/' || punished FROM reporting_case "
                + "WHERE filed_on BETWEEN :from AND :to OR decided_on BETWEEN :from AND :to ORDER BY case_id", year);
    }

    @Test
    void the_hazard_read_model_counts_what_the_hazard_module_counts_and_a_rebuild_changes_nothing() {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT count(*) FROM reporting_hazard WHERE found_on IS NOT NULL")
                .query(Long.class).single() >= jdbc.sql("SELECT count(*) FROM hazard WHERE status <> 'REPORTED'").query(Long.class).single());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM reporting_hazard WHERE closed_on IS NOT NULL")
                .query(Long.class).single() >= jdbc.sql("SELECT count(*) FROM hazard WHERE status = 'CLOSED'").query(Long.class).single());
        List<Integer> years = jdbc.sql("SELECT DISTINCT EXTRACT(YEAR FROM found_on)::int FROM hazard WHERE status <> 'REPORTED' ORDER BY 1")
                .query(Integer.class).list();
        assertThat(years).as("the demo city has hazards").isNotEmpty();
        List<Long> units = allUnits();
        for (int year : years) {
            var counted = hazards.statistics(year, units);
            HazardReadModel.HazardFigures ours = hazardModel.figures(year, units);
            assertThat(ours.found()).as("found in " + year).isEqualTo(counted.found()).isPositive();
            assertThat(ours.major()).as("重大 in " + year).isEqualTo(counted.major());
            assertThat(ours.rectified()).as("销号 in " + year).isEqualTo(counted.rectified());
            assertThat(ours.majorRectified()).as("重大销号 in " + year).isEqualTo(counted.majorRectified());
            assertThat(ours.rectificationRate()).isEqualTo(counted.rectificationRate());
            String fromEvents = hazardRows(year);
            hazardModel.rebuild(year);
            assertThat(hazardRows(year)).as("rebuild of " + year).isEqualTo(fromEvents);
        }
    }

    @Test
    void the_case_read_model_counts_filed_decided_and_fines_by_kind_as_casework_does_and_a_rebuild_changes_nothing() {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT count(*) FROM reporting_case").query(Long.class).single()
                >= jdbc.sql("SELECT count(*) FROM penalty_case WHERE filed_on IS NOT NULL OR decided_on IS NOT NULL")
                .query(Long.class).single());
        List<Integer> years = jdbc.sql("SELECT DISTINCT EXTRACT(YEAR FROM d)::int FROM (SELECT filed_on d FROM penalty_case "
                + "UNION SELECT decided_on FROM penalty_case) x WHERE d IS NOT NULL ORDER BY 1").query(Integer.class).list();
        assertThat(years).as("the demo city has cases").isNotEmpty();
        List<Long> units = allUnits();
        for (int year : years) {
            CaseStatistics.Figures counted = cases.forYear(year, units);
            CaseStatistics.ReportFigures byKind = cases.reportFigures(year, units);
            CaseReadModel.CaseFigures ours = caseModel.figures(year, units);
            assertThat(ours.filedTotal()).as("filed in " + year).isEqualTo(counted.filed());
            assertThat(ours.filed().get(CaseKind.ENFORCEMENT)).isEqualTo(byKind.filedEnforcement());
            assertThat(ours.filed().get(CaseKind.ACCIDENT)).isEqualTo(byKind.filedAccident());
            assertThat(ours.decidedTotal()).as("decided in " + year).isEqualTo(counted.decided());
            assertThat(ours.decided().get(CaseKind.ENFORCEMENT)).isEqualTo(counted.enforcementDecided());
            assertThat(ours.decided().get(CaseKind.ACCIDENT)).isEqualTo(counted.accidentDecided());
            assertThat(ours.finesTotal()).as("fines in " + year).isEqualByComparingTo(counted.finesYuan());
            assertThat(ours.finesYuan().get(CaseKind.ENFORCEMENT)).isEqualByComparingTo(counted.finesEnforcementYuan());
            assertThat(ours.finesYuan().get(CaseKind.ACCIDENT)).isEqualByComparingTo(counted.finesAccidentYuan());
            String fromEvents = caseRows(year);
            caseModel.rebuild(year);
            assertThat(caseRows(year)).as("rebuild of " + year).isEqualTo(fromEvents);
        }
        assertThat(years.stream().mapToLong(y -> caseModel.figures(y, units).decidedTotal()).sum())
                .as("the demo city has decided cases").isPositive();
    }

    @Test
    void the_document_read_model_counts_first_issues_by_kind_as_the_documents_module_does_and_a_rebuild_changes_nothing() {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT count(*) FROM reporting_document").query(Long.class).single()
                >= jdbc.sql("SELECT count(*) FROM doc_issued WHERE supersedes_id IS NULL").query(Long.class).single());
        List<Integer> years = jdbc.sql("SELECT DISTINCT EXTRACT(YEAR FROM issue_date)::int FROM doc_issued ORDER BY 1")
                .query(Integer.class).list();
        assertThat(years).as("the demo city has issued documents").isNotEmpty();
        List<Long> units = allUnits();
        for (int year : years) {
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            java.util.Map<String, Long> counted = new java.util.TreeMap<>();
            documents.statistics(units, from, to).forEach(c -> counted.merge(c.kind(), c.issued(), Long::sum));
            java.util.Map<String, Long> ours = new java.util.TreeMap<>();
            documentModel.byKind(from, to, units).forEach(c -> ours.put(c.kind(), c.issued()));
            assertThat(ours).as("issued in " + year).isEqualTo(counted);
            String fromEvents = rows("SELECT document_id || '/' || organization_id || '/' || kind || '/' || issue_date || '/' || voided "
                    + "FROM reporting_document WHERE issue_date BETWEEN :from AND :to ORDER BY document_id", year);
            documentModel.rebuild(year);
            assertThat(rows("SELECT document_id || '/' || organization_id || '/' || kind || '/' || issue_date || '/' || voided "
                    + "FROM reporting_document WHERE issue_date BETWEEN :from AND :to ORDER BY document_id", year))
                    .as("rebuild of " + year).isEqualTo(fromEvents);
        }
        long org = units.get(0);
        LocalDate day = LocalDate.of(2003, 6, 2);
        documentModel.apply(new DocumentVoided(-814, org, "TEST_KIND", day.plusDays(1)));
        documentModel.apply(new DocumentIssued(-814, "TEST_KIND", "测〔2003〕1号", new SourceRef("test", "1"), org, day, null));
        documentModel.apply(new DocumentIssued(-815, "TEST_KIND", "测〔2003〕2号", new SourceRef("test", "2"), org, day, null));
        documentModel.apply(new DocumentIssued(-815, "TEST_KIND", "测〔2003〕2号", new SourceRef("test", "2"), org, day, null));
        documentModel.apply(new DocumentIssued(-816, "TEST_KIND", "测〔2003〕2号", new SourceRef("test", "2"), org, day, -815L));
        assertThat(documentModel.byKind(day, day, List.of(org)))
                .as("a void document, a repeated event and a correction count nothing more")
                .extracting(DocumentReadModel.KindCount::issued).containsExactly(1L);
        documentModel.rebuild(2003);
        assertThat(documentModel.byKind(day, day, List.of(org))).isEmpty();
    }

    @Test
    void the_publicity_read_model_counts_due_published_and_on_time_as_the_publication_list_and_a_rebuild_changes_nothing() {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT count(*) FROM reporting_publication").query(Long.class).single()
                >= jdbc.sql("SELECT count(*) FROM penalty_publication").query(Long.class).single());
        List<Integer> years = jdbc.sql("SELECT DISTINCT EXTRACT(YEAR FROM due_on)::int FROM penalty_publication ORDER BY 1")
                .query(Integer.class).list();
        assertThat(years).as("the demo city has publications").isNotEmpty();
        List<Long> units = allUnits();
        String snapshot = "SELECT publication_id || '/' || organization_id || '/' || due_on || '/' || COALESCE(published_on::text, '-') "
                + "|| '/' || COALESCE(withdrawn_on::text, '-') FROM reporting_publication WHERE due_on BETWEEN :from AND :to ORDER BY 1";
        for (int year : years) {
            PublicityReadModel.PublicityFigures listed = jdbc.sql("SELECT count(*), count(*) FILTER (WHERE published_on IS NOT NULL), "
                            + "count(*) FILTER (WHERE published_on <= due_on) FROM penalty_publication WHERE EXTRACT(YEAR FROM due_on) = :y "
                            + "AND (published_on IS NOT NULL OR withdrawn_on IS NULL)")
                    .param("y", year).query((rs, n) -> new PublicityReadModel.PublicityFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                    .single();
            assertThat(publicityModel.figures(year, units)).as("publicity of " + year).isEqualTo(listed);
            String fromEvents = rows(snapshot, year);
            publicityModel.rebuild(year);
            assertThat(rows(snapshot, year)).as("rebuild of " + year).isEqualTo(fromEvents);
        }
        assertThat(years.stream().mapToLong(y -> publicityModel.figures(y, units).published()).sum()).isPositive();
        long org = units.get(0);
        LocalDate due = LocalDate.of(2004, 5, 10);
        publicityModel.apply(new PublicationRecorded(-817, org, due, due.minusDays(1), null));
        publicityModel.apply(new PublicationRecorded(-817, org, due, null, null));
        publicityModel.apply(new PublicationRecorded(-818, org, due, null, due.minusDays(2)));
        publicityModel.apply(new PublicationRecorded(-819, org, due, due.plusDays(3), null));
        assertThat(publicityModel.figures(2004, List.of(org))).as("a late older snapshot does not unpublish; a withdrawal is not due")
                .isEqualTo(new PublicityReadModel.PublicityFigures(2, 2, 1));
        publicityModel.rebuild(2004);
        assertThat(publicityModel.figures(2004, List.of(org)).due()).isZero();
    }

    @Test
    void repeated_and_out_of_order_events_count_once() {
        long org = jdbc.sql("SELECT id FROM organization ORDER BY id LIMIT 1").query(Long.class).single();
        LocalDate day = LocalDate.of(2002, 4, 8);
        HazardClosed closed = new HazardClosed(-811, org, -77, HazardLevel.MAJOR, day.plusDays(20));
        HazardFound found = new HazardFound(-811, org, -77, "测试企业", HazardLevel.MAJOR, "配电箱无防护", day);
        hazardModel.apply(closed);
        assertThat(hazardModel.figures(2002, List.of(org)).found()).as("a 销号 alone is no finding").isZero();
        hazardModel.apply(found);
        hazardModel.apply(found);
        hazardModel.apply(closed);
        assertThat(hazardModel.figures(2002, List.of(org))).isEqualTo(new HazardReadModel.HazardFigures(1, 1, 1, 1));

        CaseReported filed = new CaseReported(-812, org, CaseKind.ACCIDENT, day, null, null, true);
        CaseReported decided = new CaseReported(-812, org, CaseKind.ACCIDENT, day, day.plusMonths(2), new BigDecimal("52000.00"), true);
        caseModel.apply(decided);
        caseModel.apply(filed);
        caseModel.apply(decided);
        CaseReadModel.CaseFigures figures = caseModel.figures(2002, List.of(org));
        assertThat(figures.filed()).containsEntry(CaseKind.ACCIDENT, 1L).containsEntry(CaseKind.ENFORCEMENT, 0L);
        assertThat(figures.decided()).containsEntry(CaseKind.ACCIDENT, 1L);
        assertThat(figures.finesTotal()).isEqualByComparingTo("52000");
        caseModel.apply(new CaseReported(-813, org, CaseKind.ENFORCEMENT, day, day, new BigDecimal("0.00"), false));
        assertThat(caseModel.figures(2002, List.of(org)).decided()).as("不予处罚 is no decision").containsEntry(CaseKind.ENFORCEMENT, 0L);

        hazardModel.rebuild(2002);
        caseModel.rebuild(2002);
        assertThat(hazardModel.figures(2002, List.of(org)).found()).as("nothing was recorded in 2002").isZero();
        assertThat(caseModel.figures(2002, List.of(org)).filedTotal()).isZero();
    }

    private String factRows(int year) {
        return rows("SELECT case_id || '/' || organization_id || '/' || figure || '/' || on_day || '/' || COALESCE(yuan::text, '-') "
                + "FROM reporting_case_fact WHERE on_day BETWEEN :from AND :to ORDER BY 1", year)
                + "\n" + rows("SELECT meeting_id || '/' || organization_id || '/' || held_on FROM reporting_case_meeting "
                + "WHERE held_on BETWEEN :from AND :to ORDER BY 1", year);
    }

    /** The differences between the fact read model's figures of a year and casework's own counts (empty when equal). */
    private List<String> factDifferences(int year, List<Long> units) {
        CaseStatistics.Figures counted = cases.forYear(year, units);
        CaseStatistics.ReportFigures extra = cases.reportFigures(year, units);
        var ours = factModel.figures(year, units);
        long decided = caseModel.figures(year, units).decidedTotal();
        java.util.Map<String, Object[]> pairs = new java.util.LinkedHashMap<>();
        pairs.put("individualsFined", new Object[] {ours.count(F.INDIVIDUAL_FINED), counted.individualsFined()});
        pairs.put("finesOnIndividuals", new Object[] {ours.finesOnIndividualsYuan().stripTrailingZeros(),
                extra.finesOnIndividualsYuan().stripTrailingZeros()});
        pairs.put("summary", new Object[] {ours.count(F.SUMMARY), counted.summaryPenalties()});
        pairs.put("dualShare", new Object[] {decided == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(ours.count(F.DUAL) * 100)
                .divide(BigDecimal.valueOf(decided), 1, java.math.RoundingMode.HALF_UP), counted.dualShare()});
        pairs.put("notPunished", new Object[] {ours.count(F.NOT_PUNISHED), counted.notPunished()});
        pairs.put("legalReviews", new Object[] {ours.count(F.LEGAL_REVIEW), counted.legalReviews()});
        pairs.put("meetings", new Object[] {ours.meetings(), counted.meetings()});
        pairs.put("discussed", new Object[] {ours.count(F.DISCUSSED), counted.casesDiscussed()});
        pairs.put("hearings", new Object[] {ours.count(F.HEARING), counted.hearings()});
        pairs.put("transfers", new Object[] {ours.count(F.TRANSFER), counted.transfers()});
        pairs.put("criminalTransfers", new Object[] {ours.count(F.CRIMINAL_TRANSFER), counted.criminalTransfers()});
        pairs.put("coerciveMeasures", new Object[] {ours.count(F.COERCIVE_MEASURE), extra.coerciveMeasures()});
        return pairs.entrySet().stream()
                .filter(e -> !(e.getValue()[0] instanceof BigDecimal a && e.getValue()[1] instanceof BigDecimal b
                        ? a.compareTo(b) == 0 : e.getValue()[0].equals(e.getValue()[1])))
                .map(e -> year + " " + e.getKey() + ": ours " + e.getValue()[0] + ", casework " + e.getValue()[1]).toList();
    }

    private static final class F {
        static final cn.zhifa.casework.CaseFactsReported.Figure INDIVIDUAL_FINED = cn.zhifa.casework.CaseFactsReported.Figure.INDIVIDUAL_FINED;
        static final cn.zhifa.casework.CaseFactsReported.Figure SUMMARY = cn.zhifa.casework.CaseFactsReported.Figure.SUMMARY;
        static final cn.zhifa.casework.CaseFactsReported.Figure DUAL = cn.zhifa.casework.CaseFactsReported.Figure.DUAL;
        static final cn.zhifa.casework.CaseFactsReported.Figure NOT_PUNISHED = cn.zhifa.casework.CaseFactsReported.Figure.NOT_PUNISHED;
        static final cn.zhifa.casework.CaseFactsReported.Figure LEGAL_REVIEW = cn.zhifa.casework.CaseFactsReported.Figure.LEGAL_REVIEW;
        static final cn.zhifa.casework.CaseFactsReported.Figure DISCUSSED = cn.zhifa.casework.CaseFactsReported.Figure.DISCUSSED;
        static final cn.zhifa.casework.CaseFactsReported.Figure HEARING = cn.zhifa.casework.CaseFactsReported.Figure.HEARING;
        static final cn.zhifa.casework.CaseFactsReported.Figure TRANSFER = cn.zhifa.casework.CaseFactsReported.Figure.TRANSFER;
        static final cn.zhifa.casework.CaseFactsReported.Figure CRIMINAL_TRANSFER = cn.zhifa.casework.CaseFactsReported.Figure.CRIMINAL_TRANSFER;
        static final cn.zhifa.casework.CaseFactsReported.Figure COERCIVE_MEASURE = cn.zhifa.casework.CaseFactsReported.Figure.COERCIVE_MEASURE;
    }

    @Test
    void the_case_fact_read_model_counts_the_other_case_figures_as_casework_does_and_a_rebuild_changes_nothing() {
        List<Integer> years = jdbc.sql("SELECT DISTINCT EXTRACT(YEAR FROM d)::int FROM (SELECT filed_on d FROM penalty_case "
                + "UNION SELECT decided_on FROM penalty_case UNION SELECT held_on FROM case_meeting) x WHERE d IS NOT NULL ORDER BY 1")
                .query(Integer.class).list();
        assertThat(years).as("the demo city has cases").isNotEmpty();
        List<Long> units = allUnits();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(years.stream()
                .flatMap(y -> factDifferences(y, units).stream()).toList()).as("read model kept from events").isEmpty());
        long meetings = 0, reviews = 0, discussed = 0;
        for (int year : years) {
            var ours = factModel.figures(year, units);
            meetings += ours.meetings();
            reviews += ours.count(F.LEGAL_REVIEW);
            discussed += ours.count(F.DISCUSSED);
            String fromEvents = factRows(year);
            factModel.rebuild(year);
            assertThat(factRows(year)).as("rebuild of " + year).isEqualTo(fromEvents);
            assertThat(factDifferences(year, units)).as("after the rebuild of " + year).isEmpty();
        }
        assertThat(meetings).as("the demo city held 案审会").isPositive();
        assertThat(reviews).as("the demo city reviewed cases").isPositive();
        assertThat(discussed).as("the demo city discussed cases").isPositive();
    }

    @Test
    void a_repeated_or_older_case_fact_snapshot_changes_nothing() {
        long caseId = 990_000_017L;
        long org = allUnits().get(0);
        var newer = new cn.zhifa.casework.CaseFactsReported(caseId, org, 3, List.of(
                new cn.zhifa.casework.CaseFactsReported.Fact(F.HEARING, LocalDate.of(2001, 5, 2), null),
                new cn.zhifa.casework.CaseFactsReported.Fact(F.INDIVIDUAL_FINED, LocalDate.of(2001, 6, 1), new BigDecimal("5000.00"))));
        var older = new cn.zhifa.casework.CaseFactsReported(caseId, org, 2, List.of(
                new cn.zhifa.casework.CaseFactsReported.Fact(F.HEARING, LocalDate.of(2001, 5, 2), null)));
        try {
            factModel.apply(newer, false);
            factModel.apply(newer, false);
            factModel.apply(older, false);
            var figures = factModel.figures(2001, List.of(org));
            assertThat(figures.count(F.HEARING)).isEqualTo(1);
            assertThat(figures.count(F.INDIVIDUAL_FINED)).isEqualTo(1);
            assertThat(figures.finesOnIndividualsYuan()).isEqualByComparingTo("5000");
            factModel.apply(new cn.zhifa.casework.CaseFactsReported(caseId, org, 4, List.of()), false);
            assertThat(factModel.figures(2001, List.of(org)).count(F.HEARING)).as("a newer snapshot without the hearing").isZero();
        } finally {
            jdbc.sql("DELETE FROM reporting_case_fact WHERE case_id = ?").param(caseId).update();
            jdbc.sql("DELETE FROM reporting_case_fact_version WHERE case_id = ?").param(caseId).update();
        }
    }
}
