package sh.grassroots.training.course.model;

public enum ProviderKind {
    ORGANIZATION,
    JOINT_CONFERENCE
}
