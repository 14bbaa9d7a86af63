package cn.zhifa.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casework.CaseTransition;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every case transition has its own typed command, named in the OpenAPI description, and the route names exactly those. */
class CaseActionSchemaTest {

    @Test
    void the_documented_action_names_are_the_actions_case_commands_run() {
        Method act = Arrays.stream(CaseApi.class.getDeclaredMethods()).filter(m -> m.getName().equals("act")).findFirst().orElseThrow();
        Parameter action = act.getParameters()[1].getAnnotation(Parameter.class);
        assertThat(action.schema().allowableValues()).containsExactlyInAnyOrderElementsOf(CaseCommands.ACTIONS.keySet());
    }

    @Test
    void each_transition_has_one_command_type_that_says_it_is_that_transition_and_has_a_named_schema() {
        assertThat(CaseCommand.TYPES.keySet()).containsExactlyInAnyOrder(CaseTransition.values());
        assertThat(CaseCommand.class.getPermittedSubclasses()).hasSize(CaseTransition.values().length);
        CaseCommand.TYPES.forEach((transition, type) -> {
            assertThat(type.getAnnotation(Schema.class)).as(type.getSimpleName()).isNotNull();
            assertThat(type.getAnnotation(Schema.class).name()).as(type.getSimpleName()).isNotBlank();
            assertThat(type.isRecord()).as(type.getSimpleName()).isTrue();
            var canonical = type.getDeclaredConstructors()[0];
            canonical.setAccessible(true);
            try {
                CaseCommand empty = (CaseCommand) canonical.newInstance(new Object[canonical.getParameterCount()]);
                assertThat(empty.transition()).as(type.getSimpleName()).isEqualTo(transition);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(CaseCommand.TYPES.values().stream().distinct()).hasSize(CaseTransition.values().length);
    }
}
