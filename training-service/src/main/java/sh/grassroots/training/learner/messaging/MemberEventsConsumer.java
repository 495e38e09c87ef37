package sh.grassroots.training.learner.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import sh.grassroots.events.MemberEvents;
import sh.grassroots.events.MemberEvents.AffiliationAdded;
import sh.grassroots.events.MemberEvents.AffiliationEnded;
import sh.grassroots.events.MemberEvents.MemberLeft;
import sh.grassroots.events.MemberEvents.MemberRegistered;
import sh.grassroots.events.MemberEvents.MemberStatusChanged;
import sh.grassroots.events.MemberEvents.MemberTransferCompleted;
import sh.grassroots.platform.outbox.ReceivedEvent;
import sh.grassroots.training.learner.application.AffiliationProjector;
import sh.grassroots.training.learner.application.LearnerProjector;
import sh.grassroots.training.learner.model.AffiliationChange;
import sh.grassroots.training.learner.model.MemberChange;

import java.util.Set;

/**
 * Reads org.member.v1 (MemberRegistered, MemberStatusChanged, MemberLeft,
 * MemberTransferCompleted, and affiliations to functional or temporary branches: AffiliationAdded,
 * AffiliationEnded) through platform/events' records. Unknown types are skipped; an
 * unreadable message fails and goes to the dead-letter topic.
 */
@ApplicationScoped
public class MemberEventsConsumer {
    private static final Set<String> HANDLED = Set.of(
            MemberEvents.REGISTERED, MemberEvents.STATUS_CHANGED, MemberEvents.LEFT, MemberEvents.TRANSFER_COMPLETED,
            MemberEvents.AFFILIATION_ADDED, MemberEvents.AFFILIATION_ENDED);
    private static final Set<String> STATUSES = Set.of("FULL", "PROBATIONARY");

    private final ObjectMapper mapper;
    private final LearnerProjector projector;
    private final AffiliationProjector affiliations;

    public MemberEventsConsumer(ObjectMapper mapper, LearnerProjector projector, AffiliationProjector affiliations) {
        this.mapper = mapper;
        this.projector = projector;
        this.affiliations = affiliations;
    }

    @Incoming("org-members")
    public Uni<Void> consume(String json) {
        return ReceivedEvent.consume(mapper, json, HANDLED, event -> {
            if (MemberEvents.AFFILIATION_ADDED.equals(event.type())) {
                AffiliationAdded p = event.payload(AffiliationAdded.class);
                if (!AffiliationChange.KINDS.contains(p.kind())) {
                    throw new IllegalArgumentException("unknown affiliation kind " + p.kind());
                }
                return affiliations.onAdded(event.eventId(), event.required(p.memberId(), "memberId"),
                        event.required(p.organizationId(), "organizationId"), p.kind(), p.since());
            }
            if (MemberEvents.AFFILIATION_ENDED.equals(event.type())) {
                AffiliationEnded p = event.payload(AffiliationEnded.class);
                return affiliations.onEnded(event.eventId(), event.required(p.memberId(), "memberId"),
                        event.required(p.organizationId(), "organizationId"), event.required(p.endedOn(), "endedOn"),
                        p.reason());
            }
            MemberChange.Event change = change(event);
            return projector.apply(event.eventId(), change, change.memberId());
        });
    }

    private static MemberChange.Event change(ReceivedEvent event) {
        switch (event.type()) {
            case MemberEvents.REGISTERED -> {
                MemberRegistered p = event.payload(MemberRegistered.class);
                return new MemberChange.Registered(event.required(p.memberId(), "memberId"),
                        event.required(p.homeOrganizationId(), "homeOrganizationId"),
                        p.name() == null ? "" : p.name(), status(p.status()));
            }
            case MemberEvents.STATUS_CHANGED -> {
                MemberStatusChanged p = event.payload(MemberStatusChanged.class);
                return new MemberChange.StatusChanged(event.required(p.memberId(), "memberId"),
                        event.required(p.homeOrganizationId(), "homeOrganizationId"), status(p.newStatus()));
            }
            case MemberEvents.LEFT -> {
                MemberLeft p = event.payload(MemberLeft.class);
                return new MemberChange.Left(event.required(p.memberId(), "memberId"),
                        event.required(p.homeOrganizationId(), "homeOrganizationId"),
                        event.required(p.leftOn(), "leftOn"), p.reason() == null ? "UNKNOWN" : p.reason());
            }
            default -> {
                MemberTransferCompleted p = event.payload(MemberTransferCompleted.class);
                return new MemberChange.Transferred(event.required(p.memberId(), "memberId"),
                        event.required(p.fromOrganizationId(), "fromOrganizationId"),
                        event.required(p.toOrganizationId(), "toOrganizationId"), p.toDistrict());
            }
        }
    }

    private static String status(String status) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown member status " + status);
        }
        return status;
    }
}
