package cn.zhifa.evidence.web;

import cn.zhifa.shared.web.Page;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.evidence.EvidenceManagement;
import cn.zhifa.evidence.EvidenceSource;
import cn.zhifa.evidence.EvidenceView;
import cn.zhifa.evidence.Idempotency;
import cn.zhifa.evidence.Upload;
import cn.zhifa.shared.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload from phones and body-camera exports; read back with the chain of custody. */
@RestController
@Tag(name = "证据", description = "照片、录音、视频（按内容哈希存储，不可修改）")
@Allowed(Action.READ_BUSINESS)
class EvidenceApi {

    private final EvidenceManagement evidence;
    private final Idempotency idempotency;

    EvidenceApi(EvidenceManagement evidence, Idempotency idempotency) {
        this.evidence = evidence;
        this.idempotency = idempotency;
    }

    @PostMapping(value = "/api/v1/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed(Action.UPLOAD_EVIDENCE)
    @Operation(summary = "上传证据文件（须带 Idempotency-Key）")
    ResponseEntity<String> upload(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @RequestPart("file") MultipartFile file,
                                  @RequestParam(required = false) EvidenceSource source,
                                  @RequestParam(required = false) Instant capturedAt,
                                  @RequestParam(required = false) BigDecimal latitude,
                                  @RequestParam(required = false) BigDecimal longitude,
                                  @RequestParam(required = false) String sha256,
                                  @RequestParam(required = false) String recorderNumber) {
        if (sha256 != null && !sha256.isBlank()) {
            checkHash(file, sha256.strip());
        }
        String fingerprint = file.getOriginalFilename() + "|" + file.getSize() + "|" + source + "|" + capturedAt
                + "|" + latitude + "|" + longitude + (recorderNumber == null ? "" : "|" + recorderNumber);
        return idempotency.once(key, "evidence.upload", fingerprint, HttpStatus.CREATED, () -> {
            try (InputStream in = file.getInputStream()) {
                return evidence.store(new Upload(in, file.getOriginalFilename(),
                        source == null ? EvidenceSource.PHONE : source, capturedAt, latitude, longitude), recorderNumber);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GetMapping("/api/v1/evidence/recorders")
    @Operation(summary = "本单位在用的执法记录仪编号（上传录音、视频时选择）")
    Page<String> recorders(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(evidence.recordersInUse(cn.zhifa.shared.security.Actors.require().organizationId()), page, size);
    }

    @GetMapping("/api/v1/evidence/{id}")
    @Operation(summary = "证据文件登记信息")
    EvidenceView get(@PathVariable long id) {
        return evidence.get(id);
    }

    @GetMapping("/api/v1/evidence/{id}/custody")
    @Operation(summary = "证据保管链")
    Page<EvidenceManagement.Custody> custody(@PathVariable long id, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(evidence.custody(id), page, size);
    }

    @GetMapping("/api/v1/evidence/{id}/content")
    @Operation(summary = "下载证据文件（记录保管链）")
    ResponseEntity<org.springframework.core.io.Resource> content(@PathVariable long id) {
        return EvidenceContent.of(evidence.open(id));
    }

    /**
     * A terminal that took the hash on the phone (the offline app) sends it along: a file that arrives different is
     * refused before anything is stored.
     */
    private static void checkHash(MultipartFile file, String expected) {
        try (InputStream in = file.getInputStream()) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            if (!java.util.HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(expected)) {
                throw new RuleViolation("上传的文件与手机上计算的哈希值（SHA-256）不一致，文件可能在传输中损坏，未保存，请重新上传。");
            }
        } catch (IOException e) {
            throw unreadable();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static RuleViolation unreadable() {
        return new RuleViolation("无法读取上传的文件。");
    }
}
