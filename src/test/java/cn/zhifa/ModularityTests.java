package cn.zhifa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** Analysed once for both tests (JUnit makes an instance per test; the analysis takes seconds). */
    private static final ApplicationModules modules = ApplicationModules.of(ZhifaApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        modules.verify();
    }

    /**
     * The module documentation (diagrams and canvases under {@code target/spring-modulith-docs}) on request: writing it
     * checks nothing and took 8 s of every build. {@code ./mvnw -o test -Dtest=ModularityTests -Dzhifa.docs=true}
     */
    @Test
    @EnabledIfSystemProperty(named = "zhifa.docs", matches = "true")
    void writes_module_documentation() {
        new Documenter(modules).writeDocumentation();
    }
}
