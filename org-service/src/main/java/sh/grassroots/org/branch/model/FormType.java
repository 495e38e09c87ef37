package sh.grassroots.org.branch.model;

/** The forms a BRANCH takes (the article's new forms of organization), ORDINARY being none of them. */
public enum FormType {
    ORDINARY,
    FUNCTIONAL,
    TEMPORARY,
    GRID,
    DIRECTLY_MANAGED
}
