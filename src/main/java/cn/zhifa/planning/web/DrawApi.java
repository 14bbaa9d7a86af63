package cn.zhifa.planning.web;

import org.springframework.web.bind.annotation.RequestParam;
import cn.zhifa.shared.web.Page;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.planning.DrawManagement;
import cn.zhifa.planning.DrawMode;
import cn.zhifa.planning.DrawStatus;
import cn.zhifa.planning.RandomDraw;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Read API of 双随机 draws, data-scoped like the pages (lists: the caller's visible organisations; a single draw of
 * another organisation: 403; unknown: 404 problem). Never returns the secret; the frozen candidate text stays on the
 * public {@code /public/draws/{id}/candidates.txt} once drawn.
 */
@RestController
@Tag(name = "双随机抽取", description = "抽取记录（只读）")
@Allowed(Action.READ_BUSINESS)
class DrawApi {

    private final DrawManagement draws;

    DrawApi(DrawManagement draws) {
        this.draws = draws;
    }

    /** One draw as the API shows it. {@code tasks} is empty in lists and before the draw is executed. */
    record DrawView(long id, long organizationId, long officerOrganizationId, DrawMode mode, String itemCode, String itemName,
                    String legalBasis, String month, String poolDescription, int count, int teamSize, DrawStatus status,
                    String candidateHash, String commitment, String seed, String resultHash, Instant frozenAt,
                    String frozenBy, Instant drawnAt, String voidReason, Instant voidedAt, List<Task> tasks) {

        static DrawView of(RandomDraw d, boolean withTasks) {
            return new DrawView(d.getId(), d.getOrganizationId(), d.getOfficerOrgId(), d.getMode(), d.getItemCode(),
                    d.getItemName(), d.getLegalBasis(), d.getMonth(), d.getPoolDescription(), d.getCount(), d.getTeamSize(),
                    d.getStatus(), d.getCandidateHash(), d.getCommitment(), d.getSeed(), d.getResultHash(), d.getFrozenAt(),
                    d.getFrozenBy(), d.getDrawnAt(), d.getVoidReason(), d.getVoidedAt(), withTasks
                            ? d.getTasks().stream().map(t -> new Task(t.enterpriseId(), t.officers(), t.joint())).toList()
                            : List.of());
        }
    }

    record Task(long enterpriseId, List<Long> officerUserIds, List<Long> jointInspectors) {
    }

    @GetMapping("/api/v1/planning/draws")
    @Operation(summary = "本单位及下级单位的双随机抽取记录")
    Page<DrawView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(draws.visibleDraws().stream().map(d -> DrawView.of(d, false)).toList(), page, size);
    }

    @GetMapping("/api/v1/planning/draws/{id}")
    @Operation(summary = "抽取记录详情（含抽中企业与检查组）")
    DrawView get(@PathVariable long id) {
        return DrawView.of(draws.get(id), true);
    }
}
