package cn.zhifa.casework.web;

import cn.zhifa.casework.CaseTransition;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes {@code POST /api/v1/cases/{id}/actions/{action}} as one operation per {@link CaseTransition}, each with the
 * schema of its {@link CaseCommand}; the one handler in {@link CaseApi} serves them all. Actions without fields
 * (request-hearing, remind, archive) have no request body.
 */
@Component
class CaseActionDocs implements OpenApiCustomizer {

    static final String ROUTE = "/api/v1/cases/{id}/actions/{action}";

    @Override
    public void customise(OpenAPI api) {
        PathItem generic = api.getPaths() == null ? null : api.getPaths().get(ROUTE);
        if (generic == null || generic.getPost() == null) {
            return;
        }
        Operation template = generic.getPost();
        api.getPaths().remove(ROUTE);
        for (CaseTransition transition : CaseTransition.values()) {
            Class<? extends CaseCommand> type = CaseCommand.TYPES.get(transition);
            Operation operation = new Operation().tags(template.getTags()).summary(transition.label())
                    .operationId("caseAction_" + transition.name()).responses(template.getResponses()).security(template.getSecurity());
            template.getParameters().stream().filter(p -> !"action".equals(p.getName())).forEach(operation::addParametersItem);
            if (type.getRecordComponents().length > 0) {
                ModelConverters.getInstance().readAll(type).forEach(api.getComponents()::addSchemas);
                String name = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class).name();
                operation.requestBody(new RequestBody().description(transition.label()).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + name)))));
            }
            api.getPaths().addPathItem("/api/v1/cases/{id}/actions/" + transition.code(), new PathItem().post(operation));
        }
    }
}
