package sh.grassroots.events;

/** Topic names: {@code <service>.<aggregate>.v<N>}, keyed by aggregate id. */
public final class Topics {
    public static final String ORG_ORGANIZATION = "org.organization.v1";
    public static final String ORG_ORGANIZATION_DLQ = "org.organization.v1.dlq";

    private Topics() {
    }
}
