@NullMarked
package com.parkingspots.notifications.internal;

import org.jspecify.annotations.NullMarked;
