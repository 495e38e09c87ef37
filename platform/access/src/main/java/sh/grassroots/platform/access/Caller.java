package sh.grassroots.platform.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the gateway says after verifying the token (see {@link CallerHeaders}).
 *
 * @param subject  the person's member id, or the service identity's client id
 * @param kind     a person, or another district's system
 * @param roles    see {@link Roles}; unknown roles are carried and grant nothing
 * @param orgScope the organization id the caller's tree roles apply to (their branch, committee
 *                 or department), or null
 * @param district the district code the caller acts for (six digits), or null
 */
public record Caller(String subject, Kind kind, Set<String> roles, String orgScope, String district) {

    public enum Kind { PERSON, SERVICE }

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        roles = Set.copyOf(roles);
    }

    public static Caller person(String subject, Set<String> roles, String orgScope, String district) {
        return new Caller(subject, Kind.PERSON, roles, orgScope, district);
    }

    public boolean isService() {
        return kind == Kind.SERVICE;
    }

    /** True when the caller is the person {@code personId} themselves (never for a service identity). */
    public boolean is(Object personId) {
        return kind == Kind.PERSON && personId != null && subject.equals(personId.toString());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<String> candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The organization scope as an id; empty when there is none or it is not a UUID (it names nothing). */
    public Optional<UUID> orgScopeId() {
        if (orgScope == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(orgScope));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
