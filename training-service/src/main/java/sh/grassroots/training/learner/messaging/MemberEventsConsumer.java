package sh.grassroots.training.learner.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import sh.grassroots.training.learner.application.LearnerProjector;
import sh.grassroots.training.learner.model.MemberChange;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Reads org.member.v1 (MemberRegistered, MemberStatusChanged, MemberLeft, MemberTransferCompleted). The payloads are read by
 * field name rather than through platform/events' MemberEvents records, so that this module
 * builds against the contract installed today; the field names are those records'. Unknown
 * types are skipped; an unreadable message fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class MemberEventsConsumer {
    static final String REGISTERED = "MemberRegistered";
    static final String STATUS_CHANGED = "MemberStatusChanged";
    static final String LEFT = "MemberLeft";
    static final String TRANSFER_COMPLETED = "MemberTransferCompleted";
    private static final Set<String> STATUSES = Set.of("FULL", "PROBATIONARY");
    private static final Logger LOG = Logger.getLogger(MemberEventsConsumer.class);

    private final ObjectMapper mapper;
    private final LearnerProjector projector;

    public MemberEventsConsumer(ObjectMapper mapper, LearnerProjector projector) {
        this.mapper = mapper;
        this.projector = projector;
    }

    @Incoming("org-members")
    public Uni<Void> consume(String json) {
        JsonNode envelope;
        try {
            envelope = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Not a JSON event envelope", e));
        }
        String type = envelope.path("type").asText();
        if (!Set.of(REGISTERED, STATUS_CHANGED, LEFT, TRANSFER_COMPLETED).contains(type)) {
            LOG.debugf("Skipping event type %s", type);
            return Uni.createFrom().voidItem();
        }
        UUID eventId;
        UUID memberId;
        MemberChange.Event event;
        try {
            JsonNode p = envelope.path("payload");
            eventId = UUID.fromString(envelope.path("eventId").asText());
            memberId = UUID.fromString(p.path("memberId").asText());
            if (TRANSFER_COMPLETED.equals(type)) {
                event = new MemberChange.Transferred(memberId, UUID.fromString(p.path("fromOrganizationId").asText()),
                        UUID.fromString(p.path("toOrganizationId").asText()), p.path("toDistrict").asText(null));
            } else if (REGISTERED.equals(type)) {
                UUID home = UUID.fromString(p.path("homeOrganizationId").asText());
                event = new MemberChange.Registered(memberId, home, p.path("name").asText(""), status(p.path("status")));
            } else if (STATUS_CHANGED.equals(type)) {
                UUID home = UUID.fromString(p.path("homeOrganizationId").asText());
                event = new MemberChange.StatusChanged(memberId, home, status(p.path("newStatus")));
            } else {
                UUID home = UUID.fromString(p.path("homeOrganizationId").asText());
                event = new MemberChange.Left(memberId, home, LocalDate.parse(p.path("leftOn").asText()),
                        p.path("reason").asText("UNKNOWN"));
            }
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Malformed " + type + " event", e));
        }
        return projector.apply(eventId, event, memberId).replaceWithVoid();
    }

    private static String status(JsonNode node) {
        String status = node.asText();
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown member status " + status);
        }
        return status;
    }
}
