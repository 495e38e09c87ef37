package sh.grassroots.stations.mediation.model;

import java.util.Locale;

/** The rules of a mediation session, each with the stable slug the API reports. */
public enum MediationRule {
    ROLE_MISSING,
    ROLES_NOT_DISTINCT,
    FAMILY_MISSING,
    INVALID_PHONE,
    NOT_STARTED,
    NOT_HELD,
    OUTCOME_ALREADY_RECORDED,
    SUMMARY_MISSING;

    public String slug() {
        return "mediation-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
