package jp.kakehashi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module map of docs/architecture.md ("Application modules of platform") holds: no cycles, no reaching into
 * another module's internals.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(KakehashiApplication.class);

    @Test
    void modulesWhenVerifiedThenNoViolations() {
        modules.verify();
    }

    @Test
    void modulesWhenListedThenEveryContextOfTheArchitectureIsThere() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "tpp", "consent", "authorization", "banking", "corebanking", "runtime");
    }
}
