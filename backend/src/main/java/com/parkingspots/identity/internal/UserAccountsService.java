package com.parkingspots.identity.internal;

import com.parkingspots.identity.UserAccounts;
import com.parkingspots.identity.UserProfile;
import com.parkingspots.shared.security.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

@Service
class UserAccountsService implements UserAccounts {

    private final Users users;
    private final Passwords passwords;
    private final AccountStates accounts;
    private final Clock clock;

    UserAccountsService(Users users, Passwords passwords, AccountStates accounts, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public UUID ensureDemoUser(String email, String password, String fullName, Role role) {
        return users.findByEmail(email)
                .map(User::id)
                .orElseGet(() -> users.insert(
                                email,
                                passwords.hash(password),
                                fullName,
                                null,
                                role,
                                true,
                                null,
                                null,
                                null,
                                clock.instant())
                        .id());
    }

    @Override
    public boolean exists(String email) {
        return users.findByEmail(email).isPresent();
    }

    @Override
    public void promoteToOwner(UUID userId) {
        users.promoteToOwner(userId, clock.instant());
        accounts.changed(userId);
    }

    @Override
    public Optional<UserProfile> profile(UUID userId) {
        return users.findById(userId).map(UserAccountsService::profile);
    }

    @Override
    public Optional<com.parkingspots.identity.UserContact> contact(UUID userId) {
        return users.findById(userId)
                .map(user -> new com.parkingspots.identity.UserContact(
                        user.id(), user.email(), user.fullName(), user.active()));
    }

    @Override
    public Map<UUID, UserProfile> profiles(Collection<UUID> userIds) {
        return users.findAll(userIds.stream().distinct().toList()).stream()
                .map(UserAccountsService::profile)
                .collect(Collectors.toMap(UserProfile::id, Function.identity()));
    }

    private static UserProfile profile(User user) {
        return new UserProfile(user.id(), user.fullName(), user.profileImage(), user.role(), user.active());
    }
}
