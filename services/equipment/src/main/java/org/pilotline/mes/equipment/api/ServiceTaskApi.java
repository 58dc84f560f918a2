package org.pilotline.mes.equipment.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of /equipment/{id}/service-tasks. */
public final class ServiceTaskApi {

    private ServiceTaskApi() {
    }

    /** kind: CALIBRATION or MAINTENANCE; dueOn: when it is next due. */
    public record DefineTask(@NotNull @Pattern(regexp = "CALIBRATION|MAINTENANCE") String kind,
            @Min(1) @Max(3650) int intervalDays, @NotNull LocalDate dueOn, @Size(max = 2000) String reason) {
    }

    /** doneOn: default today; reference: certificate or work-order number of the job. */
    public record TaskDone(LocalDate doneOn, @Size(max = 200) String reference) {
    }

    public record TaskView(String equipment, String task, String kind, int intervalDays, LocalDate dueOn,
            LocalDate lastDoneOn, String lastDoneBy, String reference) {
    }
}
