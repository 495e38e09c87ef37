package sh.grassroots.events;

/**
 * Every topic of the suite, named once: {@code <service>.<aggregate>.v<N>}, keyed by aggregate id.
 * A consumer's dead letters go to {@code <topic>.dlq}, or {@code <topic>.<consumer>.dlq} where
 * several services read the topic (set per channel in application.properties, which cannot name
 * these constants; k8s-tests checks each has its KafkaTopic).
 */
public final class Topics {
    public static final String ORG_ORGANIZATION = "org.organization.v1";
    public static final String ORG_MEMBER = "org.member.v1";
    public static final String ORG_CONFERENCE = "org.conference.v1";
    public static final String TRAINING_SESSION = "training.session.v1";
    public static final String TRAINING_ENROLMENT = "training.enrolment.v1";
    public static final String TRAINING_CREDIT = "training.credit.v1";
    public static final String TRAINING_VENUE_REQUESTS = "training.venue.v1";
    public static final String STATIONS_BOOKING = "stations.booking.v1";
    public static final String STATIONS_VENUE_REPLIES = "stations.venue.v1";

    public static final String ORG_ORGANIZATION_DLQ = deadLetters(ORG_ORGANIZATION);

    private Topics() {
    }

    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }

    public static String deadLetters(String topic, String consumer) {
        return topic + "." + consumer + ".dlq";
    }
}
