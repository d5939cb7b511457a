/** Accounts, sign-up and sign-in, tokens, OAuth, roles and user administration. */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package com.parkingspots.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
