package sh.grassroots.stations.mediation.model;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.stations.booking.model.PhoneNumber;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who sits at the table: the three roles by name and the family concerned. The family's phone is
 * optional personal data: kept for the station to call back, shown masked, never in an event.
 */
public record MediationParties(Map<MediationRole, String> roles, List<String> familyNames,
                               Optional<PhoneNumber> familyPhone) {

    public MediationParties {
        roles = Map.copyOf(roles);
        familyNames = List.copyOf(familyNames);
    }

    public String person(MediationRole role) {
        return roles.get(role);
    }

    /**
     * Checks what was asked for, role by role: every role named, three different people (the
     * lawyer advises the family and must not be the officer), at least one family member, a
     * usable phone if one is given. The first broken rule wins; a missing role lists every
     * missing one.
     */
    public static Checked check(String residentsSecretary, String expropriationOfficer, String lawyer,
                                List<String> familyNames, String familyPhone) {
        Map<MediationRole, String> named = new EnumMap<>(MediationRole.class);
        List<String> missing = new ArrayList<>();
        put(named, missing, MediationRole.RESIDENTS_SECRETARY, residentsSecretary);
        put(named, missing, MediationRole.EXPROPRIATION_OFFICER, expropriationOfficer);
        put(named, missing, MediationRole.LAWYER, lawyer);
        if (!missing.isEmpty()) {
            return new Refused(MediationRule.ROLE_MISSING.rejects(
                    "A mediation needs the residents' secretary, the expropriation officer and a lawyer; missing: "
                            + String.join(", ", missing), missing));
        }
        if (named.values().stream().distinct().count() < named.size()) {
            return new Refused(MediationRule.ROLES_NOT_DISTINCT.rejects(
                    "The three roles must be held by three different people",
                    named.keySet().stream().map(MediationRole::field).toList()));
        }
        List<String> family = familyNames == null ? List.of()
                : familyNames.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        if (family.isEmpty()) {
            return new Refused(MediationRule.FAMILY_MISSING.rejects(
                    "A mediation is held with the family concerned; name at least one of its members",
                    List.of("family.names")));
        }
        Optional<PhoneNumber> phone = Optional.empty();
        if (familyPhone != null && !familyPhone.isBlank()) {
            phone = PhoneNumber.parse(familyPhone);
            if (phone.isEmpty()) {
                return new Refused(MediationRule.INVALID_PHONE.rejects(
                        "The family's phone is not a mainland mobile number", List.of("family.phone")));
            }
        }
        return new Valid(new MediationParties(named, family, phone));
    }

    private static void put(Map<MediationRole, String> named, List<String> missing, MediationRole role, String name) {
        if (name == null || name.isBlank()) {
            missing.add(role.field());
        } else {
            named.put(role, name.strip());
        }
    }

    /** People at the table: the three roles and the family. */
    public int headcount() {
        return roles.size() + familyNames.size();
    }

    public sealed interface Checked permits Valid, Refused {
    }

    public record Valid(MediationParties parties) implements Checked {
    }

    public record Refused(Rejection rejection) implements Checked {
    }
}
