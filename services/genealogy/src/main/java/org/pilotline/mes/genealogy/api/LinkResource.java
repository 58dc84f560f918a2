package org.pilotline.mes.genealogy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Roles;
import org.pilotline.mes.genealogy.api.GenealogyApi.CorrectLink;
import org.pilotline.mes.genealogy.domain.LinkCorrections;
import org.pilotline.mes.kit.security.Actor;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/links")
@Tag(name = "As-built graph", description = "Corrections of links found wrong")
@Idempotent
public class LinkResource {

    private final LinkCorrections corrections;
    private final SecurityIdentity identity;

    LinkResource(LinkCorrections corrections, SecurityIdentity identity) {
        this.corrections = corrections;
        this.identity = identity;
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.QUALITY })
    @Operation(summary = "Correct a link: it stays recorded but no longer counts; its lot gets the quantity back",
            description = "With materialLot, what really went in is consumed under the usual rules (409 when held, "
                    + "short, expired...) and linked instead. 409 link-already-corrected for a link corrected before. "
                    + "Audited with the reason; announced as link.corrected.")
    public Response correct(@PathParam("id") long id, @Valid @NotNull CorrectLink req) {
        return Response.status(Response.Status.CREATED).entity(corrections.correct(id, req, Actor.of(identity)))
                .build();
    }
}
