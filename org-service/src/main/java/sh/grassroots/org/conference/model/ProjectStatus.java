package sh.grassroots.org.conference.model;

public enum ProjectStatus {
    PROPOSED,
    ACTIVE,
    CLOSED
}
