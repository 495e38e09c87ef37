package sh.grassroots.training.course.model;

/** The forms of member education the article describes. */
public enum CourseKind {
    LECTURE,
    IMMERSIVE,
    ON_SITE_THEME_DAY,
    /** Run by a joint conference for the finance talent of its member units, party members or not. */
    ACADEMY,
    FORUM;

    public boolean admitsNonMembers() {
        return this == ACADEMY;
    }
}
