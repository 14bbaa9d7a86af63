package cn.zhifa.registry;

import static cn.zhifa.registry.RegistryTestSupport.actAs;
import static cn.zhifa.registry.RegistryTestSupport.validUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.registry.internal.EnterpriseImports;
import cn.zhifa.registry.internal.EnterpriseImports.Status;
import cn.zhifa.registry.internal.EnterpriseSheet;
import cn.zhifa.shared.crypto.PersonalDataColumns;
import cn.zhifa.shared.crypto.PersonalDataSealing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14, GB/T 39786-2021 level 3: ID numbers, phones and TOTP secrets are SM4-GCM sealed in the database (read raw
 * through JDBC here) while the pages show them opened; rows written before sealing are sealed by the start-up step.
 */
@ZhifaIntegrationTest
class PersonalDataAtRestTests {

    private static final String SEALED = "sm4gcm:v1:%";

    @Autowired JdbcClient jdbc;
    @Autowired EnterpriseImports imports;
    @Autowired EnterpriseManagement registry;
    @Autowired UserManagement users;
    @Autowired MockMvc mvc;
    @Autowired List<PersonalDataColumns> declared;
    @Autowired PersonalDataSealing sealing;

    @AfterEach
    void logout() {
        RegistryTestSupport.clear();
    }

    @Test
    void no_declared_column_holds_a_clear_value_after_start_up() {
        List<String> columns = new ArrayList<>();
        declared.forEach(module -> module.sealedColumns().forEach(c -> columns.add(c.name())));
        assertThat(columns).contains("app_user.phone", "second_factor.secret", "enterprise.legal_representative_id",
                "enterprise.principal_phone", "enterprise.safety_phone", "enterprise.legal_representative_phone",
                "supervisor.id_number", "supervisor.phone", "case_record.person_id_number", "case_record.person_phone",
                "complaint.reporter_phone", "inspection_record.representative_phone");
        long sealedValues = 0;
        for (PersonalDataColumns module : declared) {
            for (PersonalDataColumns.Column c : module.sealedColumns()) {
                List<String> clear = jdbc.sql("SELECT " + c.column() + " FROM " + c.table() + " WHERE " + c.column()
                        + " <> '' AND " + c.column() + " NOT LIKE :sealed LIMIT 3").param("sealed", SEALED).query(String.class).list();
                assertThat(clear).as("clear values in %s", c.name()).isEmpty();
                sealedValues += jdbc.sql("SELECT count(*) FROM " + c.table() + " WHERE " + c.column() + " LIKE :sealed")
                        .param("sealed", SEALED).query(Long.class).single();
            }
        }
        assertThat(sealedValues).as("the demo city's phones and ID numbers are there, sealed").isGreaterThan(100);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE phone IS NOT NULL AND phone_hash IS NULL").query(Long.class).single())
                .isZero();
    }

    @Test
    void an_imported_firm_s_id_number_and_phones_are_sealed_in_the_row_and_shown_opened_on_its_page() throws Exception {
        actAs(users, "officer1");
        String uscc = validUscc("139902", 2710);
        List<String> row = new ArrayList<>(Sheets.row("示例加密存储测试有限公司", uscc, "139902001", "30"));
        row.set(3, "11010519491231002X");
        row.set(5, "13812345670");
        row.add("执行董事");
        row.add("0591-87650001");
        var imported = imports.runNow("加密.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS, List.of(row)));
        assertThat(imported.status()).as(imported.message()).isEqualTo(Status.SUCCEEDED);
        long id = registry.findByUscc(uscc).orElseThrow().id();

        Map<String, Object> raw = jdbc.sql("SELECT legal_representative_id, principal_phone, legal_representative_phone "
                + "FROM enterprise WHERE id = ?").param(id).query().singleRow();
        assertThat(raw.values()).allSatisfy(value -> assertThat((String) value).startsWith("sm4gcm:v1:")
                .doesNotContain("11010519491231002X").doesNotContain("13812345670").doesNotContain("87650001"));
        assertThat(raw.get("principal_phone")).isNotEqualTo(raw.get("legal_representative_phone"));

        assertThat(firmPage(id)).doesNotContain("sm4gcm").doesNotContain("87650001");
        assertThat(firmPage(id, "/phone")).isEqualTo(full("0591-87650001"));
        // opened at the read; the edit form shows the ID number and the phones masked as hints (a full phone is the audited read)
        actAs(users, "officer1"); // a request through MockMvc leaves the test thread without an actor
        assertThat(registry.profile(id).form().legalRepresentativeId()).isEqualTo("11010519491231002X");
        assertThat(firmPage(id, "/edit")).contains("已登记 110105********002X").contains("已登记 138****5670")
                .contains("已登记 059****0001").doesNotContain("11010519491231002X").doesNotContain("13812345670")
                .doesNotContain("87650001").doesNotContain("sm4gcm");
    }

    @Test
    void a_row_written_before_sealing_is_shown_then_sealed_by_the_start_up_step_once() throws Exception {
        actAs(users, "officer1");
        String uscc = validUscc("139902", 2720);
        var imported = imports.runNow("旧数据.xlsx", Sheets.xlsx(EnterpriseSheet.HEADERS.subList(0, EnterpriseSheet.OPTIONAL_FROM),
                List.of(Sheets.row("示例升级前数据有限公司", uscc, "139902001", "30"))));
        assertThat(imported.status()).as(imported.message()).isEqualTo(Status.SUCCEEDED);
        long id = registry.findByUscc(uscc).orElseThrow().id();
        jdbc.sql("UPDATE enterprise SET legal_representative_phone = '13712340099' WHERE id = ?").param(id).update();

        assertThat(firmPage(id, "/phone")).isEqualTo(full("13712340099"));
        assertThat(sealing.sealAll()).isGreaterThanOrEqualTo(1);
        String stored = jdbc.sql("SELECT legal_representative_phone FROM enterprise WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("sm4gcm:v1:").doesNotContain("13712340099");
        assertThat(firmPage(id, "/phone")).isEqualTo(full("13712340099"));
        assertThat(sealing.sealAll()).as("sealed values are recognised by their prefix").isZero();
        assertThat(jdbc.sql("SELECT legal_representative_phone FROM enterprise WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(stored);
    }

    @Test
    void a_user_is_found_by_the_exact_phone_through_its_keyed_hash() {
        actAs(users, "admin");
        String phone = "139" + "%08d".formatted(Math.abs("officer2".hashCode()) % 100_000_000);
        String stored = jdbc.sql("SELECT phone FROM app_user WHERE username = 'officer2'").query(String.class).single();
        assertThat(stored).startsWith("sm4gcm:v1:").doesNotContain(phone);

        List<UserView> found = users.search(phone, null, 0, 20).items();

        assertThat(found).extracting(UserView::username).containsExactly("officer2");
        assertThat(found.get(0).phone()).isEqualTo(phone);
        assertThat(users.search(phone.substring(0, 10), null, 0, 20).items()).extracting(UserView::username)
                .doesNotContain("officer2");
    }

    private String firmPage(long id) throws Exception {
        return firmPage(id, "");
    }

    private String firmPage(long id, String suffix) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("officer1").password(Tokens.DEMO_PASSWORD))
                .andReturn().getRequest().getSession();
        return mvc.perform(get("/registry/enterprises/" + id + suffix).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The firm page masks the phone; asked for, it answers the opened value (the page's 查看完整号码). */
    private static String full(String phone) {
        return "<span class=\"text-break\" id=\"legal-representative-phone-full\">" + phone + "</span>";
    }
}
