package cn.zhifa.documents.internal;

import java.security.SecureRandom;

/** Short verification codes: 8 characters without look-alikes (no 0/O, 1/I/L), printed as XXXX-XXXX. */
public final class VerificationCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {}

    public static String next() {
        var sb = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) sb.append('-');
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A typed code normalised: upper case, blanks removed, the dash put back. Null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) return null;
        String s = typed.strip().toUpperCase().replace("-", "").replace(" ", "");
        if (s.length() != 8 || !s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) return null;
        return s.substring(0, 4) + "-" + s.substring(4);
    }
}
