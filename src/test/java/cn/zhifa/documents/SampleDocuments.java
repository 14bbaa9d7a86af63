package cn.zhifa.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Realistic demo content for every standard document, as the inspection / case modules would fill it. */
public final class SampleDocuments {

    public static final String UNIT = "天津滨海宏达化工有限公司";
    public static final String PERSON = "王建国";

    private SampleDocuments() {}

    public static Authority authority() {
        return new Authority(42L, "天津市东丽区应急管理局", "津东丽", "天津市东丽区人民政府", null, "天津市东丽区人民法院",
                "天津市东丽区先锋东路18号", "300300", "李明", "022-24391234", "中国工商银行天津东丽支行", "0302 0951 0902 4567 890",
                Map.of(), Map.of());
    }

    /** Saves complete document settings for a demo authority unless it has some (integration tests). */
    public static void ensureSettings(DocumentManagement documents, long org) {
        if (documents.authority(org).isPresent()) return;
        Authority derived = documents.authorityFor(org).orElseThrow();
        documents.saveAuthority(new Authority(org, derived.name(), derived.shortName(), derived.government(), null,
                derived.court(), "示例市建设路1号", "139900", "李明", "0311-12345678", "中国工商银行示例市分行",
                "0402 0000 1234 5678", Map.of(), Map.of()), "test");
    }

    public static Party unit() {
        return Party.unit("party", UNIT, "91120110MA05JX2Q3R", "张海涛", "总经理", "天津市东丽区华明街道津塘公路2号",
                "300300", "13820001234");
    }

    public static Party person() {
        return Party.person("party", PERSON, "男", 46, "120110197905120031", UNIT, "安全管理员",
                "天津市东丽区跃进路16号", "300300", "13920005678");
    }

    public static List<Officer> officers() {
        return List.of(new Officer("赵立新", "12010012345"), new Officer("孙雪梅", "12010012346"));
    }

