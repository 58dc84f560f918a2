package org.pilotline.mes.workorders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.workorders.domain.RoutingStatus;

/** Request and response bodies of /routings. */
public final class RoutingApi {

    private RoutingApi() {
    }

    public record CreateRouting(
            @NotBlank @Pattern(regexp = ProductApi.CODE) String code,
            @NotBlank String product,
            @NotEmpty @Size(max = 100) List<@Valid Operation> operations) {
    }

    public record Operation(
            @Positive int sequence,
            @NotBlank @Pattern(regexp = ProductApi.CODE) String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String workCenterType,
            @Size(max = 100) String equipmentClass,
            @Size(max = 100) String qualification,
            List<@Valid Parameter> parameters,
            List<@Valid Characteristic> characteristics) {
    }

    /** A process parameter the operation asks for, with target and limits. */
    public record Parameter(
            @NotBlank @Pattern(regexp = ProductApi.CODE) String code,
            @Size(max = 200) String name,
            @NotBlank @Size(max = 20) String unit,
            BigDecimal lowerLimit,
            BigDecimal target,
            BigDecimal upperLimit) {
    }

    /** A quality characteristic that gates the operation, with its specification limits. */
    public record Characteristic(
            @NotBlank @Pattern(regexp = ProductApi.CODE) String code,
            @Size(max = 200) String name,
            @NotBlank @Size(max = 20) String unit,
            BigDecimal lowerLimit,
            BigDecimal target,
            BigDecimal upperLimit) {
    }

    public record RoutingView(String code, int version, String product, RoutingStatus status,
            List<OperationSpec> operations, Instant createdAt, Instant releasedAt) {
    }
}
