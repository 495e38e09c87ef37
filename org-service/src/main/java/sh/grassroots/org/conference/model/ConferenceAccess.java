package sh.grassroots.org.conference.model;

import java.util.Optional;
import java.util.Set;

/**
 * Who may do what with a joint conference. A conference belongs to its host district, not to a
 * subtree of the tree: its office (the district admin or an organizer of the district's
 * organization department) runs it, any person may read it, and other districts' systems have
 * no business here.
 */
public final class ConferenceAccess {
    public static final String DISTRICT_ADMIN = "district_admin";
    public static final String ORGANIZER = "organizer";

    public record Caller(boolean service, Set<String> roles, String district) {
        public Caller {
            roles = Set.copyOf(roles);
        }
    }

    /** Why a caller was refused; the slug is stable. */
    public record Denial(String slug, String detail) {
    }

    private ConferenceAccess() {
    }

    public static Optional<Denial> mayRead(Caller caller) {
        return serviceIdentity(caller);
    }

    public static Optional<Denial> mayWrite(Caller caller, String hostDistrict) {
        Optional<Denial> service = serviceIdentity(caller);
        if (service.isPresent()) {
            return service;
        }
        if (!caller.roles().contains(DISTRICT_ADMIN) && !caller.roles().contains(ORGANIZER)) {
            return Optional.of(new Denial("conference-role-not-allowed", "Only a district admin or an organizer "
                    + "runs a joint conference; your roles are " + caller.roles().stream().sorted().toList()));
        }
        if (!hostDistrict.equals(caller.district())) {
            return Optional.of(new Denial("conference-outside-district", "The conference is hosted by district "
                    + hostDistrict + "; you act for " + (caller.district() == null ? "no district" : "district "
                    + caller.district())));
        }
        return Optional.empty();
    }

    private static Optional<Denial> serviceIdentity(Caller caller) {
        if (caller.service()) {
            return Optional.of(new Denial("service-identity-not-allowed",
                    "Another district's service identity may only call the inter-district endpoints"));
        }
        return Optional.empty();
    }
}
