package cn.zhifa.planning.web;

import cn.zhifa.planning.RandomDraw;
import cn.zhifa.planning.DrawAlgorithm;
import cn.zhifa.planning.DrawManagement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 双随机、一公开 public pages (no login): the draws by month, each with its seed, hashes, algorithm, candidate text
 * and result, and a recompute endpoint that reruns the draw from the published data.
 */
@Controller
class PublicDrawPages {

    private final DrawManagement draws;

    PublicDrawPages(DrawManagement draws) {
        this.draws = draws;
    }

    @GetMapping("/public/draws")
    String list(Model model) {
        Map<String, List<RandomDraw>> byMonth = new TreeMap<>(java.util.Comparator.reverseOrder());
        draws.publishedDraws().forEach(d -> byMonth.computeIfAbsent(d.getMonth(), m -> new java.util.ArrayList<>()).add(d));
        model.addAttribute("byMonth", byMonth);
        return "planning/public-draws";
    }

    @GetMapping("/public/draws/{id}")
    String detail(@PathVariable long id, Model model) {
        RandomDraw draw = draws.publishedDraw(id);
        model.addAttribute("draw", draw);
        model.addAttribute("algorithm", DrawAlgorithm.NAME);
        return "planning/public-draw";
    }

    @GetMapping(value = "/public/draws/{id}/candidates.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String candidates(@PathVariable long id) {
        return draws.publishedDraw(id).getCandidates();
    }

    /** Reruns the draw from the published candidate text, secret and id; compares with the published result. */
    @GetMapping(value = "/public/draws/{id}/recompute", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> recompute(@PathVariable long id) {
        RandomDraw draw = draws.publishedDraw(id);
        RandomDraw.Verification check = draw.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("drawId", draw.getId());
        body.put("algorithm", DrawAlgorithm.NAME);
        body.put("secret", draw.revealedSecret());
        body.put("commitment", draw.getCommitment());
        body.put("candidateHash", draw.getCandidateHash());
        body.put("seed", draw.getSeed());
        body.put("publishedResultHash", draw.getResultHash());
        body.put("commitmentMatches", check.commitmentMatches());
        body.put("candidateHashMatches", check.candidateHashMatches());
        body.put("resultMatches", check.resultMatches());
        body.put("recomputedResult", check.recomputedResult());
        body.put("conclusion", check.conclusion());
        return ResponseEntity.ok(body);
    }
}
