package cn.zhifa.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the OpenAPI description: every request body has a schema a terminal can build from (a named type or listed
 * properties, not a free-form object), and no list under /api/v1 answers with a bare array.
 */
@ZhifaIntegrationTest
class ApiContractTests {

    @Autowired
    MockMvc mvc;

    JsonNode docs;

    @BeforeEach
    void load() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").header("Authorization", Tokens.bearer(mvc, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        docs = JsonMapper.builder().build().readTree(body);
    }

    @Test
    void every_request_body_of_the_api_has_a_described_schema() {
        List<String> undescribed = new ArrayList<>();
        int bodies = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode body = operation.getValue().get("requestBody");
                if (body == null) continue;
                bodies++;
                JsonNode content = body.get("content");
                if (content == null || content.isEmpty()) {
                    undescribed.add(operation.getKey().toUpperCase() + " " + path.getKey() + "：没有内容类型");
                    continue;
                }
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    if (!described(media.getValue().get("schema"))) {
                        undescribed.add(operation.getKey().toUpperCase() + " " + path.getKey() + " (" + media.getKey() + ")");
                    }
                }
            }
        }
        assertThat(bodies).as("operations with a request body").isGreaterThan(10);
        assertThat(undescribed).as("request bodies without a schema").isEmpty();
    }

    @Test
    void no_list_of_the_api_answers_with_a_bare_array() {
        List<String> bare = new ArrayList<>();
        List<String> paged = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null || !path.getKey().startsWith("/api/v1/")) continue;
            JsonNode ok = get.path("responses").path("200").path("content");
            for (Map.Entry<String, JsonNode> media : ok.properties()) {
                JsonNode schema = resolve(media.getValue().get("schema"));
                if (schema != null && "array".equals(schema.path("type").asString(""))) bare.add(path.getKey());
                if (schema != null && schema.path("properties").has("items") && schema.path("properties").has("total")
                        && schema.path("properties").has("page") && schema.path("properties").has("size")) {
                    paged.add(path.getKey());
                }
            }
        }
        assertThat(bare).as("GET operations answering with a bare JSON array").isEmpty();
        assertThat(paged).contains("/api/v1/documents", "/api/v1/hazards", "/api/v1/cases", "/api/v1/enterprises",
                "/api/v1/agencies", "/api/v1/officers", "/api/v1/planning/plans", "/api/v1/planning/grading");
    }

    private boolean described(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s == null) return false;
        if (s.has("properties") && !s.get("properties").isEmpty()) return true;
        String type = s.path("type").asString("");
        // a file upload or a plain text body is described by its type alone
        return type.equals("string") || (type.equals("array") && described(s.get("items")));
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema == null) return null;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return docs.path("components").path("schemas").get(name);
        }
        return schema;
    }
}
