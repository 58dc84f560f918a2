package org.pilotline.mes.equipment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.equipment.domain.MachineCredentials;
import org.pilotline.mes.equipment.persistence.CredentialStore.Credential;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A machine's own broker credential. Issuing is not {@code @Idempotent} on purpose: a replayed answer would have to
 * keep the password, which must exist only in the one answer that issues it.
 */
@Path("/equipment/{id}/broker-credential")
@Tag(name = "Equipment", description = "Machines' broker credentials")
public class MachineCredentialResource {

    private final MachineCredentials credentials;
    private final SecurityIdentity identity;

    MachineCredentialResource(MachineCredentials credentials, SecurityIdentity identity) {
        this.credentials = credentials;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Issue the machine's broker credential (the password is shown in this answer only)",
            description = "Replaces an earlier credential, which stops working at once. The account may publish only "
                    + "under the machine's topic prefix and as its own Sparkplug edge node, and read only the commands "
                    + "addressed to it. 503 when the broker could not be changed (then nothing is issued). Audited.")
    public Response issue(@PathParam("id") String id) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.status(201).entity(credentials.issue(id, Actor.of(identity))).cacheControl(noStore).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "Who issued the machine's credential and when, and whether it is revoked (never the secret)")
    public Credential get(@PathParam("id") String id) {
        return credentials.find(id);
    }

    @DELETE
    @Idempotent
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke the machine's credential: the broker refuses it from now on, without a restart",
            description = "409 when it holds no valid credential; 503 when the broker could not be changed. Audited.")
    public Credential revoke(@PathParam("id") String id) {
        return credentials.revoke(id, Actor.of(identity));
    }
}
