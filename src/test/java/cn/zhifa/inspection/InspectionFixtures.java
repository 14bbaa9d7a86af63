package cn.zhifa.inspection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Test data for inspections: signatures, task and record bodies. */
public final class InspectionFixtures {

    private InspectionFixtures() {
    }

    /** A transparent 300×120 PNG with a drawn stroke, as the signature canvas posts it. */
    public static String signature() {
        return dataUrl(drawn(true));
    }

    public static String blankSignature() {
        return dataUrl(drawn(false));
    }

    static byte[] drawn(boolean ink) {
        BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        if (ink) {
            Graphics2D g = image.createGraphics();
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(4));
            g.drawLine(20, 90, 120, 20);
            g.drawLine(120, 20, 200, 100);
            g.drawLine(200, 100, 280, 30);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    public static String taskJson(long officerA, long officerB, long enterpriseId) {
        return """
                {"source":"PLAN","sourceRef":"2026年度计划","enterpriseId":%d,"kind":"KEY",
                 "mode":"ON_SITE","team":[%d,%d],"dueMonth":"%s","templateCode":"GM-MGMT","noticeRequired":false}
                """.formatted(enterpriseId, officerA, officerB, YearMonth.now());
    }

    /** Creates a task for the two officers at the firm through the API (as {@code token}) and returns its id. */
    public static long createdTask(org.springframework.test.web.servlet.MockMvc mvc, String token, long officerA,
                                   long officerB, long enterpriseId) throws Exception {
        String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/inspection/tasks").header("Authorization", token).header("Idempotency-Key", key())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(taskJson(officerA, officerB, enterpriseId)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
    }

    /**
     * A demo enterprise that officer1's brigade may inspect (deterministic by offset): tasks are refused for firms
     * outside the creator's data scope.
     */
    public static Enterprise enterprise(org.springframework.jdbc.core.simple.JdbcClient jdbc, int offset) {
        return jdbc.sql("""
                        SELECT e.id, e.name FROM enterprise e JOIN organization o ON o.id = e.organization_id
                        WHERE e.status = 'OPERATING' AND o.path LIKE (SELECT uo.path FROM app_user u
                              JOIN organization uo ON uo.id = u.organization_id WHERE u.username = 'officer1') || '%'
                        ORDER BY e.id LIMIT 1 OFFSET :offset % (SELECT count(*) FROM enterprise e JOIN organization o
                              ON o.id = e.organization_id WHERE e.status = 'OPERATING' AND o.path LIKE (SELECT uo.path
                              FROM app_user u JOIN organization uo ON uo.id = u.organization_id WHERE u.username = 'officer1') || '%')""")
                .param("offset", offset).query((rs, n) -> new Enterprise(rs.getLong(1), rs.getString(2))).single();
    }

    /** The operating enterprise at {@code offset} among those the user's unit supervises (its data scope). */
    public static Enterprise enterpriseVisibleTo(org.springframework.jdbc.core.simple.JdbcClient jdbc, String username, int offset) {
        return jdbc.sql("""
                        SELECT e.id, e.name FROM enterprise e JOIN organization o ON o.id = e.organization_id
                        WHERE e.status = 'OPERATING' AND o.path LIKE (SELECT uo.path FROM app_user u
                              JOIN organization uo ON uo.id = u.organization_id WHERE u.username = :user) || '%'
                        ORDER BY e.id LIMIT 1 OFFSET :offset""")
                .param("user", username).param("offset", offset)
                .query((rs, n) -> new Enterprise(rs.getLong(1), rs.getString(2))).single();
    }

    /** An operating enterprise outside the user's unit and the units below it (another district's). */
    public static Enterprise enterpriseOutsideScopeOf(org.springframework.jdbc.core.simple.JdbcClient jdbc, String username) {
        return jdbc.sql("""
                        SELECT e.id, e.name FROM enterprise e JOIN organization o ON o.id = e.organization_id
                        WHERE e.status = 'OPERATING' AND o.path NOT LIKE (SELECT uo.path FROM app_user u
                              JOIN organization uo ON uo.id = u.organization_id WHERE u.username = :user) || '%'
                        ORDER BY e.id LIMIT 1""")
                .param("user", username)
                .query((rs, n) -> new Enterprise(rs.getLong(1), rs.getString(2))).single();
    }

    public record Enterprise(long id, String name) {
    }

    /** A whole record: all 8 GM-MGMT items, AQ-41 (general) and GM-3-2 (major) failed with a deadline. */
    /**
     * A submission of {@code taskId} with two general hazards (AQ-22, AQ-28, to be rectified by {@code deadline}) among
     * the demo checklist's eight items, signed by both officers and the firm's representative.
     */
    public static String twoHazardsRecordJson(long taskId, long officerA, long officerB, LocalDate deadline) {
        String signature = signature();
        return """
                {"taskId":%d,"place":"厂区","representativeName":"张经理","findings":"检查了安全管理资料和生产现场。",
                 "items":[{"code":"AQ-22","result":"FAILS","note":"一般隐患一","location":"一车间","rectifyBy":"%s"},
                          {"code":"AQ-28","result":"FAILS","note":"一般隐患二","location":"二车间","rectifyBy":"%s"},
                          {"code":"AQ-41","result":"CONFORMS"},{"code":"AQ-45","result":"CONFORMS"},{"code":"AQ-81","result":"CONFORMS"},
                          {"code":"GM-3-1","result":"CONFORMS"},{"code":"GM-3-2","result":"CONFORMS"},{"code":"GM-3-3","result":"NOT_APPLICABLE"}],
                 "officerSignatures":[{"userId":%d,"png":"%s"},{"userId":%d,"png":"%s"}],
                 "representative":{"name":"张经理","png":"%s","refused":false},"confirmNonWorkingDeadline":true}
                """.formatted(taskId, deadline, deadline, officerA, signature, officerB, signature, signature);
    }

    public static String recordJson(long taskId, long officerA, long officerB, LocalDate deadline, boolean confirm,
                                    boolean signRepresentative) {
        String items = """
                {"code":"AQ-22","result":"CONFORMS"},{"code":"AQ-28","result":"CONFORMS"},
                {"code":"AQ-41","result":"FAILS","note":"未如实记录隐患排查","location":"办公楼","rectifyBy":"%s"},
                {"code":"AQ-45","result":"CONFORMS"},{"code":"AQ-81","result":"CONFORMS"},
                {"code":"GM-3-1","result":"NOT_APPLICABLE"},
                {"code":"GM-3-2","result":"FAILS","note":"焊工无证上岗","location":"二车间","rectifyBy":"%s"},
                {"code":"GM-3-3","result":"NOT_APPLICABLE"}""".formatted(deadline, deadline);
        String representative = signRepresentative
                ? ",\"representative\":{\"name\":\"张经理\",\"png\":\"" + signature() + "\",\"refused\":false}" : "";
        return """
                {"taskId":%d,"place":"厂区","latitude":39.1,"longitude":117.2,"representativeName":"张经理",
                 "findings":"检查了安全管理资料和生产现场。","items":[%s],
                 "officerSignatures":[{"userId":%d,"png":"%s"},{"userId":%d,"png":"%s"}]%s,
                 "confirmNonWorkingDeadline":%s}
                """.formatted(taskId, items, officerA, signature(), officerB, signature(), representative, confirm);
    }
}
