package cn.zhifa.registry.web;

import cn.zhifa.shared.RuleViolation;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A command posted from a registry detail page (agency, supervisor, certificate). Done: a flash message and back to the
 * page. Refused: the page is rendered again with the Chinese reason in {@code refusal} — not a redirect, so the audit
 * records the request as rejected and nothing has changed.
 */
final class PageCommand {

    private PageCommand() {
    }

    static String run(Runnable action, String done, String page, RedirectAttributes redirect, Model model,
                      Supplier<String> pageAgain) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:" + page;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return pageAgain.get();
        }
    }
}
