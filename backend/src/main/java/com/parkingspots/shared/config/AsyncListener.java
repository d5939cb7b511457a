package com.parkingspots.shared.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an event listener on a task thread instead of the thread that committed the event (a refund calls Stripe, a
 * notification renders and stores emails: the request or the lifecycle job should not wait for them). Only this
 * annotation enables asynchronous execution ({@link AsyncListeners}), so other listeners keep their synchronous,
 * in-commit-order delivery.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AsyncListener {}
