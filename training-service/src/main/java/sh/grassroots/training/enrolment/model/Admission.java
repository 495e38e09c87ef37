package sh.grassroots.training.enrolment.model;

/**
 * As what a person is inside a course's organizations: through their home membership, or through
 * an affiliation to a functional or temporary branch (UP主党支部, a 蓬莱路 temporary branch) on top
 * of a home elsewhere. Bulk enrolments and enrolment lists show it, so a secretary sees who came
 * through which door.
 */
public enum Admission {
    HOME,
    AFFILIATE
}
