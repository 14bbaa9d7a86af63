package cn.zhifa.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.zhifa.Tokens;
import cn.zhifa.ZhifaIntegrationTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An officer's exam on the phone over JSON: the paper is listed, started (the right answers hidden), answers are kept
 * without handing in and count at hand-in, the paper is scored and cannot be handed in twice; a malformed answer is
 * refused with nothing stored; another officer's attempt is not found; the 题库 and sessions are read as lists.
 */
@ZhifaIntegrationTest
class TrainingApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void clear() {
        jdbc.sql("DELETE FROM exam_attempt WHERE NOT demo AND user_id = (SELECT id FROM app_user WHERE username = 'officer1')").update();
    }

    @Test
    void an_officer_starts_keeps_answers_and_hands_in_a_paper_scored_automatically() throws Exception {
        String token = Tokens.bearer(mvc, "officer1");
        long paper = jdbc.sql("SELECT id FROM exam_paper WHERE demo AND purpose = 'PERIODIC'").query(Long.class).single();
        List<Long> ids = Arrays.stream(jdbc.sql("SELECT question_ids FROM exam_paper WHERE id = ?").param(paper).query(String.class)
                .single().split(",")).map(Long::valueOf).toList();

        JsonNode papers = json.readTree(call(get("/api/v1/training/exams"), token, null).getContentAsString());
        assertThat(papers.get("items").valueStream().map(p -> p.get("id").asLong())).contains(paper);

        MockHttpServletResponse started = call(post("/api/v1/training/exams/" + paper + "/attempts"), token, null);
        assertThat(started.getStatus()).isEqualTo(201);
        JsonNode attempt = json.readTree(started.getContentAsString());
        long id = attempt.get("id").asLong();
        assertThat(attempt.get("standing").asString()).isEqualTo("答题中");
        assertThat(attempt.get("questions")).hasSize(ids.size());
        assertThat(attempt.get("questions").get(0).get("correctAnswer").isNull()).isTrue();
        assertThat(attempt.get("secondsLeft").asLong()).isPositive();

        assertThat(call(put("/api/v1/training/attempts/" + id + "/answers"), token, "{\"answers\":{\"" + ids.get(0) + "\":\"<script>\"}}")
                .getStatus()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT COALESCE(answers, '') FROM exam_attempt WHERE id = ?").param(id).query(String.class).single()).isEmpty();

        String first = answer(ids.get(0));
        JsonNode kept = json.readTree(call(put("/api/v1/training/attempts/" + id + "/answers"), token,
                "{\"answers\":{\"" + ids.get(0) + "\":\"" + first.toLowerCase() + "\"}}").getContentAsString());
        assertThat(kept.get("questions").get(0).get("answer").asString()).isEqualTo(first);
        assertThat(kept.get("submittedAt").isNull()).isTrue();

        StringBuilder rest = new StringBuilder();
        for (Long q : ids.subList(1, ids.size())) {
            rest.append(rest.isEmpty() ? "" : ",").append('"').append(q).append("\":\"").append(answer(q)).append('"');
        }
        JsonNode done = json.readTree(call(post("/api/v1/training/attempts/" + id + "/submission"), token,
                "{\"answers\":{" + rest + "}}").getContentAsString());
        assertThat(done.get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(done.get("standing").asString()).isEqualTo("合格");
        assertThat(done.get("questions").get(0).get("correctAnswer").asString()).isEqualTo(first);

        MockHttpServletResponse twice = call(post("/api/v1/training/attempts/" + id + "/submission"), token, "{\"answers\":{}}");
        assertThat(twice.getStatus()).isEqualTo(422);
        assertThat(twice.getContentAsString()).contains("试卷已交，不能再次提交");
        assertThat(call(get("/api/v1/training/attempts/" + id), Tokens.bearer(mvc, "officer2"), null).getStatus()).isEqualTo(404);

        JsonNode bank = json.readTree(call(get("/api/v1/training/questions").param("size", "3"), token, null).getContentAsString());
        assertThat(bank.get("items")).hasSize(3);
        assertThat(bank.get("total").asLong()).isGreaterThan(3);
        assertThat(call(get("/api/v1/training/sessions"), token, null).getContentAsString()).contains("\"items\"", "\"total\"");
    }

    private String answer(long question) {
        return jdbc.sql("SELECT answer FROM training_question WHERE id = ?").param(question).query(String.class).single();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        request.header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }
}
