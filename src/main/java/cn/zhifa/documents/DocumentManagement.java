package cn.zhifa.documents;

import cn.zhifa.documents.internal.AuthoritiesInTransaction;
import cn.zhifa.documents.internal.AuthoritySettings;
import cn.zhifa.documents.internal.IssuedDocumentStore;
import cn.zhifa.documents.internal.NumberSeries;
import cn.zhifa.documents.internal.VerificationCodes;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.shared.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents module's API: issue standard documents, correct or void them, verify them publicly, and assemble a
 * case's documents into a case file.
 *
 * <p>Issuing fills the template of {@link IssueRequest#kind()} with the request's values and the authority's
 * settings, refuses (with a Chinese reason, {@link RuleViolation}) when required fields, parties, officers or
 * signatures are missing, takes the next gap-free number of the authority's series in the same transaction, renders
 * PDF and DOCX, and stores the exact bytes with their SHA-256. Stored documents never change: a correction is a new
 * version (same number, version + 1) carrying its reason; a void is recorded beside the document.
 */
@Service
public class DocumentManagement {

    private final DocumentTemplates templates;
    private final AuthoritySettings authorities;
    private final NumberSeries numbers;
    private final IssuedDocumentStore store;
    private final OrganizationManagement organizations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final cn.zhifa.shared.web.PublicAddress publicAddress;
    private final cn.zhifa.documents.internal.DocumentSignatures signatures;
    private final JsonMapper json = JsonMapper.builder().build();

    DocumentManagement(DocumentTemplates templates, AuthoritySettings authorities, NumberSeries numbers,
                       IssuedDocumentStore store, OrganizationManagement organizations,
                       ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                       cn.zhifa.shared.web.PublicAddress publicAddress,
                       cn.zhifa.documents.internal.DocumentSignatures signatures) {
        this.signatures = signatures;
        this.templates = templates;
        this.authorities = authorities;
        this.numbers = numbers;
        this.store = store;
        this.organizations = organizations;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.publicAddress = publicAddress;
    }

    /** The standard templates (kinds, titles, fields, signature areas). */
    public DocumentTemplates templates() {
        return templates;
    }

    /**
     * Issues a document. A retry with the same idempotency key returns the document issued first.
     *
     * @throws RuleViolation when the kind is unknown, the authority has no document settings, or required
     *                         fields, parties, officers or signatures (or recorded refusals) are missing
     */
    public IssuedDocument issue(IssueRequest request) {
        try {
            return tx.execute(status -> {
                if (request.idempotencyKey() != null) {
                    Optional<IssuedDocument> earlier = store.findByIdempotencyKey(request.idempotencyKey());
                    if (earlier.isPresent()) return earlier.get();
                }
                return store(request, null, null);
            });
        } catch (DuplicateKeyException raced) {
            // the same key issued concurrently by a retry: the first one won, return it
            if (request.idempotencyKey() != null) {
                Optional<IssuedDocument> first = store.findByIdempotencyKey(request.idempotencyKey());
                if (first.isPresent()) return first.get();
            }
            throw raced;
        }
    }

    /**
     * {@link #issue} for a caller that holds the request's record locked and has just found it without documents: its
     * idempotency key names that record, so no document can carry it yet and none is looked up. Issued concurrently after
     * all (the key taken meanwhile), it returns the document issued first, as {@link #issue} does.
     */
    public IssuedDocument issueFirst(IssueRequest request) {
        try {
            return tx.execute(status -> store(request, null, null));
        } catch (DuplicateKeyException raced) {
            if (request.idempotencyKey() != null) {
                Optional<IssuedDocument> first = store.findByIdempotencyKey(request.idempotencyKey());
                if (first.isPresent()) return first.get();
            }
            throw raced;
        }
    }

    /**
     * Refuses now, without numbering or rendering, what {@link #issue} would refuse for want of the kind's template or
     * the authority's document settings: a command that issues its documents after it commits checks this first.
     */
    @Transactional(readOnly = true)
    public void requireIssuable(String kind, long authorityOrganizationId) {
        TemplateSummary t = templates.find(kind).orElseThrow(() -> new RuleViolation("没有这种文书：" + kind));
        Authority authority = authorityFor(authorityOrganizationId).orElseThrow(() -> new RuleViolation(
                "本机关尚未设置文书署名信息（机关全称、机关简称等），请系统管理员在“文书设置”中填写后再签发"));
        List<String> settings = templates.missingAuthoritySettings(t.kind(), authority);
        if (!settings.isEmpty()) {
            throw new RuleViolation("《" + t.title() + "》不能签发：文书设置缺少" + String.join("、", settings)
                    + "（请系统管理员在“文书设置”中为" + authority.name() + "填写）");
        }
    }

    /**
     * Issues a corrected version of a document: same number, version + 1, the reason recorded; the earlier version
     * stays stored and its verification page says it was corrected.
     */
    @Transactional
    public IssuedDocument correct(long documentId, IssueRequest request, String reason) {
        if (reason == null || reason.isBlank()) throw new RuleViolation("更正文书必须说明理由");
        IssuedDocument previous = store.find(documentId).orElseThrow(() -> RuleViolation.notFound("文书不存在：" + documentId));
        if (previous.voidReason() != null) throw new RuleViolation("文书已作废，不能更正：" + describe(previous));
        if (previous.supersededById() != null) throw new RuleViolation("该版本已被更正过，请在最新版本上更正：" + describe(previous));
        if (!previous.kind().equals(request.kind())) throw new RuleViolation("更正不能改变文书种类");
        if (previous.organizationId() != request.authorityOrganizationId()) throw new RuleViolation("更正不能改变签发单位");
        return store(request, previous, reason.strip());
    }

    /** Voids a document; its number stays recorded with the reason (nothing is deleted). */
    @Transactional
    public void voidDocument(long documentId, String reason, String by) {
        if (reason == null || reason.isBlank()) throw new RuleViolation("作废文书必须说明理由");
        IssuedDocument d = store.find(documentId).orElseThrow(() -> RuleViolation.notFound("文书不存在：" + documentId));
        if (d.voidReason() != null) throw new RuleViolation("文书已经作废：" + describe(d));
        store.recordVoid(documentId, reason.strip(), clock.instant(), by);
        events.publishEvent(new DocumentVoided(documentId, d.organizationId(), d.kind(),
                LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"))));
    }

    /**
     * An officer asks to void an issued document, with the reason; nothing is void until a leader of the issuing
     * unit approves ({@link #decideVoid}). One open request per document.
     */
    @Transactional
    public VoidRequest requestVoid(long documentId, String reason, long byUserId, String by) {
        if (reason == null || reason.isBlank()) throw new RuleViolation("申请作废文书必须说明理由");
        IssuedDocument d = store.find(documentId).orElseThrow(() -> RuleViolation.notFound("文书不存在：" + documentId));
        if (d.voidReason() != null) throw new RuleViolation("文书已经作废：" + describe(d));
        if (store.openVoidRequest(documentId).isPresent()) throw RuleViolation.conflict("该文书已有待审批的作废申请");
        store.recordVoidRequest(documentId, reason.strip(), clock.instant(), by, byUserId);
        return store.openVoidRequest(documentId).orElseThrow();
    }

    /**
     * A leader approves (the document is void from now, with the requested reason) or declines the open request;
     * the requester cannot approve their own request.
     */
    @Transactional
    public void decideVoid(long documentId, boolean approve, long byUserId, String by) {
        VoidRequest request = store.openVoidRequest(documentId)
                .orElseThrow(() -> new RuleViolation("该文书没有待审批的作废申请"));
        if (request.requestedByUser() == byUserId) throw new RuleViolation("作废申请须由申请人以外的领导审批");
        store.recordVoidDecision(request.id(), approve, clock.instant(), by, byUserId);
        if (approve) {
            voidDocument(documentId, request.reason(), by);
        }
    }

    public Optional<VoidRequest> openVoidRequest(long documentId) {
        return store.openVoidRequest(documentId);
    }

    public Optional<IssuedDocument> find(long documentId) {
        return store.find(documentId);
    }

    /** All documents (every version) of a record, newest first, in one query. */
    public List<IssuedDocument> forSource(SourceRef source) {
        return store.listBySources(source.type(), List.of(source.id()));
    }

    /**
     * The documents (every version, newest first) of many records of one source type in one query, by the record's id:
     * for list pages that show each row's document (issue 18). Records without documents are absent.
     */
    public java.util.Map<String, List<IssuedDocument>> forSources(String sourceType, java.util.Collection<String> ids) {
        java.util.Map<String, List<IssuedDocument>> bySource = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            store.listBySources(sourceType, ids).forEach(d -> bySource.computeIfAbsent(d.source().id(), k -> new java.util.ArrayList<>()).add(d));
        }
        return bySource;
    }

    public Optional<byte[]> pdf(long documentId) {
        return store.pdf(documentId);
    }

    public Optional<byte[]> docx(long documentId) {
        return store.docx(documentId);
    }

    /**
     * What the public may know about a verification code (authority, title, number, date, hash, status).
     *
     * @throws RuleViolation when the code does not exist
     */
    @Transactional(readOnly = true)
    public Verification verify(String code) {
        String normalised = VerificationCodes.normalise(code);
        IssuedDocument d = (normalised == null ? Optional.<IssuedDocument>empty() : store.findByCode(normalised))
                .orElseThrow(() -> RuleViolation.notFound("核验码“" + (code == null ? "" : code.strip())
                        + "”不存在：本系统没有签发过带此核验码的文书，请核对后重新输入"));
        Verification.Status status = d.voidReason() != null ? Verification.Status.VOIDED
                : d.supersededById() != null ? Verification.Status.CORRECTED : Verification.Status.VALID;
        String superseding = d.supersededById() == null ? null : store.find(d.supersededById()).map(IssuedDocument::number).orElse(null);
        Verification.Signature signature = signatures.check(d.id(), Verification.signedStatement(d.verificationCode(),
                d.authorityName(), d.title(), d.number(), d.issueDate(), d.pdfSha256()));
        return new Verification(d.verificationCode(), d.authorityName(), d.title(), d.number(), d.issueDate(), d.pdfSha256(),
                status, superseding, signature);
    }

    /** SHA-256 of bytes as lower-case hex (the hash printed on the verification page). */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Assembles the case file of a record (all its current documents: latest versions, voided ones left out) in
     * 立卷顺序, with cover, 卷内目录 and the completeness findings.
     */
    @Transactional(readOnly = true)
    public CaseFile assembleCaseFile(SourceRef caseRef, CaseFileCover cover) {
        List<Long> ids = forSource(caseRef).stream().filter(IssuedDocument::valid).map(IssuedDocument::id).toList();
        return assembleCaseFile(cover, ids);
    }

    /** Assembles the given issued documents into a case file. */
    @Transactional(readOnly = true)
    public CaseFile assembleCaseFile(CaseFileCover cover, List<Long> documentIds) {
        List<CaseFileEntry> entries = new ArrayList<>();
        for (Long id : documentIds) {
            IssuedDocument d = store.find(id).orElseThrow(() -> RuleViolation.notFound("文书不存在：" + id));
            entries.add(new CaseFileEntry(d.kind(), d.title(), d.number(), d.issueDate(), store.pdf(id).orElseThrow(),
                    store.areas(id, false), store.areas(id, true)));
        }
        return templates.assembleCaseFile(cover, entries);
    }

    /** Documents issued per organisation and kind in a period (corrections and voided documents not counted). */
    @Transactional(readOnly = true)
    public List<IssueCount> statistics(Collection<Long> organizationIds, LocalDate from, LocalDate to) {
        return store.countByOrganizationAndKind(organizationIds, from, to).stream()
                .map(r -> new IssueCount(((Number) r.get("organization_id")).longValue(), (String) r.get("kind"),
                        templates.find((String) r.get("kind")).map(TemplateSummary::title).orElse((String) r.get("kind")),
                        ((Number) r.get("issued")).longValue()))
                .toList();
    }

    /**
     * Replays, for every unit, the {@link DocumentIssued} facts of the first issues (not corrections) dated in
     * {@code year}, each followed by its {@link DocumentVoided} if it was voided: reporting rebuilds its read model
     * from them.
     */
    @Transactional(readOnly = true)
    public void replayIssued(int year, java.util.function.Consumer<DocumentIssued> issued,
                             java.util.function.Consumer<DocumentVoided> voided) {
        store.replayFirstIssues(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), (document, voidedOn) -> {
            issued.accept(document);
            if (voidedOn != null) {
                voided.accept(new DocumentVoided(document.documentId(), document.organizationId(), document.kind(), voidedOn));
            }
        });
    }

    /** One statistics row. */
    public record IssueCount(long organizationId, String kind, String title, long issued) {}

    /** The authority settings saved for exactly this organisation, if any (the settings page edits these). */
    public Optional<Authority> authority(long organizationId) {
        return authorities.find(organizationId);
    }

    /**
     * The authority a unit issues documents in the name of: the settings saved for the unit or its nearest
     * ancestor; failing that, the nearest ancestor that is an 应急管理局, with 机关简称 from the organisation tree and
     * the 本级人民政府 / 人民法院 derived from its name (an ADMIN should confirm them in 文书设置).
     */
    public Optional<Authority> authorityFor(long organizationId) {
        return AuthoritiesInTransaction.resolve(organizationId, this::resolveAuthority);
    }

    /**
     * The unit's own settings, else (a township with delegated powers) its own name, else what it derives or its
     * ancestors issue under: the settings of the unit and of every unit above it are read in one statement (issue 18:
     * one per level walked up).
     */
    private Optional<Authority> resolveAuthority(long organizationId) {
        Optional<OrganizationManagement.Lineage> lineage = organizations.lineage(organizationId);
        List<Long> units = new ArrayList<>();
        units.add(organizationId);
        lineage.ifPresent(l -> units.addAll(l.above()));
        Map<Long, Authority> settings = authorities.find(units);
        Optional<Authority> saved = Optional.ofNullable(settings.get(organizationId));
        if (saved.isPresent()) {
            return saved;
        }
        Optional<cn.zhifa.organization.DelegatedPowers.OwnName> own =
                delegatedPowers.ownNameOf(organizationId, LocalDate.now(clock));
        Optional<OrganizationView> org = lineage.map(OrganizationManagement.Lineage::unit);
        if (own.isPresent()) {
            Long parent = org.map(OrganizationView::parentId).orElse(null);
            return Optional.of(ownName(own.get(), parent == null ? Optional.empty() : ancestorAuthority(parent, settings)));
        }
        return org.isEmpty() ? Optional.empty() : derivedOrAncestor(org.get(), settings);
    }

    private cn.zhifa.organization.DelegatedPowers delegatedPowers = cn.zhifa.organization.DelegatedPowers.NONE;

    /** A township holding powers by 赋权 issues in its own name, 代字 and numbering (issue 21). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void delegatedPowers(cn.zhifa.organization.DelegatedPowers delegatedPowers) {
        this.delegatedPowers = delegatedPowers;
    }

    /** The township's own name and 代字; 复议、诉讼 and payment as its bureau's settings say. */
    private static Authority ownName(cn.zhifa.organization.DelegatedPowers.OwnName own, Optional<Authority> bureau) {
        Authority b = bureau.orElse(null);
        return new Authority(own.organizationId(), own.name(), own.shortName(), b == null ? null : b.government(),
                b == null ? null : b.reviewBody(), b == null ? null : b.court(), null, null, null, null,
                b == null ? null : b.paymentOffice(), b == null ? null : b.paymentAccount(),
                b == null ? Map.of() : b.prefixOverrides(), b == null ? Map.of() : b.wordingOverrides());
    }

    /** @param settings the settings saved for the unit's ancestors (each one absent that has none) */
    private Optional<Authority> ancestorAuthority(long organizationId, Map<Long, Authority> settings) {
        Optional<Authority> saved = Optional.ofNullable(settings.get(organizationId));
        if (saved.isPresent()) return saved;
        return organizations.find(organizationId).flatMap(org -> derivedOrAncestor(org, settings));
    }

    /** A unit without saved settings: itself if it is an 应急管理局, else what its ancestors issue under. */
    private Optional<Authority> derivedOrAncestor(OrganizationView org, Map<Long, Authority> settings) {
        for (int depth = 0; depth < 20; depth++) {
            String name = org.name();
            if (name.endsWith("应急管理局") && org.shortName() != null) {
                String area = name.substring(0, name.length() - "应急管理局".length());
                return Optional.of(new Authority(org.id(), name, org.shortName(), area + "人民政府", null, area + "人民法院",
                        null, null, null, null, null, null, Map.of(), Map.of()));
            }
            if (org.parentId() == null) return Optional.empty();
            Optional<Authority> saved = Optional.ofNullable(settings.get(org.parentId()));
            if (saved.isPresent()) return saved;
            Optional<OrganizationView> parent = organizations.find(org.parentId());
            if (parent.isEmpty()) return Optional.empty();
            org = parent.get();
        }
        return Optional.empty();
    }

    /**
     * Saves an authority's document settings (ADMIN). Refuses settings whose 机关简称 is empty or whose 代字 and
     * wording overrides name unknown paragraphs or placeholders.
     */
    @Transactional
    public void saveAuthority(Authority authority, String by) {
        List<String> problems = new ArrayList<>();
        if (authority.name() == null || authority.name().isBlank()) problems.add("机关全称不能为空");
        if (authority.shortName() == null || authority.shortName().isBlank()) problems.add("机关简称不能为空");
        else if (authority.shortName().strip().length() > 10) problems.add("机关简称过长（不超过10个字）");
        problems.addAll(templates.checkAuthority(authority));
        if (!problems.isEmpty()) throw new RuleViolation(String.join("；", problems));
        authorities.save(authority, clock.instant(), by);
        AuthoritiesInTransaction.forget();
    }

    // ------------------------------------------------------------------------------------------------

    private IssuedDocument store(IssueRequest r, IssuedDocument previous, String reason) {
        TemplateSummary t = templates.find(r.kind()).orElseThrow(() -> new RuleViolation("没有这种文书：" + r.kind()));
        Authority authority = authorityFor(r.authorityOrganizationId()).orElseThrow(() -> new RuleViolation(
                "本机关尚未设置文书署名信息（机关全称、机关简称等），请系统管理员在“文书设置”中填写后再签发"));
        if (r.source() == null) throw new RuleViolation("签发文书必须关联检查、隐患或案件记录");
        Map<String, Party> parties = new LinkedHashMap<>();
        for (Party p : r.parties()) parties.put(p.role(), p);
        LocalDate date = r.date() != null ? r.date() : LocalDate.now(clock);
        DocumentContent content = new DocumentContent(r.kind(), authority, null, date, r.fields(), parties, r.officers(),
                r.signatures(), r.refusals(), null);
        List<String> missing = new ArrayList<>(templates.missing(content));
        List<String> settings = templates.missingAuthoritySettings(t.kind(), authority);
        if (!settings.isEmpty()) {
            missing.add("文书设置缺少" + String.join("、", settings) + "（请系统管理员在“文书设置”中为" + authority.name() + "填写）");
        }
        if (!missing.isEmpty()) throw new RuleViolation("《" + t.title() + "》不能签发：" + String.join("；", missing));

        DocumentNumber number = null;
        if (previous != null && previous.number() != null) {
            number = parse(previous, authority);
        } else if (t.numbered()) {
            String prefix = templates.prefix(t.kind(), authority);
            int serial = numbers.next(authority.organizationId(), authority.shortName(), prefix, date.getYear());
            number = new DocumentNumber(authority.shortName(), prefix, date.getYear(), serial);
        }
        Party first = parties.values().stream().findFirst().orElse(null);
        // the instant as the database keeps it (microseconds), so the document returned is the one stored
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; ; attempt++) {
            // a fresh random code per attempt: the unique column refuses one already printed on another document, and
            // the document (its QR code and link carry the code) is rendered again with the next; the number is kept
            String code = codes.get();
            RenderedDocument rendered = templates.render(content.withIssue(number, date,
                    new DocumentContent.Verification(code, publicAddress.link("/verify/" + code))));
            var row = new IssuedDocumentStore.NewDocument(r.authorityOrganizationId(), authority.organizationId(),
                    authority.name(), t.kind(), t.title(),
                    number == null ? null : number.text(), number == null ? null : number.authorityShortName(),
                    number == null ? null : number.prefix(), number == null ? null : number.year(),
                    number == null ? null : number.serial(), r.source(), first == null ? null : first.name(), date,
                    issuedAt, r.issuedBy(), code, rendered.pdf(), sha256(rendered.pdf()), rendered.docx(),
                    sha256(rendered.docx()), rendered.pages(), contentJson(r), unsigned(t, content), refused(content),
                    previous == null ? 1 : previous.version() + 1, previous == null ? null : previous.id(), reason,
                    r.idempotencyKey());
            Optional<Long> inserted = store.insert(row);
            if (inserted.isEmpty()) {
                if (attempt == CODE_ATTEMPTS) throw new IllegalStateException("核验码生成失败：" + CODE_ATTEMPTS + "次均与已有文书重复");
                continue;
            }
            long id = inserted.get();
            signatures.sign(id, Verification.signedStatement(code, authority.name(), t.title(),
                    number == null ? null : number.text(), date, row.pdfSha256()), clock.instant());
            events.publishEvent(new DocumentIssued(id, t.kind(), number == null ? null : number.text(), r.source(),
                    r.authorityOrganizationId(), date, previous == null ? null : previous.id()));
            return new IssuedDocument(id, row.organizationId(), row.authorityOrganizationId(), row.authorityName(), row.kind(),
                    row.title(), row.numberText(), row.source(), row.partyName(), row.issueDate(), row.issuedAt(),
                    row.issuedBy(), code, row.pdfSha256(), row.docxSha256(), row.pages(), row.version(), row.supersedesId(),
                    row.correctionReason(), null, null);
        }
    }

    private java.util.function.Supplier<String> codes = VerificationCodes::next;

    /** Tests: where new documents' verification codes come from (to offer one already printed on another document). */
    void codes(java.util.function.Supplier<String> codes) {
        this.codes = codes;
    }

    /** Codes tried before giving up: among 31⁸ codes, ten taken ones in a row mean the generator is broken. */
    private static final int CODE_ATTEMPTS = 10;

    /** The number of the document being corrected, kept as it was printed. */
    private DocumentNumber parse(IssuedDocument previous, Authority authority) {
        String text = previous.number();
        int open = text.indexOf('（'), close = text.indexOf('）'), lb = text.indexOf('〔'), rb = text.indexOf('〕');
        return new DocumentNumber(text.substring(open + 1, close), text.substring(close + 1, lb),
                Integer.parseInt(text.substring(lb + 1, rb)), Integer.parseInt(text.substring(rb + 1, text.length() - 1)));
    }

    private String unsigned(TemplateSummary t, DocumentContent c) {
        var areas = templates.signatureAreaLabels(t.kind());
        List<String> out = new ArrayList<>();
        areas.forEach((area, label) -> {
            boolean done = c.signatures().stream().anyMatch(s -> s.area().equals(area))
                    || c.refusals().stream().anyMatch(s -> s.area().equals(area));
            if (!done) out.add(label);
        });
        return out.isEmpty() ? null : String.join("、", out);
    }

    private String refused(DocumentContent c) {
        if (c.refusals().isEmpty()) return null;
        var labels = templates.signatureAreaLabels(c.kind());
        return String.join("、", c.refusals().stream().map(r -> labels.getOrDefault(r.area(), r.area())).toList());
    }

    private String contentJson(IssueRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind());
        m.put("source", r.source());
        m.put("date", r.date() == null ? null : r.date().toString());
        m.put("fields", r.fields());
        m.put("parties", r.parties());
        m.put("officers", r.officers());
        m.put("signatures", r.signatures().stream().map(s -> Map.of("area", s.area(), "signer",
                s.signerName() == null ? "" : s.signerName(), "sha256", sha256(s.png()))).toList());
        m.put("refusals", r.refusals());
        return new String(json.writeValueAsBytes(m), StandardCharsets.UTF_8);
    }

    private static String describe(IssuedDocument d) {
        return "《" + d.title() + "》" + (d.number() == null ? "" : d.number());
    }
}
