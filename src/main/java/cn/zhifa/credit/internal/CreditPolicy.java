package cn.zhifa.credit.internal;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 严重失信主体名单 rules of {@code credit/credit-rules.yml}: grounds, statement period, repair conditions. */
public record CreditPolicy(String source, int statementWorkingDays, boolean statementConfirmed,
                           int listedMinimumAnnualFrequency, String listedFrequencySource, List<Ground> grounds,
                           String repairArticle, boolean repairConfirmed, List<RepairCondition> repairConditions) {

    public static final String RESOURCE = "credit/credit-rules.yml";

    /** How a ground is recognised from a decided case: by the accident grade, by counting, or by a leader. */
    public enum Detect { ACCIDENT_MAJOR, LARGER_ACCIDENTS_12_MONTHS, MANUAL }

    public record Ground(String code, String article, String text, Detect detect, boolean confirmed) {
        public String label() {
            return article + "：" + text;
        }
    }

    public enum Check { CASE_PAID, CONFIRMED, NO_NEW_ACCIDENT_OR_LISTING }

    public record RepairCondition(String code, String text, Check check) {
    }

    public Optional<Ground> ground(String code) {
        return grounds.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static CreditPolicy bundled() {
        try (InputStream in = CreditPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Map<String, Object> m = new Yaml().load(in);
            List<Ground> grounds = ((List<Map<String, Object>>) m.get("grounds")).stream()
                    .map(g -> new Ground(String.valueOf(g.get("code")), (String) g.get("article"), (String) g.get("text"),
                            Detect.valueOf((String) g.get("detect")), Boolean.TRUE.equals(g.get("confirmed")))).toList();
            Map<String, Object> repair = (Map<String, Object>) m.get("repair");
            List<RepairCondition> conditions = ((List<Map<String, Object>>) repair.get("conditions")).stream()
                    .map(c -> new RepairCondition((String) c.get("code"), (String) c.get("text"),
                            Check.valueOf((String) c.get("check")))).toList();
            return new CreditPolicy((String) m.get("source"), (Integer) m.get("statement-working-days"),
                    Boolean.TRUE.equals(m.get("statement-confirmed")), (Integer) m.get("listed-minimum-annual-frequency"),
                    (String) m.get("listed-frequency-source"), grounds, (String) repair.get("article"),
                    Boolean.TRUE.equals(repair.get("confirmed")), conditions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
