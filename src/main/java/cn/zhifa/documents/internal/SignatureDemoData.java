package cn.zhifa.documents.internal;

import cn.zhifa.audit.AuditRecord.Outcome;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.shared.demo.DemoDataLoader;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 签名样式 of the demo logins (generated handwriting-like strokes, the same every time), so the demo cases can issue
 * their signed approval forms. The ~38 other officers (zf001…) have none: they register on 我的签名 like a new user.
 */
@Component
class SignatureDemoData implements DemoDataLoader {

    static final String DEMO = "demo";
    static final List<String> USERS = List.of("officer1", "officer2", "leader1", "legal1", "supervisor1", "admin",
            "secadmin", "auditor");

    private final SignatureSpecimens specimens;
    private final SpecimenStore store;
    private final UserManagement users;
    private final AuditTrail audit;

    SignatureDemoData(SignatureSpecimens specimens, SpecimenStore store, UserManagement users, AuditTrail audit) {
        this.specimens = specimens;
        this.store = store;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    @Transactional
    public void load() {
        for (String username : USERS) {
            users.findByUsername(username).filter(u -> specimens.current(username).isEmpty()).ifPresent(u -> {
                var s = specimens.register(username, u.displayName(), DemoSignatureImages.of(username, u.displayName()), DEMO);
                audit.record("登记签名样式", "签名样式", s.id(), Outcome.SUCCESS, "演示数据：" + u.displayName());
            });
        }
    }

    @Override
    @Transactional
    public void purge() {
        int removed = store.deleteRegisteredBy(DEMO);
        audit.record("清除演示签名样式", "签名样式", null, Outcome.SUCCESS, "删除" + removed + "份演示签名样式");
    }
}
