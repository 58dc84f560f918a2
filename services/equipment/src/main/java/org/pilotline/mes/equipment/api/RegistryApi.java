package org.pilotline.mes.equipment.api;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the registry: hierarchy, equipment classes, equipment, environment limits. */
public final class RegistryApi {

    /** Ids as in MQTT topics. */
    public static final String ID = "[A-Za-z0-9_-]{1,100}";

    private RegistryApi() {
    }

    /** A node of the ISA-95 hierarchy; parent: the parent's id (none for the enterprise). */
    public record NewNode(@NotNull @Pattern(regexp = "ENTERPRISE|SITE|AREA|LINE|WORK_CELL") String level,
            @NotNull @Pattern(regexp = ID) String code, @NotBlank @Size(max = 200) String name,
            @Size(max = 400) String parent) {
    }

    /** A node with what is under it: child nodes, and the equipment of a line or work cell. */
    public record NodeView(String id, String level, String code, String name, List<NodeView> children,
            List<String> equipment) {
    }

    public record TagSpec(@NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}") String tag,
            @NotBlank @Size(max = 50) String unit, @NotBlank @Size(max = 500) String meaning) {
    }

    public record ClassSpec(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal idealCycleSeconds,
            @NotNull @Size(max = 200) List<@Valid @NotNull TagSpec> tags, @Size(max = 2000) String reason) {
    }

    /** Registers equipment or changes where it stands; workCell is the code of a work cell of the line. */
    public record EquipmentSpec(@NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = ID) String equipmentClass, @NotNull @Pattern(regexp = ID) String site,
            @NotNull @Pattern(regexp = ID) String area, @NotNull @Pattern(regexp = ID) String line,
            @Pattern(regexp = ID) String workCell,
            @DecimalMin(value = "0", inclusive = false) BigDecimal idealCycleSeconds,
            @Size(max = 2000) String reason) {
    }

    /** At least one of lower and upper; unit defaults to the tag's unit in the class. */
    public record LimitSpec(Double lower, Double upper, @Size(max = 50) String unit,
            @Size(max = 2000) String reason) {
    }
}
