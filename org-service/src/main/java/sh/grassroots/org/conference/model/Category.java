package sh.grassroots.org.conference.model;

/** What an offer (有什么) gives or a need (要什么) asks for; offers only match needs of the same category. */
public enum Category {
    VENUE,
    TRAINING,
    VOLUNTEERS,
    FUNDING,
    EXPERTISE,
    EQUIPMENT,
    OTHER
}
