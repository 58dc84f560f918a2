package org.pilotline.mes.kit.idempotency;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.pilotline.mes.kit.security.Actor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Applies a state-changing request that carries an {@code Idempotency-Key} once. Around the resource method, in one
 * transaction (the domain services' {@code @Transactional} join it): claim the key (user, key), apply, keep the answer.
 * A request repeated with the same key, method, path and body gets the kept answer again with
 * {@code Idempotency-Replayed: true} and changes nothing; the same key for anything else is 422. A request that fails
 * rolls back its key with its change, so it can be sent again. Without the header the method runs as it always did.
 * Runs before the transaction and validation interceptors, after the roles check.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    /** Whether a resource method changes state (POST, PUT, PATCH, DELETE), per method. */
    private static final Map<Method, Boolean> WRITES = new ConcurrentHashMap<>();
    private static final String CLAIMED = "mes.idempotency.claimed";

    private final IdempotencyKeys keys;
    private final ContainerRequestContext request;
    private final SecurityIdentity identity;
    private final TransactionManager transactions;
    private final ObjectMapper json;

    @Inject
    IdempotencyInterceptor(IdempotencyKeys keys, ContainerRequestContext request, SecurityIdentity identity,
            TransactionManager transactions, ObjectMapper json) {
        this.keys = keys;
        this.request = request;
        this.identity = identity;
        this.transactions = transactions;
        this.json = json;
    }

    @AroundInvoke
    Object applyOnce(InvocationContext ctx) throws Exception {
        if (!WRITES.computeIfAbsent(ctx.getMethod(), IdempotencyInterceptor::changesState)
                || request.getProperty(CLAIMED) != null) {
            return ctx.proceed();
        }
        IdempotencyKey key = IdempotencyKey.of(request.getHeaders().get(IdempotencyKey.HEADER));
        if (key == null) {
            return ctx.proceed();
        }
        String body = (String) request.getProperty(BodyFingerprint.PROPERTY);
        if (body == null) {
            throw new IllegalStateException("no body fingerprint for " + ctx.getMethod());
        }
        IdempotencyKeys.Claim claim = new IdempotencyKeys.Claim(Actor.of(identity).id(), key.value(),
                request.getMethod(), target(), body);
        request.setProperty(CLAIMED, Boolean.TRUE);
        boolean began = transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
        if (began) {
            transactions.begin();
        }
        Object result;
        try {
            Optional<StoredAnswer> earlier = keys.claim(claim);
            if (earlier.isPresent()) {
                throw new Replay(earlier.get());
            }
            result = ctx.proceed();
            StoredAnswer answer = answer(ctx.getMethod(), result);
            if (answer.status() >= 400) {
                throw new RefusedAnswer(result); // kept nowhere: a refusal changes nothing and may be sent again
            }
            keys.answer(claim, answer);
        } catch (RefusedAnswer refused) {
            end(began, false);
            return refused.result;
        } catch (Throwable t) {
            end(began, false);
            throw t;
        }
        end(began, true); // a failing commit throws here, as it would from @Transactional
        return result;
    }

    private void end(boolean began, boolean commit) throws Exception {
        if (!began) {
            if (!commit) {
                transactions.setRollbackOnly();
            }
        } else if (commit) {
            transactions.commit();
        } else if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            transactions.rollback();
        }
    }

    /** The request as addressed: method and raw path with its query. */
    private String target() {
        var uri = request.getUriInfo().getRequestUri();
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** The answer as the client gets it: a Response as built, null as 204, anything else as 200 with its JSON. */
    private StoredAnswer answer(Method method, Object result) throws Exception {
        if (result instanceof Uni<?> || result instanceof CompletionStage<?>) {
            throw new IllegalStateException("@Idempotent supports blocking resource methods only: " + method);
        }
        int status;
        Object entity;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String contentType = null;
        if (result instanceof Response r) {
            status = r.getStatus();
            entity = r.getEntity();
            contentType = r.getMediaType() == null ? null : r.getMediaType().toString();
            r.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                    headers.put(name, List.copyOf(values));
                }
            });
        } else {
            status = result == null ? 204 : 200;
            entity = result;
        }
        if (entity == null) {
            return new StoredAnswer(status, null, headers, null);
        }
        if (contentType == null) {
            contentType = produces(method);
        }
        if (!contentType.contains("charset") && (contentType.contains("json") || contentType.startsWith("text/"))) {
            contentType += ";charset=UTF-8"; // as the REST layer sends a body it writes itself
        }
        byte[] body = entity instanceof byte[] bytes ? bytes
                : entity instanceof String text && !contentType.contains("json")
                        ? text.getBytes(StandardCharsets.UTF_8)
                        : json.writeValueAsBytes(entity);
        return new StoredAnswer(status, contentType, headers, body);
    }

    private static String produces(Method method) {
        Produces p = method.getAnnotation(Produces.class);
        if (p == null) {
            p = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return p == null || p.value().length == 0 ? MediaType.APPLICATION_JSON : p.value()[0];
    }

    private static boolean changesState(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null && BodyFingerprint.WRITES.contains(http.value())) {
                return true;
            }
        }
        return false;
    }

    /** A resource that answered an error without throwing: rolled back, not kept, answered as it is. */
    private static final class RefusedAnswer extends RuntimeException {
        private final transient Object result;

        RefusedAnswer(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
