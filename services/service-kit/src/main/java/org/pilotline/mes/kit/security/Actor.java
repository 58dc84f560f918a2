package org.pilotline.mes.kit.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who did something: a person (token subject) or a device (equipment id), with a name people read. */
public record Actor(String id, String name) {

    public static Actor device(String equipmentId) {
        return new Actor("device:" + equipmentId, equipmentId);
    }

    public static Actor system(String service) {
        return new Actor("service:" + service, service);
    }

    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Actor("anonymous", "anonymous");
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String username = jwt.getClaim("preferred_username");
            return new Actor(jwt.getSubject(), username != null ? username : jwt.getName());
        }
        return new Actor(identity.getPrincipal().getName(), identity.getPrincipal().getName());
    }
}
