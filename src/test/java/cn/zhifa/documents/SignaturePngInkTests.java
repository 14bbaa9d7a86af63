package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.documents.internal.PngCodec;
import cn.zhifa.shared.RuleViolation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Issue 18: the ink check stops counting at the minimum a signature needs, and still finds ink anywhere. */
class SignaturePngInkTests {

    @Test
    void fifty_nine_ink_pixels_are_a_blank_pad_and_sixty_are_a_signature() throws Exception {
        assertThatThrownBy(() -> SignaturePng.check(png(300, 120, 59, 60))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("空白");
        assertThat(SignaturePng.check(png(300, 120, 60, 60))).isNotEmpty();
    }

    @Test
    void ink_only_in_the_last_row_of_a_large_pad_is_found() throws Exception {
        assertThat(SignaturePng.check(png(2000, 1000, 80, 999))).isNotEmpty();
    }

    @Test
    void counting_stops_at_what_is_enough_but_the_full_count_is_still_there() {
        BufferedImage image = image(400, 100, 400 * 20, 0);
        assertThat(SignaturePng.hasInk(image, 60)).isTrue();
        assertThat(SignaturePng.hasInk(image, 400 * 20 + 1)).isFalse();
        assertThat(SignaturePng.inkPixels(image)).isEqualTo(400 * 20);
    }

    @Test
    void a_decoded_pad_counts_its_samples_as_its_colour_model_would() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage drawn = new BufferedImage(240, 80, type);
            java.util.Random random = new java.util.Random(type);
            for (int y = 0; y < drawn.getHeight(); y++) {
                for (int x = 0; x < drawn.getWidth(); x++) {
                    drawn.setRGB(x, y, random.nextInt()); // every alpha and every shade, near-white and transparent included
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(drawn, "png", out);
            BufferedImage decoded = PngCodec.decode(out.toByteArray());
            assertThat(decoded.getType()).as("read as bytes, row by row")
                    .isEqualTo(type == BufferedImage.TYPE_INT_ARGB ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
            int expected = SignaturePng.inkPixels(drawn); // through the colour model, pixel by pixel
            assertThat(expected).isBetween(1, 240 * 80 - 1);
            assertThat(SignaturePng.inkPixels(decoded)).isEqualTo(expected);
        }
    }

    /** A transparent pad with {@code ink} black pixels laid row by row from {@code fromRow}. */
    private static BufferedImage image(int width, int height, int ink, int fromRow) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < ink; i++) {
            image.setRGB(i % width, fromRow + i / width, 0xFF000000);
        }
        return image;
    }

    private static byte[] png(int width, int height, int ink, int fromRow) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image(width, height, ink, fromRow), "png", out);
        return out.toByteArray();
    }
}
