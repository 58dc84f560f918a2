package org.pilotline.mes.equipment.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.equipment.api.ServiceTaskApi.DefineTask;
import org.pilotline.mes.equipment.api.ServiceTaskApi.TaskDone;
import org.pilotline.mes.equipment.api.ServiceTaskApi.TaskView;
import org.pilotline.mes.equipment.domain.ServiceTaskService;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/equipment/{id}/service-tasks")
@Tag(name = "Calibration and maintenance", description = "Due dates per equipment; overdue means not available")
@Idempotent
public class ServiceTaskResource {

    private final ServiceTaskService tasks;
    private final SecurityIdentity identity;

    ServiceTaskResource(ServiceTaskService tasks, SecurityIdentity identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "The equipment's calibration and maintenance tasks, soonest due first")
    public List<TaskView> list(@PathParam("id") String id) {
        return tasks.of(id);
    }

    @GET
    @Path("/{task}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public TaskView get(@PathParam("id") String id, @PathParam("task") String task) {
        return tasks.of(id).stream().filter(t -> t.task().equals(task)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Service task", id + "/" + task));
    }

    @PUT
    @Path("/{task}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Define a task or change its kind, interval or due date")
    public TaskView define(@PathParam("id") String id,
            @PathParam("task") @Pattern(regexp = "[A-Za-z0-9_-]{1,100}") String task, @Valid @NotNull DefineTask req) {
        return tasks.define(id, task, req, Actor.of(identity));
    }

    @POST
    @Path("/{task}/done")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.ADMIN })
    @Operation(summary = "Record the task done: it is next due its interval after the day it was done")
    public TaskView done(@PathParam("id") String id, @PathParam("task") String task, @Valid TaskDone req) {
        return tasks.done(id, task, req == null ? new TaskDone(null, null) : req, LocalDate.now(), Actor.of(identity));
    }
}
