package org.pilotline.mes.kit.idempotency;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/** Names the {@code Idempotency-Key} header on every state-changing operation of the service's OpenAPI document. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().values().stream()
                .flatMap(item -> Stream.of(item.getPOST(), item.getPUT(), item.getPATCH(), item.getDELETE()))
                .filter(Objects::nonNull)
                .forEach(op -> op.addParameter(OASFactory.createParameter().name(IdempotencyKey.HEADER)
                        .in(Parameter.In.HEADER).required(false)
                        .description("Optional. The same key from the same user for the same request (method, path, "
                                + "body) within 24 h gets the first answer again, with Idempotency-Replayed: true, "
                                + "and changes nothing; for another request it is 422 idempotency-key-reused. A request "
                                + "that failed keeps no key. At most 200 printable ASCII characters, quoted or not.")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                                .maxLength(IdempotencyKey.MAX_LENGTH))));
    }
}
