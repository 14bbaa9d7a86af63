package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.zhifa.BrowserTestSupport;
import cn.zhifa.Tokens;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.organization.UserManagement;
import com.jayway.jsonpath.JsonPath;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The field terminal with the network cut (DevTools network emulation) at 390 px: the day is downloaded, a whole
 * inspection with two failed items, a photo and all signatures is done offline and survives a reload, and once
 * online the queue sends it once (a replay adds nothing); a record the other team member submitted first is refused
 * with the server's reason and its content stays copyable; the phone holds only the officer's own tasks and
 * nothing after logout.
 */
class OfflineBrowserTests extends BrowserTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long officerA;
    long officerB;

    @BeforeEach
    void cleanPhone() {
        officerA = users.findByUsername("officer1").orElseThrow().id();
        officerB = users.findByUsername("officer2").orElseThrow().id();
        if (browser != null) {
            network(true);
            cdp().executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", url(""), "storageTypes", "all"));
        }
    }

    @Test
    void a_whole_inspection_done_offline_reaches_the_server_once_and_logout_leaves_nothing() throws Exception {
        long taskId = task(11);
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 5).due();
        resize(PHONE);
        loginAs("officer1");
        downloadTheDay();

        // only the officer's own open tasks are on the phone
        List<Number> onPhone = js("return new Promise(r => { const q = indexedDB.open('zhifa-offline');"
                + " q.onsuccess = () => { const g = q.result.transaction('meta').objectStore('meta').get('bundle');"
                + " g.onsuccess = () => r(g.result.tasks.map(t => t.id)); }; });");
        Set<Long> mine = new HashSet<>(jdbc.sql("""
                SELECT t.id FROM inspection_task t JOIN inspection_task_member m ON m.inspection_task = t.id
                WHERE m.user_id = :u AND t.status IN ('ASSIGNED', 'IN_PROGRESS') AND t.due_month <= :month""")
                .param("u", officerA).param("month", LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1))
                .query(Long.class).list());
        assertThat(onPhone.stream().map(Number::longValue).toList()).contains(taskId).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM inspection_task t WHERE t.status IN ('ASSIGNED', 'IN_PROGRESS')
                AND NOT EXISTS (SELECT 1 FROM inspection_task_member m WHERE m.inspection_task = t.id AND m.user_id = :u)""")
                .param("u", officerA).query(Long.class).single()).as("other officers' open tasks exist and stay off the phone")
                .isPositive();

        openApp();
        // the firm's contacts, agencies, open hazards and cases came along with the day
        assertThat(browser.findElement(By.cssSelector("#offline-task-" + taskId + " details.firm-facts summary")).getText())
                .startsWith("企业详情（联系人");
        cdp().executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions", List.of("geolocation")));
        cdp().executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 31.230416, "longitude", 121.473701, "accuracy", 12));
        network(false);
        waitFor(By.id("offline-banner"));
        click(By.cssSelector(".offline-start[data-task='" + taskId + "']"));
        waitAtMost(Duration.ofSeconds(20)).until(d -> d.findElement(By.cssSelector(".gps-status")).getText()
                .contains("北纬 31.230416"));
        browser.findElement(By.id("record-place")).clear();
        browser.findElement(By.id("record-place")).sendKeys("二车间");
        browser.findElement(By.id("record-representativeName")).sendKeys("张经理");
        List<WebElement> results = browser.findElements(By.cssSelector("select.item-result"));
        for (WebElement result : results) {
            new Select(result).selectByValue("CONFORMS");
        }
        List<String> failed = List.of(results.get(0).getDomAttribute("data-code"), results.get(1).getDomAttribute("data-code"));
        for (String code : failed) {
            String card = ".item-card[data-code='" + code + "'] ";
            new Select(browser.findElement(By.cssSelector(card + "select.item-result"))).selectByValue("FAILS");
            browser.findElement(By.cssSelector(card + ".item-location")).sendKeys("仓库" + code);
            js("const d = document.querySelector(arguments[0]); d.value = arguments[1];"
                    + " d.dispatchEvent(new Event('change', {bubbles: true}));", card + ".item-deadline", deadline.toString());
        }
        browser.findElement(By.cssSelector(".item-card[data-code='" + failed.get(0) + "'] .item-photo"))
                .sendKeys(photo().toAbsolutePath().toString());
        waitFor(By.cssSelector(".item-card[data-code='" + failed.get(0) + "'] img.photo-thumb"));
        for (WebElement pad : browser.findElements(By.cssSelector("canvas.signature-pad"))) {
            drawOn(pad);
        }
        assertThat(fitsWidth()).as("the offline record fits 390 px").isTrue();
        screenshot("offline-1-record-phone");

        // a reload with no network: the app comes from the service worker, the record from IndexedDB
        browser.navigate().refresh();
        waitFor(By.cssSelector("body[data-ready='true']"));
        assertThat(browser.findElement(By.id("offline-banner")).isDisplayed()).isTrue();
        click(By.cssSelector(".offline-start[data-task='" + taskId + "']"));
        assertThat(browser.findElement(By.id("record-place")).getDomProperty("value")).isEqualTo("二车间");
        assertThat(new Select(browser.findElement(By.cssSelector(".item-card[data-code='" + failed.get(1) + "'] select")))
                .getFirstSelectedOption().getText()).isEqualTo("不符合");
        waitFor(By.cssSelector(".item-card[data-code='" + failed.get(0) + "'] img.photo-thumb"));
        click(By.id("offline-finish"));
        waitFor(By.cssSelector(".outbox-item[data-status='waiting']"));
        assertThat(browser.findElement(By.id("queue-count")).getText()).isEqualTo("待同步 1 项");
        assertThat(submitted(taskId)).as("nothing reached the server while offline").isZero();
        screenshot("offline-2-queued-phone");

        network(true);
        waitFor(By.cssSelector(".outbox-item[data-status='sent'] .issued-documents li"));
        assertThat(browser.findElement(By.id("queue-count")).getText()).isEqualTo("待同步 0 项");
        Map<String, Object> sent = js("return new Promise(r => { const q = indexedDB.open('zhifa-offline');"
                + " q.onsuccess = () => { const g = q.result.transaction('outbox').objectStore('outbox').getAll();"
                + " g.onsuccess = () => { const i = g.result[0]; r({record: i.recordId, evidence: i.photos[0].evidenceId,"
                + " sha256: i.photos[0].sha256}); }; }; });");
        long recordId = ((Number) sent.get("record")).longValue();
        String officer1 = Tokens.bearer(mvc, "officer1");
        assertThat(submitted(taskId)).isEqualTo(1);
        assertThat(hazards(recordId, officer1)).isEqualTo(2);
        assertThat(orders(recordId, officer1)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT latitude FROM inspection_record WHERE id = ?").param(recordId).query(java.math.BigDecimal.class)
                .single()).as("the GPS position taken offline").isEqualByComparingTo("31.230416");
        String evidence = mvc.perform(get("/api/v1/evidence/" + sent.get("evidence")).header("Authorization", officer1))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(evidence, "$.sha256")).as("the hash taken on the phone").isEqualTo(sent.get("sha256"));
        assertThat(((Number) JsonPath.read(evidence, "$.sizeBytes")).longValue()).as("compressed on the phone").isLessThan(Files.size(photo()));

        // the same queue sent again (photos too): the Idempotency-Keys make it add nothing
        js("return new Promise(r => { const q = indexedDB.open('zhifa-offline'); q.onsuccess = () => {"
                + " const tx = q.result.transaction('outbox', 'readwrite'); const s = tx.objectStore('outbox');"
                + " s.getAll().onsuccess = (e) => e.target.result.forEach(i => { i.status = 'waiting';"
                + " i.photos.forEach(p => delete p.evidenceId); s.put(i); }); tx.oncomplete = () => { q.result.close(); r(true); }; }; });");
        browser.navigate().refresh();
        waitFor(By.cssSelector(".outbox-item[data-status='sent']"));
        assertThat(submitted(taskId)).isEqualTo(1);
        assertThat(hazards(recordId, officer1)).isEqualTo(2);
        assertThat(orders(recordId, officer1)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_file WHERE sha256 = :h").param("h", sent.get("sha256"))
                .query(Long.class).single()).isEqualTo(1);
        screenshot("offline-3-synced-phone");

        // logout clears the phone
        open("/inspection");
        click(By.cssSelector("form[action='/logout'] button"));
        waitFor(By.id("username"));
        Map<String, Object> left = js("return Promise.all([indexedDB.databases(), caches.keys()])"
                + ".then(([d, c]) => ({dbs: d.map(x => x.name).join(','), caches: c.join(',')}));");
        assertThat((String) left.get("dbs")).doesNotContain("zhifa-offline");
        assertThat((String) left.get("caches")).doesNotContain("zhifa-offline");
    }

    @Test
    void a_record_the_other_officer_submitted_first_is_refused_with_the_reason_and_stays_copyable() throws Exception {
        long taskId = task(12);
        resize(PHONE);
        loginAs("officer1");
        downloadTheDay();
        openApp();
        network(false);
        click(By.cssSelector(".offline-start[data-task='" + taskId + "']"));
        browser.findElement(By.id("record-representativeName")).sendKeys("李主任");
        for (WebElement result : browser.findElements(By.cssSelector("select.item-result"))) {
            new Select(result).selectByValue("CONFORMS");
        }
        for (WebElement pad : browser.findElements(By.cssSelector("canvas.signature-pad"))) {
            drawOn(pad);
        }
        click(By.id("offline-finish"));
        waitFor(By.cssSelector(".outbox-item[data-status='waiting']"));

        // meanwhile officer2 submits the same task's record
        String body = InspectionFixtures.recordJson(taskId, officerA, officerB,
                calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 5).due(), false, true);
        assertThat(mvc.perform(post("/api/v1/inspection/records").header("Authorization", Tokens.bearer(mvc, "officer2"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getStatus()).isEqualTo(201);

        network(true);
        WebElement reason = waitFor(By.cssSelector(".outbox-item[data-status='refused'] .refusal-reason"));
        assertThat(reason.getText()).contains("任务已").contains("不能开始检查");
        waitAtMost(Duration.ofSeconds(30)).until(d -> d.findElement(By.id("sync-progress")).getText().contains("1 项被拒绝"));
        String content = browser.findElement(By.cssSelector(".outbox-item[data-status='refused'] .refused-content")).getDomProperty("value");
        assertThat(content).contains("李主任").contains("符合");
        assertThat(browser.findElement(By.id("queue-count")).getText()).isEqualTo("待同步 0 项");
        assertThat(submitted(taskId)).isEqualTo(1);
        assertThat(fitsWidth()).isTrue();
        screenshot("offline-4-refused-phone");
    }

    /**
     * Issue 19: a hazard at a firm outside the day's tasks (the neighbour), typed in by name and 统一社会信用代码 with the
     * network cut: the code is checked on the phone, the form survives a reload, the hazard waits in the queue and
     * reaches the hazards API once with its photo's phone-side hash; the same queue sent again adds nothing.
     */
    @Test
    void a_hazard_outside_any_task_registered_offline_reaches_the_server_once_with_its_photo_hash() throws Exception {
        task(13);
        InspectionFixtures.Enterprise neighbour = InspectionFixtures.enterpriseVisibleTo(jdbc, "officer1", 28);
        String uscc = jdbc.sql("SELECT uscc FROM enterprise WHERE id = :id").param("id", neighbour.id()).query(String.class).single();
        long before = hazardsOf(neighbour.id());
        LocalDate deadline = calendar.addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 5).due();
        resize(PHONE);
        loginAs("officer1");
        downloadTheDay();
        openApp();
        network(false);
        waitFor(By.id("offline-banner"));
        click(By.id("free-hazard-start"));
        new Select(waitFor(By.id("free-firm"))).selectByValue("other");
        browser.findElement(By.id("free-firmName")).sendKeys(neighbour.name());
        String wrong = uscc.substring(0, 17) + (uscc.charAt(17) == '1' ? '2' : '1');
        browser.findElement(By.id("free-uscc")).sendKeys(wrong);
        browser.findElement(By.id("free-description")).sendKeys("围墙边液化气瓶未固定");
        browser.findElement(By.id("free-location")).sendKeys("东侧围墙");
        js("const d = document.getElementById('free-deadline'); d.value = arguments[0];"
                + " d.dispatchEvent(new Event('change', {bubbles: true}));", deadline.toString());
        browser.findElement(By.id("free-photo")).sendKeys(otherPhoto().toAbsolutePath().toString());
        waitFor(By.cssSelector(".free-photos img.photo-thumb"));
        new Select(browser.findElement(By.id("free-second-officer"))).selectByValue(String.valueOf(officerB));
        browser.findElement(By.id("free-representativeName")).sendKeys("赵经理");
        for (WebElement pad : browser.findElements(By.cssSelector("#record canvas.signature-pad"))) {
            drawOn(pad);
        }
        click(By.id("free-finish"));
        assertThat(waitFor(By.id("free-error")).getText()).as("the credit code is checked on the phone").contains("校验码错误");
        assertThat(fitsWidth()).as("the outside-task hazard form fits 390 px").isTrue();
        screenshot("offline-5-free-hazard-phone");

        // a reload with no network: the form comes back from IndexedDB
        browser.navigate().refresh();
        waitFor(By.cssSelector("body[data-ready='true']"));
        click(By.id("free-hazard-start"));
        assertThat(waitFor(By.id("free-description")).getDomProperty("value")).isEqualTo("围墙边液化气瓶未固定");
        waitFor(By.cssSelector(".free-photos img.photo-thumb"));
        WebElement code = browser.findElement(By.id("free-uscc"));
        code.clear();
        code.sendKeys(uscc);
        click(By.id("free-finish"));
        waitFor(By.cssSelector(".outbox-item[data-status='waiting']"));
        assertThat(browser.findElement(By.id("queue-count")).getText()).isEqualTo("待同步 1 项");
        assertThat(hazardsOf(neighbour.id())).as("nothing reached the server while offline").isEqualTo(before);

        // back in signal the officer taps 立即同步 rather than wait for the app's own retry (every 10 s; the first test
        // waits for that one)
        network(true);
        click(By.id("sync-now"));
        waitFor(By.cssSelector(".outbox-item[data-status='sent'] .hazard-registered"));
        assertThat(browser.findElement(By.id("queue-count")).getText()).isEqualTo("待同步 0 项");
        assertThat(hazardsOf(neighbour.id())).isEqualTo(before + 1);
        Map<String, Object> sent = js("return new Promise(r => { const q = indexedDB.open('zhifa-offline');"
                + " q.onsuccess = () => { const g = q.result.transaction('outbox').objectStore('outbox').getAll();"
                + " g.onsuccess = () => { const i = g.result[0]; r({hazard: i.hazardIds[0], sha256: i.photos[0].sha256}); }; }; });");
        long hazardId = ((Number) sent.get("hazard")).longValue();
        String officer1 = Tokens.bearer(mvc, "officer1");
        String evidence = mvc.perform(get("/api/v1/evidence/" + jdbc.sql("SELECT evidence_id FROM hazard_evidence WHERE hazard = :h")
                .param("h", hazardId).query(Long.class).single()).header("Authorization", officer1)).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(evidence, "$.sha256")).as("the hash taken on the phone").isEqualTo(sent.get("sha256"));
        assertThat(jdbc.sql("SELECT description || '@' || location FROM hazard WHERE id = :h").param("h", hazardId)
                .query(String.class).single()).isEqualTo("围墙边液化气瓶未固定@东侧围墙");

        // the same queue sent again (the photo too): nothing new
        js("return new Promise(r => { const q = indexedDB.open('zhifa-offline'); q.onsuccess = () => {"
                + " const tx = q.result.transaction('outbox', 'readwrite'); const s = tx.objectStore('outbox');"
                + " s.getAll().onsuccess = (e) => e.target.result.forEach(i => { i.status = 'waiting';"
                + " i.photos.forEach(p => delete p.evidenceId); s.put(i); }); tx.oncomplete = () => { q.result.close(); r(true); }; }; });");
        browser.navigate().refresh();
        waitFor(By.cssSelector(".outbox-item[data-status='sent'] .hazard-registered"));
        assertThat(hazardsOf(neighbour.id())).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_file WHERE sha256 = :h").param("h", sent.get("sha256"))
                .query(Long.class).single()).isEqualTo(1);
    }

    private long hazardsOf(long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM hazard WHERE enterprise_id = :e").param("e", enterpriseId).query(Long.class).single();
    }

    private long task(int firmOffset) throws Exception {
        InspectionFixtures.Enterprise firm = InspectionFixtures.enterprise(jdbc, firmOffset);
        String created = mvc.perform(post("/api/v1/inspection/tasks").header("Authorization", Tokens.bearer(mvc, "officer1"))
                        .header("Idempotency-Key", InspectionFixtures.key()).contentType(MediaType.APPLICATION_JSON)
                        .content(InspectionFixtures.taskJson(officerA, officerB, firm.id())))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private void downloadTheDay() {
        open("/inspection");
        waitFor(By.cssSelector("#offline-download[data-ready='true']")).click();
        waitAtMost(Duration.ofSeconds(30)).until(d -> d.findElement(By.id("offline-status")).getText().startsWith("已可离线"));
        assertThat(browser.findElement(By.id("offline-status")).getText()).contains("获取于");
    }

    private void openApp() {
        open("/offline/app.html");
        waitFor(By.cssSelector("body[data-ready='true']"));
        waitAtMost(Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js(
                "return navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller"
                        + " && caches.match('/offline/app.html').then(r => !!r));")));
    }

    private long submitted(long taskId) {
        return jdbc.sql("SELECT count(*) FROM inspection_record WHERE task_id = :t AND status = 'SUBMITTED'")
                .param("t", taskId).query(Long.class).single();
    }

    private int hazards(long recordId, String token) throws Exception {
        String list = mvc.perform(get("/api/v1/hazards").param("recordId", String.valueOf(recordId)).param("filter", "all")
                .header("Authorization", token)).andReturn().getResponse().getContentAsString();
        return JsonPath.read(list, "$.total");
    }

    private int orders(long recordId, String token) throws Exception {
        String docs = mvc.perform(get("/api/v1/inspection/records/" + recordId + "/documents").header("Authorization", token))
                .andReturn().getResponse().getContentAsString();
        List<String> titles = JsonPath.read(docs, "$.items[*].title");
        return (int) titles.stream().filter(t -> t.contains("指令书")).count();
    }

    private ChromeDriver cdp() {
        return (ChromeDriver) browser;
    }

    private void network(boolean on) {
        cdp().executeCdpCommand("Network.enable", Map.of());
        cdp().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !on, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @SuppressWarnings("unchecked")
    private <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void click(By locator) {
        tap(locator);
    }

    private static Path photo;

    private static Path otherPhoto;

    /** Another photo (its own hash: content-addressed evidence is not shared with the record's photo). */
    private static Path otherPhoto() throws java.io.IOException {
        if (otherPhoto == null) {
            BufferedImage image = new BufferedImage(1800, 1200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            for (int y = 0; y < 1200; y += 40) {
                g.setColor(new Color(200, (y * 5) % 255, (y * 11) % 255));
                g.fillRect(0, y, 1800, 40);
            }
            g.dispose();
            otherPhoto = Files.createTempFile("neighbour", ".jpg");
            ImageIO.write(image, "jpg", otherPhoto.toFile());
        }
        return otherPhoto;
    }

    /** A 2000×1500 JPEG, larger than the configured edge, so the phone scales it down. */
    private static Path photo() throws java.io.IOException {
        if (photo == null) {
            BufferedImage image = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            for (int x = 0; x < 2000; x += 50) {
                g.setColor(new Color((x * 7) % 255, (x * 3) % 255, 120));
                g.fillRect(x, 0, 50, 1500);
            }
            g.dispose();
            photo = Files.createTempFile("site", ".jpg");
            ImageIO.write(image, "jpg", photo.toFile());
        }
        return photo;
    }
}
