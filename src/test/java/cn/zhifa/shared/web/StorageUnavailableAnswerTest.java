package cn.zhifa.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.shared.storage.StorageUnavailable;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/** Issue 18: an upload while the evidence store is unreachable is a 503 in Chinese, on the API and on a page. */
class StorageUnavailableAnswerTest {

    final StorageUnavailable unavailable = new StorageUnavailable(new IOException("object store zhifa unreachable: Connection refused"));

    @Test
    void the_api_answers_503_with_a_chinese_problem_detail_and_no_technical_cause() {
        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler().storageUnavailable(unavailable);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).isEqualTo("证据存储暂不可用，请稍后重试。");
        assertThat(answer.getBody().getTitle()).isEqualTo("服务暂不可用");
        assertThat(answer.getBody().toString()).doesNotContain("Connection refused");
    }

    @Test
    void a_page_shows_the_same_words_with_503() {
        ModelAndView page = new PageExceptionHandler().storageUnavailable(unavailable);

        assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(page.getModel()).containsEntry("errorMessage", "证据存储暂不可用，请稍后重试。")
                .containsEntry("errorTitle", "服务暂不可用");
    }
}
