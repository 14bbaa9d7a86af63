package cn.zhifa.casework.internal.filing;

import cn.zhifa.casework.CaseworkRules;
import cn.zhifa.casework.ProcedureKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Which 备案 a penalty decision owes ({@code zhifa.casework.filing} in {@link CaseworkRules#RESOURCE}): a 当场处罚 is
 * reported to the agency (行政处罚法第五十二条第三款), whatever the penalty; a 重大行政处罚 (a fine over the local line) is
 * filed with each configured body. Each falls due the configured number of days after the decision.
 */
public record FilingRules(Rule onTheSpot, MajorRule major) {

    public record Rule(List<String> bodies, int withinDays, String source, LocalDate effectiveFrom, boolean confirmed) {
        public Rule {
            bodies = bodies == null ? List.of() : List.copyOf(bodies);
        }
    }

    /** @param overYuan the line a fine must exceed ("超过", the line itself excluded) */
    public record MajorRule(BigDecimal overYuan, List<String> bodies, int withinDays, String source, LocalDate effectiveFrom,
                            boolean confirmed) {
        public MajorRule {
            bodies = bodies == null ? List.of() : List.copyOf(bodies);
        }
    }

    /** One filing a decision owes. */
    public record Due(FilingKind kind, String body, LocalDate dueOn, String source) {
    }

    /** The filings a decision made on {@code decidedOn} owes, in the configured order of bodies. */
    public List<Due> due(ProcedureKind procedure, BigDecimal fineYuan, LocalDate decidedOn) {
        List<Due> due = new ArrayList<>();
        if (decidedOn == null) {
            return due;
        }
        if (procedure == ProcedureKind.SUMMARY) {
            onTheSpot.bodies().forEach(b -> due.add(new Due(FilingKind.ON_THE_SPOT, b, decidedOn.plusDays(onTheSpot.withinDays()),
                    onTheSpot.source())));
        }
        if (isMajor(fineYuan)) {
            major.bodies().forEach(b -> due.add(new Due(FilingKind.MAJOR, b, decidedOn.plusDays(major.withinDays()), major.source())));
        }
        return due;
    }

    /** A fine over the configured line (超过, so the line itself is not major). */
    public boolean isMajor(BigDecimal fineYuan) {
        return fineYuan != null && fineYuan.compareTo(major.overYuan()) > 0;
    }

    private static volatile FilingRules bundled;

    /** The rules shipped in the casework rules file, for code without a Spring context (unit tests). */
    public static FilingRules bundled() {
        if (bundled == null) {
            bundled = from(binder()).orElseThrow(() -> new IllegalStateException(CaseworkRules.RESOURCE + " has no zhifa.casework.filing"));
        }
        return bundled;
    }

    public static Optional<FilingRules> from(Binder binder) {
        return binder.bind("zhifa.casework.filing", Bindable.of(FilingRules.class)).map(Optional::of).orElse(Optional.empty());
    }

    private static Binder binder() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().forEach(source -> environment.getPropertySources().remove(source.getName()));
            new YamlPropertySourceLoader().load(CaseworkRules.RESOURCE, new ClassPathResource(CaseworkRules.RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment), null, ApplicationConversionService.getSharedInstance());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CaseworkRules.RESOURCE, e);
        }
    }
}
