package cn.zhifa.accident.internal;

import cn.zhifa.law.AccidentGrade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The legal numbers of accident reporting, investigation, 批复 and follow-up ({@code accident/accident-rules.yml},
 * overridable by a {@code zhifa.accident} section), each with its source and effective date.
 */
public record AccidentRules(FirstReport firstReport, Upward upward, Supplement supplement, Investigation investigation,
                            Approval approval, Evaluation evaluation, Supervision supervision, Grading grading) {

    public static final String RESOURCE = "accident/accident-rules.yml";
    private static volatile AccidentRules bundled;

    public record FirstReport(int hours, String source, LocalDate effectiveFrom, boolean confirmed) {
    }

    public record Upward(int hoursPerLevel, String source, LocalDate effectiveFrom, boolean confirmed,
                         Map<AccidentGrade, List<String>> levels) {
    }

    public record Supplement(int days, int roadAndFireDays, String source, LocalDate effectiveFrom, boolean confirmed) {
    }

    public record Investigation(Map<AccidentGrade, String> bodies, String bodiesSource, int days, int extensionDays,
                                String source, LocalDate effectiveFrom, boolean confirmed) {
    }

    public record Approval(Map<AccidentGrade, Integer> days, Map<AccidentGrade, Integer> extensionDays, String source,
                           LocalDate effectiveFrom, boolean confirmed) {

        public Approval {
            extensionDays = extensionDays == null ? Map.of() : Map.copyOf(extensionDays);
        }
    }

    public record Evaluation(int months, String source, LocalDate effectiveFrom, boolean confirmed) {
    }

    public record Supervision(Map<AccidentGrade, String> by, String source, LocalDate effectiveFrom, boolean confirmed) {

        public Supervision {
            by = by == null ? Map.of() : Map.copyOf(by);
        }
    }

    public record Grading(boolean missingCountedAsDeaths, String source, LocalDate effectiveFrom, boolean confirmed) {
    }

    public static AccidentRules bundled() {
        if (bundled == null) {
            bundled = from(binder()).orElseThrow(() -> new IllegalStateException(RESOURCE + " has no zhifa.accident section"));
        }
        return bundled;
    }

    public static Optional<AccidentRules> from(Binder binder) {
        return binder.bind("zhifa.accident", Bindable.of(AccidentRules.class)).map(Optional::of).orElse(Optional.empty());
    }

    private static Binder binder() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().forEach(source -> environment.getPropertySources().remove(source.getName()));
            new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment), null,
                    ApplicationConversionService.getSharedInstance());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
