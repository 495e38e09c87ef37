package sh.grassroots.gateway.auth.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The coarse, role-only checks the gateway makes before a request reaches a service: what is
 * plainly out of bounds for the caller's roles (a member restructuring the tree). Whether the
 * caller may act on that particular object (their own branch, their district) is for the
 * service to decide; it sees the roles and the organization scope in X-Caller-* headers.
 */
public final class RolePolicy {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Writes to paths matching {@code path} need one of {@code roles}. */
    public record Rule(String name, Pattern path, Set<String> roles) {
    }

    public record Refusal(String rule, Set<String> needsOneOf) {
    }

    public static final List<Rule> DEFAULT = List.of(
            new Rule("organization-structure", Pattern.compile("/api/v1/orgs/organizations(/.*)?"),
                    Set.of("organizer", "district_admin")),
            // a member changes their own phone themselves (org-service checks it is theirs)
            new Rule("member-records", Pattern.compile("/api/v1/orgs/members(/[^/]+/(status|leave|attributes))?"),
                    Set.of("branch_secretary", "organizer", "district_admin")),
            new Rule("branches-and-villages", Pattern.compile("/api/v1/orgs/(branches|villages)(/.*)?"),
                    Set.of("branch_secretary", "organizer", "district_admin")),
            new Rule("joint-conferences", Pattern.compile("/api/v1/orgs/conferences(/.*)?"),
                    Set.of("organizer", "district_admin")),
            new Rule("courses-and-sessions", Pattern.compile(
                    "/api/v1/training/courses(/.*)?"
                            + "|/api/v1/training/sessions(/[^/]+(/cancellation|/no-shows|/check-in-code|/attendance)?)?"),
                    Set.of("training_admin", "organizer", "district_admin")),
            new Rule("credit-reversal", Pattern.compile("/api/v1/training/credit-entries/[^/]+/reversal"),
                    Set.of("training_admin", "organizer", "district_admin")),
            new Rule("stations-and-rooms", Pattern.compile(
                    "/api/v1/stations(/[^/]+(/closures|/rooms(/[^/]+)?)?)?"),
                    Set.of("station_manager", "district_admin")),
            // a mediation at a renovation site is arranged and its outcome recorded by the
            // neighbourhood's party workers or the station, not by anyone with an account
            new Rule("mediations", Pattern.compile("/api/v1/stations/[^/]+/(rooms/[^/]+/mediations|mediations(/.*)?)"),
                    Set.of("station_manager", "branch_secretary", "organizer", "district_admin")),
            new Rule("booking-approval", Pattern.compile("/api/v1/stations/[^/]+/bookings/[^/]+/(approve|reject)"),
                    Set.of("station_manager", "district_admin")));

    private final List<Rule> rules;

    public RolePolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Optional<Refusal> check(String method, String path, Set<String> roles) {
        if (!WRITES.contains(method)) {
            return Optional.empty();
        }
        for (Rule rule : rules) {
            if (rule.path().matcher(path).matches() && rule.roles().stream().noneMatch(roles::contains)) {
                return Optional.of(new Refusal(rule.name(), rule.roles()));
            }
        }
        return Optional.empty();
    }
}
