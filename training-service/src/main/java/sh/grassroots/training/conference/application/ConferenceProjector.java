package sh.grassroots.training.conference.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.ConferenceEvents.ConferenceCreated;
import sh.grassroots.events.ConferenceEvents.MemberUnitJoined;
import sh.grassroots.events.ConferenceEvents.MemberUnitLeft;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.training.conference.model.MemberUnitChange;
import sh.grassroots.training.conference.persistence.KnownConferenceEntity;
import sh.grassroots.training.conference.persistence.KnownMemberUnitEntity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies org-service's conference events to training's projections of conferences and member
 * units, each event at most once: who runs a conference's courses (its host district's office)
 * and who enrols a unit's staff who are not party members.
 */
@ApplicationScoped
public class ConferenceProjector {
    static final String CONSUMER = "training.conference-projection";
    private static final Logger LOG = Logger.getLogger(ConferenceProjector.class);

    private final Inbox inbox;
    private final Clock clock;

    public ConferenceProjector(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** A conference is created once; a second announcement of the same id changes nothing. */
    public Uni<Boolean> onCreated(UUID eventId, ConferenceCreated created) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () ->
                KnownConferenceEntity.<KnownConferenceEntity>findById(created.conferenceId()).chain(known -> {
                    if (known != null) {
                        LOG.infof("Event %s ignored: conference %s is already known", eventId, created.conferenceId());
                        return Uni.createFrom().voidItem();
                    }
                    KnownConferenceEntity conference = new KnownConferenceEntity();
                    conference.id = created.conferenceId();
                    conference.name = created.name() == null ? "" : created.name();
                    conference.hostDistrict = created.hostDistrict();
                    conference.foundedOn = created.foundedOn();
                    conference.updatedAt = OffsetDateTime.now(clock);
                    return conference.persist().replaceWithVoid();
                })));
    }

    public Uni<Boolean> onUnitJoined(UUID eventId, MemberUnitJoined joined) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () ->
                KnownMemberUnitEntity.<KnownMemberUnitEntity>findById(joined.unitId()).chain(row -> {
                    MemberUnitChange.Decision decision = MemberUnitChange.joined(known(row), joined.joinedOn());
                    if (decision instanceof MemberUnitChange.Ignore ignore) {
                        LOG.infof("Event %s ignored: %s", eventId, ignore.reason());
                        return Uni.createFrom().voidItem();
                    }
                    KnownMemberUnitEntity unit = row == null ? new KnownMemberUnitEntity() : row;
                    unit.id = joined.unitId();
                    unit.conferenceId = joined.conferenceId();
                    unit.name = joined.name() == null ? "" : joined.name();
                    unit.hostDistrict = joined.hostDistrict();
                    unit.organizationId = joined.organizationId();
                    unit.joinedOn = joined.joinedOn();
                    unit.leftOn = null;
                    unit.updatedAt = OffsetDateTime.now(clock);
                    return (row == null ? unit.persist() : Panache.getSession().chain(s -> s.flush())).replaceWithVoid();
                })));
    }

    public Uni<Boolean> onUnitLeft(UUID eventId, MemberUnitLeft left) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () ->
                KnownMemberUnitEntity.<KnownMemberUnitEntity>findById(left.unitId()).chain(row -> {
                    Optional<MemberUnitChange.Leave> leave = MemberUnitChange.left(known(row), left.leftOn());
                    if (leave.isEmpty()) {
                        LOG.infof("Event %s ignored: unit %s is unknown or already left", eventId, left.unitId());
                        return Uni.createFrom().voidItem();
                    }
                    row.leftOn = leave.get().leftOn();
                    row.updatedAt = OffsetDateTime.now(clock);
                    return Panache.getSession().chain(s -> s.flush()).replaceWithVoid();
                })));
    }

    private static Optional<MemberUnitChange.Known> known(KnownMemberUnitEntity row) {
        return Optional.ofNullable(row).map(r -> new MemberUnitChange.Known(r.joinedOn, r.leftOn));
    }
}
