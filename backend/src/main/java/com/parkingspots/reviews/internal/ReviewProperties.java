package com.parkingspots.reviews.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param editWindow how long after the stay a reviewer may still edit or delete their review ({@code REVIEW_EDIT_WINDOW}) */
@ConfigurationProperties("parkingspots.reviews")
public record ReviewProperties(@DefaultValue("14d") Duration editWindow) {}
