package sh.grassroots.gateway.auth.model;

import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.access.Roles;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The coarse, role-only checks the gateway makes before a request reaches a service: what is
 * plainly out of bounds for the caller's roles (a member restructuring the tree, a member reading
 * a session's check-in code). Whether the caller may act on that particular object (their own
 * branch, their district, a station they manage) is for the service to decide; it sees the roles
 * and the scope in X-Caller-* headers. A rule never refuses a caller the service would allow: its
 * roles are every role that some scope of the service's policy lets do that.
 *
 * <p>The path must be in the gateway's normal form ({@code routing.model.RequestPath}): the rules
 * match it as the service's router will. They match case-insensitively all the same, so that a
 * path a router might match without regard to case cannot slip past them.
 */
public final class RolePolicy {

    /** Which requests a rule applies to. OPTIONS is neither: it carries no data and runs no operation. */
    public enum Methods {
        /** Every method but GET, HEAD and OPTIONS. */
        WRITES,
        /** GET and HEAD (JAX-RS answers HEAD by running the GET method). */
        READS,
        /** Both. */
        ALL;

        boolean include(String method) {
            boolean read = method.equals("GET") || method.equals("HEAD");
            boolean write = !read && !method.equals("OPTIONS");
            return switch (this) {
                case WRITES -> write;
                case READS -> read;
                case ALL -> read || write;
            };
        }
    }

    /** Requests of {@code methods} to paths matching {@code path} need one of {@code roles}. */
    public record Rule(String name, Methods methods, Pattern path, Set<String> roles) {
        public Rule {
            roles = Set.copyOf(roles);
        }

        static Rule of(String name, Methods methods, String pathRegex, Set<String> roles) {
            return new Rule(name, methods, Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE), roles);
        }
    }

    public record Refusal(String rule, Set<String> needsOneOf) {
    }

    private static final String ID = "[^/]+";
    /** A station's managers (named by the district admin) and the admin of the station's district. */
    private static final Set<String> STATION_MANAGERS = Set.of(Roles.STATION_MANAGER, Roles.DISTRICT_ADMIN);

    public static final List<Rule> DEFAULT = List.of(
            Rule.of("organization-structure", Methods.WRITES, "/api/v1/orgs/organizations(/.*)?",
                    Permission.MANAGE_STRUCTURE.grantedBy()),
            // a member changes their own phone themselves (org-service checks it is theirs)
            Rule.of("member-records", Methods.WRITES, "/api/v1/orgs/members(/" + ID + "/(status|leave|attributes))?",
                    Permission.MANAGE_MEMBERS.grantedBy()),
            Rule.of("branches-and-villages", Methods.WRITES, "/api/v1/orgs/(branches|villages)(/.*)?",
                    Permission.MANAGE_MEMBERS.grantedBy()),
            // a member unit's staff (learners) are also registered by whoever manages the members of
            // the unit's organization (org-service checks which): not the conference office's alone
            Rule.of("joint-conferences", Methods.WRITES,
                    "/api/v1/orgs/conferences(/(?!" + ID + "/units/" + ID + "/staff(/|$)).*)?",
                    Set.of(Roles.ORGANIZER, Roles.DISTRICT_ADMIN)),
            Rule.of("unit-staff", Methods.WRITES, "/api/v1/orgs/conferences/" + ID + "/units/" + ID + "/staff(/" + ID + ")?",
                    union(Set.of(Roles.ORGANIZER, Roles.DISTRICT_ADMIN), Permission.MANAGE_MEMBERS.grantedBy())),

            // Courses and sessions are run by whoever may MANAGE_TRAINING at the provider (a joint
            // conference's course by its office: the host district's admin or organizers, within it).
            Rule.of("courses-and-sessions", Methods.WRITES, "/api/v1/training/courses(/.*)?"
                            + "|/api/v1/training/sessions(/" + ID + "(/cancellation|/no-shows|/attendance|/check-in-code)?)?",
                    Permission.MANAGE_TRAINING.grantedBy()),
            Rule.of("session-organizers-reads", Methods.READS,
                    "/api/v1/training/sessions/" + ID + "/(check-in-code|enrolments)",
                    Permission.MANAGE_TRAINING.grantedBy()),
            // a person enrols themselves (any role); a whole organization needs MANAGE_MEMBERS there
            Rule.of("bulk-enrolment", Methods.WRITES, "/api/v1/training/sessions/" + ID + "/bulk-enrolments",
                    Permission.MANAGE_MEMBERS.grantedBy()),
            Rule.of("credit-reversal", Methods.WRITES, "/api/v1/training/credit-entries/" + ID + "/reversal",
                    Permission.MANAGE_TRAINING.grantedBy()),
            Rule.of("completion-reports", Methods.READS, "/api/v1/training/completion-reports(/.*)?",
                    Permission.READ_TRAINING.grantedBy()),

            Rule.of("station-setup", Methods.WRITES, "/api/v1/stations(/" + ID + "/managers(/.*)?)?",
                    Set.of(Roles.DISTRICT_ADMIN)),
            Rule.of("station-managers-list", Methods.READS, "/api/v1/stations/" + ID + "/managers(/.*)?",
                    STATION_MANAGERS),
            Rule.of("rooms-and-closures", Methods.WRITES, "/api/v1/stations/" + ID + "/(closures|rooms)(/" + ID + ")?",
                    STATION_MANAGERS),
            Rule.of("booking-desk", Methods.WRITES,
                    "/api/v1/stations/" + ID + "/bookings/" + ID + "/(approve|reject|check-in)",
                    STATION_MANAGERS),
            Rule.of("station-usage", Methods.READS, "/api/v1/stations/" + ID + "/usage(/.*)?",
                    STATION_MANAGERS),
            // a mediation is arranged and its record kept by the station or the neighbourhood's party
            // workers (MANAGE_MEMBERS at the arranging organization; a member unit's conference office)
            Rule.of("mediations", Methods.ALL,
                    "/api/v1/stations/" + ID + "/(rooms/" + ID + "/mediations|mediations(/.*)?)",
                    union(STATION_MANAGERS, Permission.MANAGE_MEMBERS.grantedBy())));

    private final List<Rule> rules;

    public RolePolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Optional<Refusal> check(String method, String path, Set<String> roles) {
        for (Rule rule : rules) {
            if (rule.methods().include(method) && rule.path().matcher(path).matches()
                    && rule.roles().stream().noneMatch(roles::contains)) {
                return Optional.of(new Refusal(rule.name(), rule.roles()));
            }
        }
        return Optional.empty();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
