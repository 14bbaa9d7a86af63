package cn.zhifa.evidence.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.evidence.EvidenceManagement;
import java.time.Duration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Evidence bytes for pages (img/video/audio tags); never cached by shared caches. */
@Controller
@Allowed(Action.READ_BUSINESS)
class EvidenceContent {

    private final EvidenceManagement evidence;

    EvidenceContent(EvidenceManagement evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/evidence/{id}/content")
    ResponseEntity<Resource> page(@PathVariable long id) {
        return of(evidence.open(id));
    }

    static ResponseEntity<Resource> of(EvidenceManagement.Content content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.view().mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .eTag(content.view().sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("evidence-" + content.view().id(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }
}
