package cn.zhifa.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MediaSnifferTests {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[32];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ftyp(String brand) {
        byte[] out = new byte[32];
        byte[] head = ("\0\0\0\u0018ftyp" + brand).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }

    @Test
    void recognises_photos_by_their_magic_numbers() {
        assertThat(MediaSniffer.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).get().extracting(MediaSniffer.Detected::mediaType).isEqualTo("image/jpeg");
        assertThat(MediaSniffer.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).get()
                .extracting(MediaSniffer.Detected::kind).isEqualTo(MediaKind.PHOTO);
        assertThat(MediaSniffer.sniff(ftyp("heic"))).get().extracting(MediaSniffer.Detected::mediaType).isEqualTo("image/heic");
    }

    @Test
    void tells_video_from_audio_in_iso_media_files() {
        assertThat(MediaSniffer.sniff(ftyp("isom"))).get().extracting(MediaSniffer.Detected::kind).isEqualTo(MediaKind.VIDEO);
        assertThat(MediaSniffer.sniff(ftyp("qt  "))).get().extracting(MediaSniffer.Detected::mediaType).isEqualTo("video/quicktime");
        assertThat(MediaSniffer.sniff(ftyp("M4A "))).get().extracting(MediaSniffer.Detected::kind).isEqualTo(MediaKind.AUDIO);
    }

    @Test
    void recognises_recorder_audio_formats() {
        assertThat(MediaSniffer.sniff("#!AMR\n0000000000".getBytes(StandardCharsets.ISO_8859_1))).get()
                .extracting(MediaSniffer.Detected::mediaType).isEqualTo("audio/amr");
        assertThat(MediaSniffer.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).get()
                .extracting(MediaSniffer.Detected::mediaType).isEqualTo("audio/wav");
        assertThat(MediaSniffer.sniff("ID3\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1))).get()
                .extracting(MediaSniffer.Detected::mediaType).isEqualTo("audio/mpeg");
        assertThat(MediaSniffer.sniff(bytes(0xFF, 0xFB, 0x90, 0x64))).get()
                .extracting(MediaSniffer.Detected::mediaType).isEqualTo("audio/mpeg");
    }

    @Test
    void refuses_a_windows_executable_whatever_its_name() {
        assertThat(MediaSniffer.sniff(bytes('M', 'Z', 0x90, 0x00, 0x03))).isEmpty();
    }

    @Test
    void refuses_text_pdf_zip_and_unknown_iso_brands() {
        assertThat(MediaSniffer.sniff("hello world, not a photo".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaSniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(MediaSniffer.sniff(bytes('P', 'K', 3, 4))).isEmpty();
        assertThat(MediaSniffer.sniff(ftyp("crx "))).isEmpty();
        assertThat(MediaSniffer.sniff(Arrays.copyOf(new byte[]{(byte) 0xFF}, 2))).isEmpty();
    }
}
