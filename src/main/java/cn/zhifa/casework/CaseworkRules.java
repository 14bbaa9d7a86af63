package cn.zhifa.casework;

import cn.zhifa.law.PeriodCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The procedure's legal numbers that are not statutory periods ({@code casework/casework-rules.yml}),
 * each with its source and effective date.
 */
public record CaseworkRules(DecisionPeriod decisionPeriod, Warning warning, Threshold legalReview,
                            Threshold collectiveDiscussion, FirstViolation firstViolation, Discretion discretion,
                            Emergency emergency) {

    /** 情况紧急当场实施的行政强制措施: hours within which the head's approval is given (行政强制法第十九条). */
    public record Emergency(int approvalHours, String source, LocalDate effectiveFrom, boolean confirmed) {

        public java.time.Duration window() {
            return java.time.Duration.ofHours(approvalHours);
        }
    }

    public static final String RESOURCE = "casework/casework-rules.yml";
    private static volatile CaseworkRules bundled;

    /**
     * @param versions later versions of the rules, each applying to cases filed (立案) on or after its {@code from} day; the
     *                 base codes apply before the first
     */
    public record DecisionPeriod(PeriodCode initial, List<PeriodCode> extensions, List<String> extensionApprovers,
                                 List<Version> versions) {

        public DecisionPeriod {
            versions = versions == null ? List.of()
                    : versions.stream().sorted(java.util.Comparator.comparing(Version::from)).toList();
        }

        /** The codes for a case filed on {@code filedOn} (the base ones when null or before every version). */
        public Version on(LocalDate filedOn) {
            Version chosen = new Version(null, initial, extensions, null, true);
            for (Version v : versions) {
                if (filedOn != null && !filedOn.isBefore(v.from())) {
                    chosen = v;
                }
            }
            return chosen;
        }

        public record Version(LocalDate from, PeriodCode initial, List<PeriodCode> extensions, String source, boolean confirmed) {
        }
    }

    public record Warning(int nearWorkingDays, String source, LocalDate effectiveFrom, boolean confirmed) {
    }

    public record Threshold(BigDecimal unitMinYuan, BigDecimal individualMinYuan, List<String> measures, String source,
                            LocalDate effectiveFrom, boolean confirmed) {

        public Threshold {
            measures = measures == null ? List.of() : List.copyOf(measures);
        }

        /** "以上" includes the line. */
        public boolean reachedBy(PartyKind party, BigDecimal fineYuan) {
            BigDecimal line = party == PartyKind.UNIT ? unitMinYuan : individualMinYuan;
            return fineYuan != null && fineYuan.compareTo(line) >= 0;
        }

        public BigDecimal line(PartyKind party) {
            return party == PartyKind.UNIT ? unitMinYuan : individualMinYuan;
        }

        /** The configured measure named in {@code otherMeasures}, if any. */
        public java.util.Optional<String> measureIn(String otherMeasures) {
            if (otherMeasures == null) {
                return java.util.Optional.empty();
            }
            return measures.stream().filter(otherMeasures::contains).findFirst();
        }
    }

    /** @param ground the 不予处罚 ground (one of {@link Discretion#noPenaltyGrounds}) that is 首违不罚 and so checked */
    public record FirstViolation(int lookBackMonths, String source, LocalDate effectiveFrom, boolean confirmed, String ground) {
    }

    public record Discretion(String source, LocalDate effectiveFrom, boolean confirmed, BigDecimal roundingYuan,
                             Map<Tier, Share> tiers, BigDecimal mitigatedMinPercentOfMinimum,
                             List<String> mitigationGrounds, List<String> noPenaltyGrounds) {
    }

    public record Share(BigDecimal fromPercent, BigDecimal toPercent) {
    }

    /** The rules shipped in {@link #RESOURCE}, for code without a Spring context (unit tests). */
    public static CaseworkRules bundled() {
        if (bundled == null) {
            bundled = from(binder()).orElseThrow(() -> new IllegalStateException(RESOURCE + " has no zhifa.casework section"));
        }
        return bundled;
    }

    public static java.util.Optional<CaseworkRules> from(Binder binder) {
        return binder.bind("zhifa.casework", Bindable.of(CaseworkRules.class)).map(java.util.Optional::of)
                .orElse(java.util.Optional.empty());
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
