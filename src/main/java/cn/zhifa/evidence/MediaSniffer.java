package cn.zhifa.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises the media an upload really holds from its first bytes (magic numbers), whatever its name
 * says: JPEG, PNG, HEIC, MP4, MOV, M4A, MP3, WAV, AMR. Anything else (an .exe renamed .jpg) is not media.
 */
public final class MediaSniffer {

    /** Bytes needed to decide. */
    public static final int HEAD = 32;

    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
    private static final Set<String> M4A_BRANDS = Set.of("M4A ", "M4B ");
    private static final Set<String> MOV_BRANDS = Set.of("qt  ");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1",
            "M4V ", "dash", "3gp4", "3gp5", "3gp6", "3g2a", "MSNV", "XAVC", "mmp4");

    private MediaSniffer() {
    }

    /** The detected media type and kind. */
    public record Detected(String mediaType, MediaKind kind, String extension) {
    }

    public static Optional<Detected> sniff(byte[] head) {
        if (head == null || head.length < 4) {
            return Optional.empty();
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return found("image/jpeg", MediaKind.PHOTO, "jpg");
        }
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return found("image/png", MediaKind.PHOTO, "png");
        }
        if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            String brand = ascii(head, 8, 4);
            if (HEIC_BRANDS.contains(brand)) {
                return found("image/heic", MediaKind.PHOTO, "heic");
            }
            if (M4A_BRANDS.contains(brand)) {
                return found("audio/mp4", MediaKind.AUDIO, "m4a");
            }
            if (MOV_BRANDS.contains(brand)) {
                return found("video/quicktime", MediaKind.VIDEO, "mov");
            }
            if (MP4_BRANDS.contains(brand)) {
                return found("video/mp4", MediaKind.VIDEO, "mp4");
            }
            return Optional.empty();
        }
        if (head.length >= 8 && Set.of("moov", "mdat", "wide", "free").contains(ascii(head, 4, 4))) {
            return found("video/quicktime", MediaKind.VIDEO, "mov");
        }
        if (head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WAVE")) {
            return found("audio/wav", MediaKind.AUDIO, "wav");
        }
        if (head.length >= 6 && ascii(head, 0, 6).equals("#!AMR\n")) {
            return found("audio/amr", MediaKind.AUDIO, "amr");
        }
        if (ascii(head, 0, 3).equals("ID3") || mpegAudioFrame(head)) {
            return found("audio/mpeg", MediaKind.AUDIO, "mp3");
        }
        return Optional.empty();
    }

    /** An MPEG-1/2 layer III frame header: 11 sync bits, a valid version, layer III, a valid bitrate. */
    private static boolean mpegAudioFrame(byte[] head) {
        int b0 = head[0] & 0xFF;
        int b1 = head[1] & 0xFF;
        int b2 = head[2] & 0xFF;
        boolean sync = b0 == 0xFF && (b1 & 0xE0) == 0xE0;
        boolean version = (b1 & 0x18) != 0x08;
        boolean layer3 = (b1 & 0x06) == 0x02;
        int bitrate = (b2 & 0xF0) >> 4;
        int sampleRate = (b2 & 0x0C) >> 2;
        return sync && version && layer3 && bitrate != 0 && bitrate != 0x0F && sampleRate != 0x03;
    }

    private static Optional<Detected> found(String mediaType, MediaKind kind, String extension) {
        return Optional.of(new Detected(mediaType, kind, extension));
    }

    private static boolean starts(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] head, int from, int length) {
        if (head.length < from + length) {
            return "";
        }
        return new String(Arrays.copyOfRange(head, from, from + length), StandardCharsets.ISO_8859_1);
    }
}
