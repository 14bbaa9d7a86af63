package cn.zhifa.inspection;

import cn.zhifa.audit.Audit;
import cn.zhifa.inspection.internal.ChecklistTemplates;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actors;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checklist templates by industry and topic. Revisions are versions: editing saves a new version and
 * keeps the old one for the records that used it.
 */
@Service
public class ChecklistManagement {

    private final ChecklistTemplates templates;
    private final Clock clock;

    ChecklistManagement(ChecklistTemplates templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ChecklistTemplate> current() {
        return templates.findAllCurrent();
    }

    @Transactional(readOnly = true)
    public ChecklistTemplate get(long id) {
        return templates.findById(id).orElseThrow(() -> RuleViolation.notFound("检查清单不存在。"));
    }

    @Transactional(readOnly = true)
    public List<ChecklistTemplate> versions(String code) {
        return templates.findVersions(code);
    }

    /** ADMIN: saves the next version of a template (only on top of the current one). */
    @Transactional
    public ChecklistTemplate revise(long currentId, String title, List<ChecklistTemplate.Item> items, String reason) {
        ChecklistTemplate current = get(currentId);
        ChecklistTemplate next = current.revise(title, items, reason, Actors.require().username(), clock.instant());
        templates.save(current);
        ChecklistTemplate saved = templates.save(next);
        Audit.target("检查清单", saved.getId());
        Audit.detail(saved.getCode() + " 第" + saved.getVersion() + "版");
        return saved;
    }
}
