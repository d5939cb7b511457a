package com.parkingspots.shared.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Asynchronous execution for {@link AsyncListener} methods only (one such switch may exist in a context). */
@Configuration(proxyBeanMethods = false)
@EnableAsync(annotation = AsyncListener.class)
class AsyncListeners {}
