package org.pilotline.mes.kit.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A JAX-RS resource (class or method) whose state-changing operations (POST, PUT, PATCH, DELETE) honour the
 * {@code Idempotency-Key} request header: a request repeated with the same key is answered again, not applied again.
 * Put it on every resource class that changes state; reads pass through untouched. See
 * {@link IdempotencyInterceptor}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Idempotent {
}
