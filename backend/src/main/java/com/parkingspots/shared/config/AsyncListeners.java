package com.parkingspots.shared.config;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Asynchronous execution for {@link AsyncListener} methods only (one such switch may exist in a context), on a small
 * bounded pool of its own: {@code parkingspots.events.listener-threads} threads (default 6) and a queue of
 * {@code parkingspots.events.listener-queue} tasks. Unbounded, every committed booking started its listeners at once
 * and they took the whole connection pool from the requests (measured: at 50 bookings/s, 20 of 20 connections held and
 * 170 requests waiting). A task the full queue refuses is not lost: its event publication stays incomplete and
 * {@code EventPublicationMaintenance} delivers it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync(annotation = AsyncListener.class)
class AsyncListeners implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncListeners.class);

    private final int threads;
    private final int queue;

    AsyncListeners(
            @Value("${parkingspots.events.listener-threads:6}") int threads,
            @Value("${parkingspots.events.listener-queue:20000}") int queue) {
        this.threads = Math.max(1, threads);
        this.queue = Math.max(1, queue);
    }

    @Override
    public Executor getAsyncExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("event-listener-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setRejectedExecutionHandler(resubmittedLater());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }

    private static RejectedExecutionHandler resubmittedLater() {
        return (task, pool) -> log.warn(
                "Event listener queue full ({} waiting): the publication stays incomplete and is delivered again later",
                pool.getQueue().size());
    }
}
