package sh.grassroots.stations.mediation.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

import java.util.Locale;

/** The rules of a mediation session, each with the stable slug the API reports. */
public enum MediationRule implements Rule {
    /** A walk-in does not arrange a mediation: the site's organization or a member unit does. */
    ORGANIZER_REQUIRED(RuleKind.INVALID),
    ROLE_MISSING(RuleKind.INVALID),
    ROLES_NOT_DISTINCT(RuleKind.INVALID),
    FAMILY_MISSING(RuleKind.INVALID),
    INVALID_PHONE(RuleKind.INVALID),
    NOT_STARTED(RuleKind.INVALID),
    NOT_HELD(RuleKind.CONFLICT),
    OUTCOME_ALREADY_RECORDED(RuleKind.CONFLICT),
    SUMMARY_MISSING(RuleKind.INVALID);

    private final RuleKind kind;

    MediationRule(RuleKind kind) {
        this.kind = kind;
    }

    @Override
    public String slug() {
        return "mediation-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public RuleKind kind() {
        return kind;
    }
}
