package sh.grassroots.stations.conference.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.events.ConferenceEvents.MemberUnitJoined;
import sh.grassroots.events.ConferenceEvents.MemberUnitLeft;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.stations.conference.persistence.MemberUnitEntity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Stations' copy of the joint conferences' member units, from org.conference.v1, each event
 * applied once: which conference a unit is in and which district hosts it (whose office books in
 * the unit's name), and whether it has left.
 */
@ApplicationScoped
public class MemberUnits {
    static final String CONSUMER = "service-station-service.conferences";
    private static final Logger LOG = Logger.getLogger(MemberUnits.class);

    private final Inbox inbox;
    private final Clock clock;

    public MemberUnits(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** A unit that joins again (after leaving, or another conference) is in as of this event. */
    @WithTransaction
    public Uni<Boolean> onJoined(UUID eventId, MemberUnitJoined joined) {
        return inbox.once(CONSUMER, eventId, () -> MemberUnitEntity.<MemberUnitEntity>findById(joined.unitId())
                .chain(known -> {
                    MemberUnitEntity unit = known != null ? known : new MemberUnitEntity();
                    unit.unitId = joined.unitId();
                    unit.conferenceId = joined.conferenceId();
                    unit.hostDistrict = joined.hostDistrict();
                    unit.name = joined.name() == null ? "" : joined.name();
                    unit.leftOn = null;
                    unit.updatedAt = OffsetDateTime.now(clock);
                    return known != null ? Uni.createFrom().voidItem() : unit.persist().replaceWithVoid();
                }));
    }

    @WithTransaction
    public Uni<Boolean> onLeft(UUID eventId, MemberUnitLeft left) {
        return inbox.once(CONSUMER, eventId, () -> MemberUnitEntity.<MemberUnitEntity>findById(left.unitId())
                .chain(known -> {
                    if (known == null || !known.conferenceId.equals(left.conferenceId())) {
                        LOG.warnf("Member unit %s left conference %s, where stations does not know it (event %s)",
                                left.unitId(), left.conferenceId(), eventId);
                        return Uni.createFrom().voidItem();
                    }
                    known.leftOn = left.leftOn() != null ? left.leftOn() : LocalDate.now(clock);
                    known.updatedAt = OffsetDateTime.now(clock);
                    return Uni.createFrom().voidItem();
                }));
    }
}
