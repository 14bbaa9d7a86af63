package cn.zhifa.publicity.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.publicity.Channel;
import cn.zhifa.publicity.ExchangeFile;
import cn.zhifa.publicity.PublicationView;
import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.publicity.PublicityStatistics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Publicity API (logged in): the unit's publications, publish and withdraw, the publicity rate, the 双公示 file. */
@RestController
@Allowed(Action.READ_BUSINESS)
@RequestMapping("/api/v1/publicity")
class PublicityApi {

    private final PublicityManagement publicity;
    private final Clock clock;

    PublicityApi(PublicityManagement publicity, Clock clock) {
        this.publicity = publicity;
        this.clock = clock;
    }

    @GetMapping("/publications")
    Map<String, Object> publications(@RequestParam(required = false) String filter) {
        List<PublicationView> items = publicity.publications(filter);
        return Map.of("items", items, "total", items.size(), "page", 0, "size", items.size());
    }

    @GetMapping("/publications/{id}")
    PublicationView publication(@PathVariable long id) {
        return publicity.publication(id);
    }

    /** Channels besides the own portal (always). */
    record Publish(Set<Channel> channels) {
    }

    @Allowed(Action.PUBLISH_PENALTIES)
    @PostMapping("/publications/{id}/publish")
    PublicationView publish(@PathVariable long id, @RequestBody(required = false) Publish command) {
        Audit.target("处罚决定公示", id);
        return publicity.publish(id, command == null ? Set.of() : command.channels());
    }

    /** 撤回: the day the decision was changed or revoked and why. */
    record Withdraw(LocalDate changedOn, String reason) {
    }

    @Allowed(Action.PUBLISH_PENALTIES)
    @PostMapping("/publications/{id}/withdraw")
    PublicationView withdraw(@PathVariable long id, @RequestBody Withdraw command) {
        Audit.target("处罚决定公示", id);
        return publicity.withdraw(id, command.changedOn(), command.reason());
    }

    /** The publicity rate of a year (default: this year) in the user's scope. */
    @GetMapping("/statistics")
    PublicityStatistics statistics(@RequestParam(required = false) Integer year) {
        return publicity.statistics(year == null ? LocalDate.now(clock).getYear() : year);
    }

    @Allowed(Action.EXPORT_PUBLICITY)
    @GetMapping("/exchange")
    ResponseEntity<byte[]> exchange(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @RequestParam(defaultValue = "csv") String format,
                                    @RequestParam(defaultValue = "CREDIT_CHINA") Channel channel) {
        ExchangeFile file = publicity.exchange(from, to, format, channel);
        Audit.target("双公示交换文件", file.fileName());
        return download(file);
    }

    static ResponseEntity<byte[]> download(ExchangeFile file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }
}
