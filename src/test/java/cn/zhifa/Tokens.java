package cn.zhifa;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Obtains API tokens through the real token endpoint. */
public final class Tokens {

    public static final String DEMO_PASSWORD = "Zhifa@2026";

    private Tokens() {
    }

    public static String of(MockMvc mvc, String username) throws Exception {
        return of(mvc, username, DEMO_PASSWORD);
    }

    public static String of(MockMvc mvc, String username, String password) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    public static String bearer(MockMvc mvc, String username) throws Exception {
        return "Bearer " + of(mvc, username);
    }
}
