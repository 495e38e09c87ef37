package sh.grassroots.platform.access;

/**
 * The roles a token may carry (the gateway passes them on in {@code X-Caller-Roles}). A role says
 * what kind of work a person does; where they may do it is their {@link Scope}.
 */
public final class Roles {
    /** A party member: their own records, enrolments and bookings. */
    public static final String MEMBER = "member";
    /** The secretary of one branch ({@code org_scope} = the branch): its members, reading it. */
    public static final String BRANCH_SECRETARY = "branch_secretary";
    /** An organization department's organizer ({@code org_scope} = the top of their subtree). */
    public static final String ORGANIZER = "organizer";
    /** A district's admin ({@code district} claim): everything in their district. */
    public static final String DISTRICT_ADMIN = "district_admin";
    /** Runs the training an organization provides ({@code org_scope} = that organization's subtree). */
    public static final String TRAINING_ADMIN = "training_admin";
    /** Runs the stations they are named manager of (set by the district admin, kept by stations). */
    public static final String STATION_MANAGER = "station_manager";
    /** Another district's system (a {@code SERVICE} caller); reaches only {@code /inter-district/v1}. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
