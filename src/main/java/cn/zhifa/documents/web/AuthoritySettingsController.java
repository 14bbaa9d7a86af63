package cn.zhifa.documents.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.documents.Authority;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.shared.RuleViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN: how an authority signs its documents (全称, 机关简称, bodies named in the remedy notice, payment office)
 * and its 代字 and wording overrides, each chosen by the document's Chinese title and the paragraph's first words;
 * validated against the templates.
 */
@Controller
@RequestMapping("/documents/settings")
@Allowed(Action.EDIT_DOCUMENT_SETTINGS)
class AuthoritySettingsController {

    private final DocumentManagement documents;
    private final DocumentsScope scope;
    private final cn.zhifa.organization.OrganizationManagement organizations;

    private final cn.zhifa.shared.web.PublicAddress publicAddress;

    AuthoritySettingsController(DocumentManagement documents, DocumentsScope scope,
                                cn.zhifa.organization.OrganizationManagement organizations,
                                cn.zhifa.shared.web.PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
        this.documents = documents;
        this.scope = scope;
        this.organizations = organizations;
    }

    /** Without ZHIFA_PUBLIC_BASE_URL the QR codes carry the address of whoever issued the document: warn ADMIN. */
    @ModelAttribute("publicAddressMissing")
    boolean publicAddressMissing() {
        return !publicAddress.isConfigured();
    }

    /** The settings form (separate from {@link Authority}); overrides as "key=text" lines. */
    public static class SettingsForm {
        public String name, shortName, government, reviewBody, court, address, postcode, contact, phone, paymentOffice,
                paymentAccount, prefixOverrides = "", wordingOverrides = "";
        /** 代字 per document kind, chosen beside each document's Chinese title (blank: the template's default). */
        public Map<String, String> prefixes = new LinkedHashMap<>();
        /** Wording overrides chosen on the page: a paragraph picked by document and first words, and its new text. */
        public java.util.List<Wording> wordings = new java.util.ArrayList<>();

        public java.util.List<Wording> getWordings() { return wordings; }
        public void setWordings(java.util.List<Wording> v) { wordings = v; }

        /** The rows the page shows: the saved overrides and one empty row to add another. */
        public java.util.List<Wording> wordingRows() {
            java.util.List<Wording> rows = new java.util.ArrayList<>(wordings == null ? java.util.List.of() : wordings);
            rows.add(new Wording());
            return rows;
        }

