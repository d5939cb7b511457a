package com.parkingspots.payments.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a payments event listener on a task thread instead of the thread that committed the event (a refund calls
 * Stripe: the cancelling request or the lifecycle job should not wait for it). Only this annotation enables
 * asynchronous execution ({@link PaymentsConfiguration}), so other modules' listeners keep their synchronous,
 * in-commit-order delivery.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface AsyncListener {}
