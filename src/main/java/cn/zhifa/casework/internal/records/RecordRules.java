package cn.zhifa.casework.internal.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The legal numbers and sources of the investigation records ({@code casework/investigation-records.yml}), each with
 * its source and the date from which it applies; {@code confirmed: false} marks a value not confirmed against the text.
 */
public record RecordRules(PartySignature partySignature, PreservationApproval preservationApproval) {

    public static final String RESOURCE = "casework/investigation-records.yml";
    private static volatile RecordRules bundled;

    /** 笔录 are signed by the person questioned or the unit inspected, or their refusal is noted. */
    public record PartySignature(String source, LocalDate effectiveFrom, boolean confirmed) {
    }

    /**
     * 先行登记保存 needs the approval of the agency's head before it (行政处罚法第五十六条); in an emergency it is reported
     * and approved afterwards within {@code emergencyHours}.
     */
    public record PreservationApproval(String source, LocalDate effectiveFrom, boolean confirmed, int emergencyHours,
                                       String emergencySource, boolean emergencyConfirmed) {

        public Duration emergencyWindow() {
            return Duration.ofHours(emergencyHours);
        }
    }

    /** The rules shipped in {@link #RESOURCE}. */
    public static RecordRules bundled() {
        if (bundled == null) {
            bundled = binder().bind("zhifa.casework.records", Bindable.of(RecordRules.class))
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no zhifa.casework.records section"));
        }
        return bundled;
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
