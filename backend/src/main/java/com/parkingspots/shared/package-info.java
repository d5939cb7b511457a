/** Shared kernel: configuration, database bootstrap, web conventions (errors, JSON, CORS) and the caller identity every module reads. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package com.parkingspots.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
