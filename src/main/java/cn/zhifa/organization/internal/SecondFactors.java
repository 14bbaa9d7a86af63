package cn.zhifa.organization.internal;

import cn.zhifa.organization.UserAccount;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.crypto.FieldCipher;
import cn.zhifa.shared.security.Role;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor (issue 14, 等保 level 3 双因素): a TOTP secret per account ({@link Totp}), confirmed by a first
 * code, and 10 one-time recovery codes kept as SHA-256 hashes. Required after the password for the 三员 and for any
 * login from outside {@code zhifa.security.internal-networks}; demo accounts are exempt while the setting says so.
 */
@Component
public class SecondFactors {

    public static final String WRONG_CODE = "动态验证码或恢复码不正确，或已使用过。连续输错将临时锁定账号。";
    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The TOTP secret is sealed at rest (issue 14) under this column name. */
    static final String SECRET = "second_factor.secret";

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final AuthenticationSettings settings;
    private final List<IpAddressMatcher> internalNetworks;
    private final Clock clock;
    private final FieldCipher cipher;

    SecondFactors(JdbcClient jdbc, UserAccounts users, AuthenticationSettings settings, Clock clock, FieldCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.users = users;
        this.settings = settings;
        this.internalNetworks = settings.internalNetworks().stream().map(String::strip).filter(c -> !c.isEmpty())
                .map(IpAddressMatcher::new).toList();
        this.clock = clock;
    }

    private String open(String stored) {
        return cipher.open(SECRET, stored);
    }

    /** Whether this login must show a second factor: a 三员 role, or an address outside the internal networks. */
    public boolean required(ZhifaUser user, String address) {
        boolean needed = user.roles().stream().anyMatch(Role::isSystemAdministration) || !internal(address);
        if (!needed) {
            return false;
        }
        boolean demo = users.findById(user.userId()).map(UserAccount::isDemo).orElse(false);
        return !(demo && settings.secondFactor().exemptDemoAccounts());
    }

    boolean internal(String address) {
        try {
            return address != null && internalNetworks.stream().anyMatch(network -> network.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    @Transactional(readOnly = true)
    public boolean enrolled(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM second_factor WHERE app_user = ? AND confirmed").param(userId)
                .query(Long.class).single() > 0;
    }

    /** The secret being enrolled, if the user has started and not yet confirmed. */
    @Transactional(readOnly = true)
    public Optional<String> pending(long userId) {
        return jdbc.sql("SELECT secret FROM second_factor WHERE app_user = ? AND NOT confirmed")
                .param(userId).query(String.class).optional().map(this::open);
    }

    /** The secret being enrolled (made now if there is none yet); refused once the factor is confirmed. */
    @Transactional
    public String pendingSecret(long userId) {
        if (enrolled(userId)) {
            throw RuleViolation.conflict("已绑定动态验证码；如需更换，请联系安全管理员重置。");
        }
        Optional<String> existing = jdbc.sql("SELECT secret FROM second_factor WHERE app_user = ? AND NOT confirmed")
                .param(userId).query(String.class).optional().map(this::open);
        if (existing.isPresent()) {
            return existing.get();
        }
        String secret = Totp.newSecret();
        jdbc.sql("INSERT INTO second_factor (app_user, secret, created_at) VALUES (?, ?, ?)")
                .params(userId, cipher.seal(SECRET, secret), Timestamp.from(clock.instant())).update();
        return secret;
    }

    /** The first code confirms the enrolment; returns the 10 recovery codes, shown this once. */
    @Transactional
    public List<String> confirm(long userId, String code) {
        String secret = jdbc.sql("SELECT secret FROM second_factor WHERE app_user = ? AND NOT confirmed")
                .param(userId).query(String.class).optional().map(this::open)
                .orElseThrow(() -> new RuleViolation("请先开始绑定动态验证码。"));
        OptionalLong step = Totp.match(secret, code == null ? null : code.strip(), clock.instant(), 0);
        if (step.isEmpty()) {
            throw new RuleViolation("验证码不正确，请核对手机时间后输入验证器当前显示的 6 位数字。");
        }
        jdbc.sql("UPDATE second_factor SET confirmed = TRUE, last_step = ?, confirmed_at = ? WHERE app_user = ?")
                .params(step.getAsLong(), Timestamp.from(clock.instant()), userId).update();
        jdbc.sql("DELETE FROM recovery_code WHERE app_user = ?").param(userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            jdbc.sql("INSERT INTO recovery_code (app_user, code_hash) VALUES (?, ?)").params(userId, hash(recovery)).update();
        }
        return codes;
    }

    /**
     * A 6-digit TOTP code (±1 step, never a step already used) or an unused recovery code; either is spent by
     * this check, so the same code is refused next time.
     */
    @Transactional
    public boolean verify(long userId, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        String given = code.strip();
        if (given.matches("\\d{6}")) {
            record Factor(String secret, long lastStep) {
            }
            Optional<Factor> factor = jdbc.sql("SELECT secret, last_step FROM second_factor WHERE app_user = ? AND confirmed")
                    .param(userId).query((rs, n) -> new Factor(open(rs.getString(1)), rs.getLong(2))).optional();
            if (factor.isEmpty()) {
                return false;
            }
            OptionalLong step = Totp.match(factor.get().secret(), given, clock.instant(), factor.get().lastStep());
            // the condition on last_step makes two concurrent uses of one code count once
            return step.isPresent() && jdbc.sql("UPDATE second_factor SET last_step = ? WHERE app_user = ? AND last_step < ?")
                    .params(step.getAsLong(), userId, step.getAsLong()).update() == 1;
        }
        return enrolled(userId) && jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE id = (SELECT id FROM recovery_code "
                        + "WHERE app_user = ? AND code_hash = ? AND used_at IS NULL LIMIT 1)")
                .params(Timestamp.from(clock.instant()), userId, hash(given)).update() == 1;
    }

    @Transactional(readOnly = true)
    public int unusedRecoveryCodes(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE app_user = ? AND used_at IS NULL").param(userId)
                .query(Long.class).single().intValue();
    }

    /** Removes the factor and its recovery codes: the user enrols again at the next login that needs it. */
    @Transactional
    public void reset(long userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE app_user = ?").param(userId).update();
        jdbc.sql("DELETE FROM second_factor WHERE app_user = ?").param(userId).update();
    }

    /** The otpauth:// address authenticator apps read from the QR code. */
    public static String otpauthUri(String username, String secret) {
        String label = URLEncoder.encode("Zhifa:" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Zhifa&algorithm=SHA1&digits=6&period=30";
    }

    /** The QR code as an SVG data address (the page's CSP allows data: images, no inline script or style). */
    public static String qrCode(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0);
            int size = matrix.getWidth();
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < size; x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-4 -4 " + (size + 8) + " " + (size + 8)
                    + "\" shape-rendering=\"crispEdges\"><rect x=\"-4\" y=\"-4\" width=\"" + (size + 8) + "\" height=\""
                    + (size + 8) + "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
            return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        } catch (WriterException tooLong) {
            throw new IllegalStateException("QR code", tooLong);
        }
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    /** Recovery codes carry 80 random bits, so a plain SHA-256 of the normalised code suffices (no slow hash). */
    static String hash(String recoveryCode) {
        String normal = recoveryCode.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
