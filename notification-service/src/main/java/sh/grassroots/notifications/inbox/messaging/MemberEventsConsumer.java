package sh.grassroots.notifications.inbox.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.MemberEvents;
import sh.grassroots.events.MemberEvents.AffiliationAdded;
import sh.grassroots.events.MemberEvents.AffiliationEnded;
import sh.grassroots.events.MemberEvents.MemberTransferCompleted;
import sh.grassroots.notifications.inbox.application.Notify;
import sh.grassroots.notifications.inbox.model.Kind;
import sh.grassroots.platform.outbox.ReceivedEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** org.member.v1: a transfer completed, an affiliation with a functional or temporary branch started or ended. */
@ApplicationScoped
public class MemberEventsConsumer {
    static final String CONSUMER = "notification-service.members";

    private final ObjectMapper mapper;
    private final Notify notify;

    public MemberEventsConsumer(ObjectMapper mapper, Notify notify) {
        this.mapper = mapper;
        this.notify = notify;
    }

    @Incoming("org-members")
    public Uni<Void> consume(String json) {
        Set<String> handled = Set.of(MemberEvents.TRANSFER_COMPLETED, MemberEvents.AFFILIATION_ADDED, MemberEvents.AFFILIATION_ENDED);
        return ReceivedEvent.consume(mapper, json, handled, event -> {
            Notify.Tell tell;
            Map<String, String> facts = new HashMap<>();
            switch (event.type()) {
                case MemberEvents.TRANSFER_COMPLETED -> {
                    MemberTransferCompleted t = event.payload(MemberTransferCompleted.class);
                    event.required(t.memberId(), "memberId");
                    facts.put("transferId", t.transferId() == null ? null : t.transferId().toString());
                    facts.put("toOrganizationId", t.toOrganizationId() == null ? null : t.toOrganizationId().toString());
                    tell = new Notify.Tell(t.memberId().toString(), Kind.TRANSFER_COMPLETED, facts);
                }
                case MemberEvents.AFFILIATION_ADDED -> {
                    AffiliationAdded a = event.payload(AffiliationAdded.class);
                    event.required(a.memberId(), "memberId");
                    facts.put("organizationId", a.organizationId() == null ? null : a.organizationId().toString());
                    facts.put("affiliationKind", a.kind());
                    tell = new Notify.Tell(a.memberId().toString(), Kind.AFFILIATION_STARTED, facts);
                }
                default -> {
                    AffiliationEnded a = event.payload(AffiliationEnded.class);
                    event.required(a.memberId(), "memberId");
                    facts.put("organizationId", a.organizationId() == null ? null : a.organizationId().toString());
                    facts.put("reason", a.reason());
                    tell = new Notify.Tell(a.memberId().toString(), Kind.AFFILIATION_ENDED, facts);
                }
            }
            return notify.once(CONSUMER, event.eventId(), () -> Uni.createFrom().item(tell));
        });
    }
}
