package cn.zhifa.registry;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The longest term of a 社会监督员 / 技术检查员 appointment, with its source and effective date, from
 * application.yml ({@code zhifa.registry.supervisor-terms}); {@code confirmed=false} marks a local rule
 * ("按本地规定配置").
 */
@ConfigurationProperties("zhifa.registry.supervisor-terms")
public record SupervisorTerms(Term social, Term technical) {

    public Term of(Supervisor.SupervisorKind kind) {
        return kind == Supervisor.SupervisorKind.SOCIAL ? social : technical;
    }

    public record Term(int years, String source, LocalDate effectiveFrom, boolean confirmed) {

        /** The last day of a full term that starts on {@code start}. */
        public LocalDate lastDayFrom(LocalDate start) {
            return start.plusYears(years).minusDays(1);
        }
    }
}
