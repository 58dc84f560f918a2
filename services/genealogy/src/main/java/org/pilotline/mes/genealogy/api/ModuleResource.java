package org.pilotline.mes.genealogy.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.genealogy.api.GenealogyApi.BuildModule;
import org.pilotline.mes.genealogy.api.GenealogyApi.ModuleTrace;
import org.pilotline.mes.genealogy.api.GenealogyApi.ModuleView;
import org.pilotline.mes.genealogy.domain.ModuleService;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/modules")
@Tag(name = "Modules", description = "Cells built into modules")
@Idempotent
public class ModuleResource {

    private final ModuleService modules;
    private final SecurityIdentity identity;

    ModuleResource(ModuleService modules, SecurityIdentity identity) {
        this.modules = modules;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR })
    @Operation(summary = "Build a module: its cells in position order",
            description = "404 for unknown cells; 409 module-exists, or cell-not-placeable for a cell already in a "
                    + "module or of a rejected lot (all reasons listed). Audited; announced as module.assembled.")
    public Response build(@Valid @NotNull BuildModule req) {
        ModuleView view = modules.build(req, Actor.of(identity));
        return Response.created(URI.create("modules/" + view.serial())).entity(view).build();
    }

    @GET
    @Path("/{serial}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public ModuleView get(@PathParam("serial") String serial) {
        return modules.module(serial);
    }

    @GET
    @Path("/{serial}/trace/backward")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Every material lot upstream of the module's cells, to the raw lots")
    public ModuleTrace backward(@PathParam("serial") String serial) {
        return modules.backward(serial);
    }
}
