package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignatureImageTests {

    @Test
    void a_drawn_png_is_accepted() {
        assertThat(SignatureImage.fromDataUrl(InspectionFixtures.signature()).sha256()).hasSize(64);
    }

    @Test
    void a_blank_canvas_is_refused() {
        assertThatThrownBy(() -> SignatureImage.fromDataUrl(InspectionFixtures.blankSignature())).hasMessageContaining("空白");
    }

    @Test
    void a_missing_or_non_png_signature_is_refused() {
        assertThatThrownBy(() -> SignatureImage.fromDataUrl(null)).hasMessageContaining("签名缺失");
        assertThatThrownBy(() -> SignatureImage.fromDataUrl("data:image/jpeg;base64,/9j/4AAQ")).hasMessageContaining("PNG");
        assertThatThrownBy(() -> SignatureImage.fromDataUrl("data:image/png;base64,iVBORw0KGgo@@@")).hasMessageContaining("损坏");
    }
}
