package org.pilotline.mes.equipment.api;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.equipment.api.RegistryApi.ClassSpec;
import org.pilotline.mes.equipment.api.RegistryApi.NewNode;
import org.pilotline.mes.equipment.api.RegistryApi.NodeView;
import org.pilotline.mes.equipment.domain.RegistryService;
import org.pilotline.mes.equipment.persistence.RegistryStore;
import org.pilotline.mes.equipment.persistence.RegistryStore.EquipmentClass;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/")
@Tag(name = "Registry", description = "ISA-95 hierarchy and equipment classes with the tags they publish")
@Idempotent
public class RegistryResource {

    private final RegistryService registry;
    private final RegistryStore store;
    private final SecurityIdentity identity;

    RegistryResource(RegistryService registry, RegistryStore store, SecurityIdentity identity) {
        this.registry = registry;
        this.store = store;
        this.identity = identity;
    }

    @GET
    @Path("hierarchy")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Enterprise, sites, areas, lines and work cells, with the equipment of each")
    public List<NodeView> hierarchy() {
        return registry.tree();
    }

    @POST
    @Path("hierarchy")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a site, area, line or work cell under its parent (409 if it exists)")
    public Response addNode(@Valid @NotNull NewNode req) {
        return Response.status(201).entity(registry.addNode(req, Actor.of(identity))).build();
    }

    @GET
    @Path("equipment-classes")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    @Operation(summary = "Equipment classes with ideal cycle time and the tags each publishes (unit, meaning)")
    public List<EquipmentClass> classes() {
        return store.classes();
    }

    @GET
    @Path("equipment-classes/{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
    public EquipmentClass equipmentClass(@PathParam("id") String id) {
        return store.equipmentClass(id).orElseThrow(() -> ProblemException.notFound("Equipment class", id));
    }

    @PUT
    @Path("equipment-classes/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Define a class or replace its name, ideal cycle time and tags")
    public EquipmentClass putClass(@PathParam("id") @Pattern(regexp = RegistryApi.ID) String id,
            @Valid @NotNull ClassSpec spec) {
        return registry.putClass(id, spec, Actor.of(identity));
    }
}
