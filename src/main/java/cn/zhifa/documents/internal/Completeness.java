package cn.zhifa.documents.internal;

import cn.zhifa.documents.DocumentContent;
import cn.zhifa.documents.DrawnSignature;
import cn.zhifa.documents.SignatureRefusal;
import cn.zhifa.documents.internal.Template.Field;
import cn.zhifa.documents.internal.Template.SignatureArea;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The policy "a document may be issued only when complete": required fields filled, required parties named,
 * the officers a template names present, and every required signature area signed or its refusal recorded.
 * Returns the missing items as Chinese sentences; empty means complete.
 */
public final class Completeness {

    private Completeness() {}

    public static List<String> missing(Template t, DocumentContent c) {
        List<String> out = new ArrayList<>();
        for (Field f : t.fields()) {
            if (f.required() && isEmpty(c.fields().get(f.name()))) out.add("缺少必填项：" + f.label());
        }
        for (Template.PartyRole r : t.parties()) {
            var p = c.parties().get(r.role());
            if (r.required() && (p == null || p.name() == null || p.name().isBlank())) out.add("缺少" + r.label());
        }
        int officersNeeded = t.signatureAreas().stream().filter(a -> a.officer() != null)
                .mapToInt(SignatureArea::officer).max().orElse(0);
        if (c.officers().size() < officersNeeded) {
            out.add("需要" + officersNeeded + "名执法人员，只有" + c.officers().size() + "名（执法人员不得少于两人）");
        }
        for (SignatureArea a : t.signatureAreas()) {
            boolean signed = c.signatures().stream().map(DrawnSignature::area).anyMatch(a.area()::equals);
            boolean refused = c.refusals().stream().map(SignatureRefusal::area).anyMatch(a.area()::equals);
            if (a.required() && !signed && !refused) out.add("缺少签名：" + a.label() + "（或记录拒绝签名的情况）");
        }
        for (DrawnSignature s : c.signatures()) {
            if (t.signatureArea(s.area()).isEmpty()) out.add("签名区 " + s.area() + " 不属于" + t.title());
        }
        for (SignatureRefusal r : c.refusals()) {
            if (t.signatureArea(r.area()).isEmpty()) out.add("拒签记录的签名区 " + r.area() + " 不属于" + t.title());
        }
        for (String name : c.fields().keySet()) {
            if (t.field(name).isEmpty()) out.add("字段 " + name + " 不属于" + t.title());
        }
        return out;
    }

    private static boolean isEmpty(Object v) {
        if (v == null) return true;
        if (v instanceof String s) return s.isBlank();
        if (v instanceof Collection<?> c) return c.isEmpty();
        if (v instanceof Map<?, ?> m) return m.isEmpty();
        return false;
    }
}
