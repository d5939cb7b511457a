@NullMarked
package com.parkingspots.notifications.web;

import org.jspecify.annotations.NullMarked;
