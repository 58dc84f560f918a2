package org.pilotline.mes.workorders.api;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pilotline.mes.workorders.domain.Chemistry;
import org.pilotline.mes.workorders.domain.Stage;

/** Request and response bodies of /products. */
public final class ProductApi {

    /** Business ids appear in URLs: letters, digits, '-', '_', '.'. */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private ProductApi() {
    }

    public record CreateProduct(
            @NotBlank @Pattern(regexp = CODE, message = "letters, digits, '.', '_' or '-', at most 64") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull Stage stage,
            @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal nominalCapacityAh,
            String scaledFrom,
            @Valid Chemistry chemistry) {
    }

    /** scaledFrom: the format this one was scaled up from (a 60 Ah cell from its 20 Ah ancestor). */
    public record ProductView(String code, String name, Stage stage, BigDecimal nominalCapacityAh, String scaledFrom,
            Chemistry chemistry, Instant createdAt) {
    }
}
