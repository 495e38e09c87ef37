package sh.grassroots.stations.mediation.model;

/** The three people a mediation at a renovation site cannot be held without. */
public enum MediationRole {
    /** 居民区书记 */
    RESIDENTS_SECRETARY("residentsSecretary"),
    /** 征收经办人 */
    EXPROPRIATION_OFFICER("expropriationOfficer"),
    /** 律师 */
    LAWYER("lawyer");

    private final String field;

    MediationRole(String field) {
        this.field = field;
    }

    /** The JSON field that names this role's person. */
    public String field() {
        return field;
    }
}
