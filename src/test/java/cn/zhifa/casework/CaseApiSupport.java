package cn.zhifa.casework;

import cn.zhifa.TestClock;
import cn.zhifa.Tokens;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Drives the case API as the demo users; every call fetches a fresh token (the clock moves). */
final class CaseApiSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    private final TestClock clock;

    CaseApiSupport(MockMvc mvc, TestClock clock) {
        this.mvc = mvc;
        this.clock = clock;
    }

    void today(String day) {
        clock.setTo(LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    MockHttpServletResponse post(String user, String path, Object body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .header("Authorization", Tokens.bearer(mvc, user)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body == null ? Map.of() : body)))
                .andReturn().getResponse();
    }

    String get(String user, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .header("Authorization", Tokens.bearer(mvc, user))).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    /** Runs an action and expects success; returns the case JSON. */
    String act(String user, long id, String action, Map<String, ?> fields) throws Exception {
        MockHttpServletResponse response = post(user, "/api/v1/cases/" + id + "/actions/" + action, fields);
        response.setCharacterEncoding("UTF-8");
        String body = response.getContentAsString();
        if (response.getStatus() != 200) {
            throw new AssertionError(action + " → " + response.getStatus() + " " + body);
        }
        return body;
    }

    /** Runs an action expected to be refused; returns the problem detail. */
    String refused(String user, long id, String action, Map<String, ?> fields, int status) throws Exception {
        MockHttpServletResponse response = post(user, "/api/v1/cases/" + id + "/actions/" + action, fields);
        response.setCharacterEncoding("UTF-8");
        String body = response.getContentAsString();
        if (response.getStatus() != status) {
            throw new AssertionError(action + " expected " + status + " but was " + response.getStatus() + " " + body);
        }
        return JsonPath.read(body, "$.detail");
    }

    long open(String user, Map<String, ?> form) throws Exception {
        MockHttpServletResponse response = post(user, "/api/v1/cases", form);
        response.setCharacterEncoding("UTF-8");
        if (response.getStatus() != 201) {
            throw new AssertionError("open → " + response.getStatus() + " " + response.getContentAsString());
        }
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    String view(long id) throws Exception {
        return get("leader1", "/api/v1/cases/" + id);
    }

    String stage(long id) throws Exception {
        return JsonPath.read(view(id), "$.stage");
    }

    int version(long id) throws Exception {
        return JsonPath.read(view(id), "$.version");
    }

    String deadline(long id, String code) throws Exception {
        List<String> due = JsonPath.read(view(id), "$.timeline[?(@.code == '" + code + "')].deadline.due");
        return due.isEmpty() ? null : due.get(0);
    }

    static Map<String, Object> firm(long org, String name, String title) {
        return new java.util.HashMap<>(Map.of("source", "INSPECTION", "kind", "ENFORCEMENT", "organizationId", org,
                "partyKind", "UNIT", "partyName", name, "partyCode", "91350100M000100Y43", "legalRepresentative", "赵某",
                "address", "示例市东城区", "title", title));
    }
}
