package sh.grassroots.platform.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is calling, as the gateway says in the X-Caller-* headers it sets after verifying the
 * token (it drops any the client sent). Services read it to make their own object-level checks:
 * the gateway's word on roles is not the only guard.
 *
 * @param subject  the person's member id, or the service identity's client id
 * @param kind     {@link Kind#PERSON} or {@link Kind#SERVICE} (another district's system)
 * @param roles    e.g. member, branch_secretary, organizer, station_manager, training_admin,
 *                 district_admin, service
 * @param orgScope the organization id the caller's roles apply to (their branch, committee or
 *                 district root), or null
 * @param district the district code the caller belongs to (six digits), or null
 */
public record CallerHeaders(String subject, Kind kind, Set<String> roles, String orgScope, String district) {
    public static final String SUBJECT = "X-Caller-Subject";
    public static final String KIND = "X-Caller-Kind";
    public static final String ROLES = "X-Caller-Roles";
    public static final String ORG_SCOPE = "X-Caller-Org-Scope";
    public static final String DISTRICT = "X-Caller-District";

    public enum Kind { PERSON, SERVICE }

    public CallerHeaders {
        roles = Set.copyOf(roles);
    }

    /**
     * Reads the caller from request headers; empty when there is no subject (the request did not
     * come through the gateway) or the kind is unreadable.
     */
    public static Optional<CallerHeaders> from(Function<String, String> header) {
        String subject = blankToNull(header.apply(SUBJECT));
        if (subject == null) {
            return Optional.empty();
        }
        String kindText = blankToNull(header.apply(KIND));
        Kind kind;
        try {
            kind = kindText == null ? Kind.PERSON : Kind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String rolesText = header.apply(ROLES);
        Set<String> roles = rolesText == null ? Set.of()
                : Arrays.stream(rolesText.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CallerHeaders(subject, kind, roles, blankToNull(header.apply(ORG_SCOPE)),
                blankToNull(header.apply(DISTRICT))));
    }

    /**
     * The caller, or a 401 problem when the request did not come through the gateway. For
     * services that are only reachable through it.
     */
    public static CallerHeaders require(Function<String, String> header) {
        return from(header).orElseThrow(() -> new ProblemException(Problem.of(401, "unauthenticated",
                "Unauthenticated", "This endpoint is reached through the gateway with a token")));
    }

    /**
     * A person's own records (their sessions, hours, bookings) are for them and for those whose
     * role lets them look after others; everyone else gets a 403 problem.
     */
    public void requireSelfOrRole(String personId, String... roles) {
        if (!isService() && subject.equals(personId)) {
            return;
        }
        if (!isService() && hasAnyRole(roles)) {
            return;
        }
        throw new ProblemException(Problem.of(403, "not-own-record", "Forbidden",
                "These are another person's records; only they"
                        + (roles.length == 0 ? "" : " or a " + String.join("/", roles)) + " may see them"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String c : candidates) {
            if (roles.contains(c)) {
                return true;
            }
        }
        return false;
    }

    public boolean isService() {
        return kind == Kind.SERVICE;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