        public Map<String, String> getPrefixes() { return prefixes; }
        public void setPrefixes(Map<String, String> v) { prefixes = v; }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getShortName() { return shortName; }
        public void setShortName(String v) { shortName = v; }
        public String getGovernment() { return government; }
        public void setGovernment(String v) { government = v; }
        public String getReviewBody() { return reviewBody; }
        public void setReviewBody(String v) { reviewBody = v; }
        public String getCourt() { return court; }
        public void setCourt(String v) { court = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
        public String getPostcode() { return postcode; }
        public void setPostcode(String v) { postcode = v; }
        public String getContact() { return contact; }
        public void setContact(String v) { contact = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getPaymentOffice() { return paymentOffice; }
        public void setPaymentOffice(String v) { paymentOffice = v; }
        public String getPaymentAccount() { return paymentAccount; }
        public void setPaymentAccount(String v) { paymentAccount = v; }
        public String getPrefixOverrides() { return prefixOverrides; }
        public void setPrefixOverrides(String v) { prefixOverrides = v; }
        public String getWordingOverrides() { return wordingOverrides; }
        public void setWordingOverrides(String v) { wordingOverrides = v; }

        static SettingsForm of(Authority a) {
            var f = new SettingsForm();
            f.name = a.name(); f.shortName = a.shortName(); f.government = a.government(); f.reviewBody = a.reviewBody();
            f.court = a.court(); f.address = a.address(); f.postcode = a.postcode(); f.contact = a.contact(); f.phone = a.phone();
            f.paymentOffice = a.paymentOffice(); f.paymentAccount = a.paymentAccount();
            f.prefixes = new LinkedHashMap<>(a.prefixOverrides());
            a.wordingOverrides().forEach((key, text) -> f.wordings.add(new Wording(key, text)));
            return f;
        }

        Authority toAuthority(long org) {
            return new Authority(org, trim(name), trim(shortName), trim(government), trim(reviewBody), trim(court), trim(address),
                    trim(postcode), trim(contact), trim(phone), trim(paymentOffice), trim(paymentAccount), prefixMap(),
                    wordingMap());
        }

        private Map<String, String> wordingMap() {
            Map<String, String> m = map(wordingOverrides);
            if (wordings != null) {
                for (Wording w : wordings) {
                    if (w != null && w.key != null && !w.key.isBlank() && w.text != null && !w.text.isBlank()) {
                        m.put(w.key.strip(), w.text.strip());
                    }
                }
            }
            return m;
        }

        private Map<String, String> prefixMap() {
            Map<String, String> m = map(prefixOverrides);
            if (prefixes != null) {
                prefixes.forEach((kind, prefix) -> {
                    if (prefix != null && !prefix.isBlank()) m.put(kind, prefix.strip());
                });
            }
            return m;
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        private static String lines(Map<String, String> m) {
            var sb = new StringBuilder();
            m.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            return sb.toString();
        }

        static Map<String, String> map(String text) {
            Map<String, String> m = new LinkedHashMap<>();
            if (text == null) return m;
            for (String line : text.split("\\R")) {
                if (line.isBlank()) continue;
                int eq = line.indexOf('=');
                if (eq <= 0) throw new RuleViolation("调整项格式应为“键=内容”：" + line.strip());
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
            return m;
        }
    }

    /** One wording override row: the paragraph (chosen from a list) and the text that replaces its standard wording. */
    public static class Wording {
        public String key, text;

        public Wording() {}

        Wording(String key, String text) {
            this.key = key;
            this.text = text;
        }

        public String getKey() { return key; }
        public void setKey(String v) { key = v; }
        public String getText() { return text; }
        public void setText(String v) { text = v; }
    }

    @GetMapping
    String own() {
        scope.requireAdmin();
        return "redirect:/documents/settings/" + cn.zhifa.shared.security.Actors.require().organizationId();
    }

    @GetMapping("/{org}")
    String edit(@PathVariable long org, Model model) {
        scope.requireAdmin();
        scope.require(org);
        model.addAttribute("org", org);
        model.addAttribute("orgName", scope.organizationName(org));
        model.addAttribute("saved", documents.authority(org).isPresent());
        model.addAttribute("units", organizations.visibleTree());
        if (!model.containsAttribute("form")) {
            // unsaved: start from what documents would print today (derived from the organisation tree)
            model.addAttribute("form", documents.authority(org)
                    .or(() -> documents.authorityFor(org).filter(a -> a.organizationId() == org))
                    .map(SettingsForm::of).orElseGet(SettingsForm::new));
        }
        model.addAttribute("kinds", documents.templates().kinds());
        // the paragraphs to reword, grouped under each document's Chinese title (no codes on the page)
        Map<String, java.util.List<cn.zhifa.documents.WordingChoice>> wordingGroups = new LinkedHashMap<>();
        documents.templates().wordingChoices().forEach(c -> wordingGroups.computeIfAbsent(c.document(), d -> new java.util.ArrayList<>()).add(c));
        model.addAttribute("wordingGroups", wordingGroups);
        return "documents/settings";
    }

    @PostMapping("/{org}")
    @Allowed(Action.EDIT_DOCUMENT_SETTINGS)
    @cn.zhifa.audit.AuditAction("修改文书设置")
    String save(@PathVariable long org, @ModelAttribute("form") SettingsForm form, Model model, RedirectAttributes redirect) {
        scope.requireAdmin();
        scope.require(org);
        scope.auditTarget("文书设置", org);
        try {
            documents.saveAuthority(form.toAuthority(org), scope.currentUser());
        } catch (RuleViolation e) {
            model.addAttribute("refusal", e.getMessage());
            return edit(org, model);
        }
        redirect.addFlashAttribute("message", "文书设置已保存");
        return "redirect:/documents/settings/" + org;
    }
}
