package cn.zhifa.documents;

import cn.zhifa.documents.internal.SpecimenStore;
import cn.zhifa.shared.RuleViolation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers' registered signatures (签名样式): each user draws their signature once on 我的签名; the internal forms
 * they sign (审批表、呈批表、法制审核意见书 …) print it in their signature area. A new specimen replaces the current
 * one; replaced specimens are kept, and every issued document records the SHA-256 of the image it printed.
 */
@Service
public class SignatureSpecimens {

    private final SpecimenStore store;
    private final Clock clock;

    SignatureSpecimens(SpecimenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Registers {@code png} as the user's signature, replacing the current one.
     *
     * @throws RuleViolation when the image is not a plausible signature PNG (blank, too small or large, not a PNG)
     */
    @Transactional
    public SignatureSpecimen register(String username, String displayName, byte[] png, String by) {
        if (username == null || username.isBlank()) throw new IllegalArgumentException("username");
        byte[] checked = SignaturePng.check(png);
        long id = store.replace(username, displayName, checked, DocumentManagement.sha256(checked), clock.instant(), by);
        return store.find(id).orElseThrow();
    }

    /** Registers the PNG of a canvas {@code data:image/png;base64,…} URL (the 我的签名 page). */
    @Transactional
    public SignatureSpecimen registerDataUrl(String username, String displayName, String dataUrl, String by) {
        return register(username, displayName, SignaturePng.fromDataUrl(dataUrl), by);
    }

    public Optional<SignatureSpecimen> current(String username) {
        return username == null ? Optional.empty() : store.current(username);
    }

    /** All specimens of the user, newest first (the current one and those it replaced). */
    public List<SignatureSpecimen> history(String username) {
        return store.history(username);
    }

    public Optional<byte[]> png(long specimenId) {
        return store.png(specimenId);
    }

    public Optional<SignatureSpecimen> find(long specimenId) {
        return store.find(specimenId);
    }

    /** The user's current specimen as the drawn signature of a template's signature {@code area}, if registered. */
    @Transactional(readOnly = true)
    public Optional<DrawnSignature> forArea(String username, String area) {
        return current(username).flatMap(s -> store.png(s.id())
                .map(png -> new DrawnSignature(area, s.displayName() == null ? s.username() : s.displayName(), png)));
    }

    /**
     * The user's signature for {@code area}, or a refusal telling them (in Chinese) to register it first.
     *
     * @param who how the message names the signer, e.g. "承办人张伟"
     */
    @Transactional(readOnly = true)
    public DrawnSignature require(String username, String area, String who) {
        return forArea(username, area).orElseThrow(() -> new RuleViolation(who + "尚未登记签名样式，无法在文书上签名："
                + "请" + who + "先在“我的签名”页面登记签名后再办理（本次操作未生效）。"));
    }

    /**
     * The current specimens of several signers side by side, as one drawn signature for an area that all of them sign
     * (出席人员（签名）); refused, naming them, when any has none.
     */
    @Transactional(readOnly = true)
    public DrawnSignature requireAll(List<String> usernames, List<String> names, String area) {
        List<String> missing = new java.util.ArrayList<>();
        List<java.awt.image.BufferedImage> images = new java.util.ArrayList<>();
        for (int i = 0; i < usernames.size(); i++) {
            Optional<DrawnSignature> one = forArea(usernames.get(i), area);
            if (one.isEmpty()) {
                missing.add(names.get(i));
                continue;
            }
            try {
                images.add(cn.zhifa.documents.internal.PngCodec.decode(one.get().png()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation(String.join("、", missing) + "尚未登记签名样式，无法在文书上签名：请先在“我的签名”页面登记签名后再办理（本次操作未生效）。");
        }
        int height = 100, gap = 20;
        int width = 0;
        for (var image : images) width += image.getWidth() * height / image.getHeight() + gap;
        width = Math.max(100, Math.min(2000, width));
        var combined = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = combined.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int x = 0;
        for (var image : images) {
            int w = image.getWidth() * height / image.getHeight();
            if (x + w > width) break;
            g.drawImage(image, x, 0, w, height, null);
            x += w + gap;
        }
        g.dispose();
        return new DrawnSignature(area, String.join("、", names), cn.zhifa.documents.internal.PngCodec.encode(combined));
    }
}