    /** Content for a kind, complete with parties, officers and a drawn signature in every signature area. */
    public static DocumentContent content(TemplateSummary t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : t.fields()) {
            Object v = value(t.kind(), f);
            if (v != null) fields.put(f, v);
        }
        Map<String, Party> parties = new LinkedHashMap<>();
        for (String role : t.partyRoles()) {
            Party p = t.kind().endsWith("PERSON") || role.equals("interviewee") ? person() : unit();
            parties.put(role, new Party(role, p.type(), p.name(), p.creditCode(), p.legalRepresentative(), p.position(),
                    p.idNumber(), p.gender(), p.age(), p.workUnit(), p.address(), p.postcode(), p.phone()));
        }
        List<DrawnSignature> signatures = new ArrayList<>();
        for (String area : t.requiredSignatures()) signatures.add(new DrawnSignature(area, area, signaturePng(area)));
        return new DocumentContent(t.kind(), authority(), null, LocalDate.of(2026, 3, 5), fields, parties, officers(),
                signatures, List.of(), null);
    }

    public static DocumentContent issued(TemplateSummary t, int serial) {
        DocumentContent c = content(t);
        DocumentNumber n = t.numbered() ? new DocumentNumber("津东丽", "应急" + t.prefix(), 2026, serial) : null;
        return c.withIssue(n, LocalDate.of(2026, 3, 5),
                new DocumentContent.Verification("K7Q2-M9XD", "https://zhifa.example.cn/verify/K7Q2-M9XD"));
    }

    static Object value(String kind, String field) {
        return switch (field) {
            case "inspectionTime", "startTime", "time" -> LocalDateTime.of(2026, 3, 5, 9, 30);
            case "endTime" -> LocalDateTime.of(2026, 3, 5, 11, 45);
            case "basis" -> kind.equals("CASE_TRANSFER") ? "《行政执法机关移送涉嫌犯罪案件的规定》第三条"
                    : "《中华人民共和国安全生产法》第九十七条第三项";
            case "scope" -> "安全生产责任制落实、从业人员安全培训、危险化学品储存、重大危险源监控及事故隐患排查治理情况。";
            case "place" -> kind.equals("INSPECTION_RECORD") ? "甲类仓库、合成车间、中控室" : "天津市东丽区应急管理局三楼询问室";
            case "findings" -> kind.equals("CASE_TRANSFER") ? "当事人涉嫌重大责任事故罪"
                    : "1. 甲类仓库内危险化学品超量储存，未按规定分类分区存放；\n2. 合成车间可燃气体报警器未定期检测，其中2台处于故障状态；\n3. 抽查5名特种作业人员，其中1人未持证上岗。";
            case "inspectedOn", "orderDate", "sourceDate", "decisionDate", "filedOn", "submittedOn", "handledOn", "reviewedOn", "approvedOn" -> LocalDate.of(2026, 3, 2);
            case "violations", "problems" -> List.of("甲类仓库内危险化学品超量储存，未分类分区存放", "合成车间2台可燃气体报警器故障未修复", "1名电工未取得特种作业操作证上岗作业");
            case "measures" -> List.of("甲类仓库立即停止使用，超量危险化学品于当日转移至合规库房", "合成车间停止动火作业，直至报警器修复并检测合格");
            case "items" -> "1、2、3";
            case "deadline", "collectOn", "deferredUntil", "instalmentDue", "dueDate" -> LocalDate.of(2026, 3, 20);
            case "orderName" -> "责令限期整改";
            case "orderNumber", "decisionNumber" -> "（津东丽）应急罚〔2026〕12号";
            case "opinion" -> kind.equals("LEGAL_REVIEW_OPINION") ? "本案事实清楚，证据确实充分，适用依据准确，程序合法，裁量适当。"
                    : "经复查，你单位已将超量危险化学品转移，报警器已修复并检测合格，特种作业人员已持证上岗，上述问题已整改完毕。";
            case "cause", "suspected" -> "未如实记录安全生产教育和培训情况";
            case "source" -> "现场检查";
            case "caseName" -> UNIT + "未如实记录安全生产教育和培训情况案";
            case "summary", "evidence", "facts", "factsAndEvidence", "factsAndBasis" ->
                    kind.equals("EVIDENCE_PRESERVATION_NOTICE") && field.equals("evidence") ? evidenceTable().get("evidence") : evidenceText(kind, field);
            case "handlerOpinion" -> "建议立案调查。";
            case "reviewOpinion" -> "同意。";
            case "approvalOpinion" -> "同意。";
            case "reason" -> "你单位涉嫌未如实记录安全生产教育和培训情况";
            case "bring" -> List.of("身份证", "营业执照");
            case "round" -> "第1次";
            case "recorder" -> "孙雪梅";
            case "present" -> "无";
            case "subject" -> "你单位安全生产教育和培训";
            case "transcript" -> "问：你在单位担任什么职务？\n答：我是安全管理员，负责安全培训。\n问：2025年度的三级安全教育培训记录在哪里？\n答：部分新员工的培训记录没有及时填写。";
            case "weather" -> "晴";
            case "invitee" -> "刘强（华明街道安监站）";
            case "evidenceTable" -> null;
            case "collectAt" -> "天津市东丽区应急管理局执法支队";
            case "unit" -> "执法支队一大队";
            case "investigationPeriod" -> "2026年3月2日至2026年3月5日";
            case "violated" -> "《中华人民共和国安全生产法》第二十八条第四款";
            case "proposal", "proposed" -> "建议对当事人处以罚款人民币伍万元整的行政处罚。";
            case "penalty" -> "罚款人民币伍万元整（¥50,000.00）";
            case "statementDays" -> "3个工作日";
            case "requestDays" -> "5个工作日";
            case "defence" -> "当事人未提出陈述申辩意见。";
            case "submittedBy" -> "执法支队一大队";
            case "checks" -> List.of("执法主体合法", "未超越法定职权", "事实清楚证据充分", "适用依据准确", "程序合法", "裁量适当");
            case "conclusion" -> kind.equals("LEGAL_REVIEW_OPINION") ? List.of("同意") : "同意承办机构意见，对当事人处以罚款人民币伍万元整。";
            case "chair" -> "周国庆";
            case "reporter" -> "赵立新";
            case "attendees" -> "周国庆（局长）、陈红（副局长）、马俊（法规科科长）、赵立新（执法支队一大队大队长）";
            case "topic" -> "讨论" + UNIT + "未如实记录安全生产教育和培训情况案的处罚意见。";
            case "minutes" -> "赵立新汇报案件调查情况；马俊介绍法制审核意见；与会人员一致认为事实清楚、证据充分。";
            case "presiding" -> "马俊";
            case "hearingOfficer" -> "陈红";
            case "clerk" -> "孙雪梅";
            case "agent" -> "李文（天津某律师事务所律师）";
            case "thirdParty" -> "无";
            case "others" -> "无";
            case "paymentMode" -> List.of("自收到本决定书之日起15日内缴至指定银行");
            case "deliveries" -> List.of(List.of("行政处罚决定书（津东丽）应急罚〔2026〕12号", "张海涛", "当事人办公室", "2026年3月5日", "直接送达", "赵立新、孙雪梅"));
            case "remarks" -> "无";
            case "fine" -> new BigDecimal("50000.00");
            case "mode" -> List.of("分期缴纳");
            case "instalment" -> "第1期";
            case "instalmentAmount" -> new BigDecimal("20000.00");
            case "remaining" -> new BigDecimal("30000.00");
            case "obligations" -> List.of("缴纳罚款", "缴纳加处罚款");
            case "surcharge" -> new BigDecimal("4500.00");
            case "total" -> new BigDecimal("54500.00");
            case "otherDuty" -> "无";
            case "objectionDays" -> "3个工作日";
            case "signer" -> "周国庆";
            case "decisionContent" -> "罚款人民币伍万元整";
            case "materials" -> List.of("行政处罚决定书及送达回执", "履行义务催告书及送达回执", "当事人的意见及本机关催告情况");
            case "receiver" -> "天津市公安局东丽分局";
            case "education" -> "向主要负责人宣讲《中华人民共和国安全生产法》有关规定，督促其加强安全生产管理";
            case "procuratorate" -> "天津市东丽区人民检察院";
            case "measureKind" -> "扣押";
            case "legalBasis" -> "《中华人民共和国安全生产法》第六十五条第一款第四项";
            case "appliedOn" -> LocalDate.of(2026, 3, 2);
            case "dueOn" -> LocalDate.of(2026, 4, 1);
            case "objects" -> List.of(List.of("1", "液化石油气钢瓶", "50kg", "12瓶", "天津市东丽区应急管理局暂存库"));
            case "copies" -> "12";
            case "pages" -> "46";
            case "result" -> "对当事人处以罚款人民币伍万元整。";
            case "execution" -> "当事人已于2026年3月18日全额缴纳罚款。";
            case "remedyStatus" -> kind.equals("ENFORCEMENT_APPLICATION")
                    ? "被申请执行人在法定期限内未申请行政复议或者提起行政诉讼，又不履行该决定。"
                    : "你（单位）在法定期限内未申请行政复议或者提起行政诉讼，又未履行该决定规定的义务。";
            case "caseReference" -> "（津东丽）应急罚〔2026〕12号（“3·02”重大生产安全事故）";
            case "ground" -> "第六条第（一）项";
            case "notifiedOn" -> LocalDate.of(2026, 3, 2);
            case "statement" -> "当事人陈述申辩：对事故调查认定的事实无异议。\n采纳情况：不予采纳。";
            case "listedOn" -> LocalDate.of(2026, 3, 12);
            case "expiresOn" -> LocalDate.of(2029, 3, 12);
            case "earlyRemovalFrom" -> LocalDate.of(2027, 3, 12);
            case "hearingOn" -> LocalDate.of(2026, 3, 16);
            case "publicity" -> "公开举行";
            case "address" -> "天津市东丽区华明街道弘顺道18号";
            case "recipient" -> "王建国";
            case "phone" -> "022-24398765";
            case "electronicAddress" -> "anquan@huaxing-chem.example.cn";
            case "electronicConsent" -> "同意";
            case "signedBy" -> "王建国";
            case "confirmedOn" -> LocalDate.of(2026, 3, 2);
            case "letterSubject" -> kind.equals("SAFETY_WARNING_LETTER") ? "2026年3月帮扶检查" : "汛期有限空间作业安全";
            case "risks" -> "1. 污水池有限空间作业未执行“先通风、再检测、后作业”；\n2. 有限空间作业人员未经专项安全培训。";
            case "demands" -> "1. 完善有限空间作业审批制度并配备检测报警仪器；\n2. 对作业人员开展专项安全培训并如实记录。";
            case "replyBy" -> LocalDate.of(2026, 3, 20);
            default -> null;
        };
    }

    private static String evidenceText(String kind, String field) {
        if (field.equals("evidence") && kind.equals("EVIDENCE_PRESERVATION_NOTICE")) return null;
        if (field.equals("evidence") && kind.equals("INVESTIGATION_REPORT"))
            return "2026年3月2日现场检查取得培训档案复印件12页；询问安全管理员王建国，制作询问笔录1份。";
        if (field.equals("evidence")) return "1. 现场检查记录；2. 询问笔录；3. 培训档案复印件；4. 现场照片6张。";
        return "经查，" + UNIT + "2025年度新入职的8名从业人员中，有3人的三级安全教育培训未如实记录，"
                + "违反了《中华人民共和国安全生产法》第二十八条第四款的规定。以上事实有现场检查记录、询问笔录、培训档案复印件等证据证实。";
    }

    public static Map<String, Object> evidenceTable() {
        return Map.of("evidence", List.of(
                List.of("1", "三级安全教育培训档案", "A4", "—", "完好", "册", "—", "2", "原件"),
                List.of("2", "特种作业人员台账", "A4", "—", "完好", "本", "—", "1", "原件")));
    }

    /** A drawn signature: a few strokes on a transparent background, as a signature pad produces. */
    public static byte[] signaturePng(String seed) {
        var img = new BufferedImage(360, 120, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(10, 20, 90));
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int h = Math.abs(seed.hashCode());
        for (int i = 0; i < 3; i++) {
            int x = 20 + i * 110;
            g.draw(new CubicCurve2D.Float(x, 80, x + 20 + h % 30, 10, x + 60, 110 - (h >> i) % 40, x + 100, 30));
        }
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
