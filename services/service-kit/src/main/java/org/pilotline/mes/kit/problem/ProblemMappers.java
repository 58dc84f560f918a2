package org.pilotline.mes.kit.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error leaves a service as problem+json with a stable type. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(), path(uri),
                e.reasons(), List.of()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s)", path(uri), List.of(), errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(Problem.type("malformed-json"), "Malformed request body", 400,
                e.getOriginalMessage(), path(uri), List.of(), List.of()));
    }

    /** Wrong type or unknown enum value; more specific than Quarkus's own mapper, which answers plain JSON. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return respond(new Problem(Problem.type("malformed-json"), "Malformed request body", 400,
                field == null ? e.getOriginalMessage() : "Field '" + field + "' has a value of the wrong type or form",
                path(uri), List.of(), field == null ? List.of() : List.of(new Problem.FieldError(field,
                        "wrong type or unknown value"))));
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return staleState(uri);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(StaleObjectStateException e, UriInfo uri) {
        return staleState(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your roles do not allow this", path(uri), List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "A valid bearer token from the mes realm is required", path(uri), List.of(), List.of())))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(Problem.type("http-" + status), title, status, e.getMessage(), path(uri),
                List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (e.getCause() instanceof OptimisticLockException || e.getCause() instanceof StaleObjectStateException) {
            return staleState(uri);
        }
        if (DependencyDown.causes(e)) {
            LOG.warn("database unavailable on " + path(uri) + ": " + e.getMessage());
            return Response.fromResponse(respond(new Problem(Problem.type("unavailable"), "Temporarily unavailable",
                    503, "The service cannot reach its database just now; try again in a few seconds", path(uri),
                    List.of(), List.of()))).header("Retry-After", "5").build();
        }
        String unstorable = UnstorableValue.reason(e);
        if (unstorable != null) {
            LOG.info("refused a value the database cannot store on " + path(uri) + ": " + unstorable);
            return respond(new Problem(Problem.type("unstorable-value"), "Value out of range", 400,
                    "The request holds a value the service cannot store (" + unstorable + ")", path(uri), List.of(),
                    List.of()));
        }
        LOG.error("unexpected error on " + path(uri), e);
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "The service could not complete the request; it has been logged", path(uri), List.of(), List.of()));
    }

    private Response staleState(UriInfo uri) {
        return respond(new Problem(Problem.type("concurrent-update"), "Changed by someone else", 409,
                "Another user changed this at the same time; reload and try again", path(uri), List.of(), List.of()));
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** "approve.arg1.reason" -> "reason": the field as the client sent it. */
    private static String field(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
