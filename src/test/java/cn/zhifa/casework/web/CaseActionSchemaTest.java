package cn.zhifa.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Parameter;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The OpenAPI description of the case actions names exactly the actions the endpoint runs. */
class CaseActionSchemaTest {

    @Test
    void the_documented_action_names_are_the_actions_case_commands_run() {
        Method act = Arrays.stream(CaseApi.class.getDeclaredMethods()).filter(m -> m.getName().equals("act")).findFirst().orElseThrow();
        Parameter action = act.getParameters()[1].getAnnotation(Parameter.class);
        assertThat(action.schema().allowableValues()).containsExactlyInAnyOrderElementsOf(CaseCommands.ACTIONS.keySet());
        assertThat(Arrays.stream(CaseActionFields.class.getRecordComponents()).map(c -> c.getName()))
                .contains("version", "opinion", "violationCode", "amountYuan", "fineYuan", "number", "plan", "objects");
    }
}
