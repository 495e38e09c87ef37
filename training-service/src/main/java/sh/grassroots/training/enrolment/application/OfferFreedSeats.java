package sh.grassroots.training.enrolment.application;

import sh.grassroots.training.enrolment.model.EnrolmentRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.events.TrainingEvents;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.enrolment.model.Hold;
import sh.grassroots.training.enrolment.model.Waitlist;
import sh.grassroots.training.enrolment.persistence.EnrolmentEntity;
import sh.grassroots.training.session.application.LockedSession;
import sh.grassroots.training.session.application.SessionSeats;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A freed seat goes to the person waiting longest whose quota group has room, held for them for
 * the session's hold window; they accept it, or the hold runs out and the seat goes to the next.
 */
@ApplicationScoped
public class OfferFreedSeats {
    private final SessionSeats seats;
    private final EnrolmentRecords records;
    private final TrainingAccess access;
    private final Clock clock;

    public OfferFreedSeats(SessionSeats seats, EnrolmentRecords records, TrainingAccess access, Clock clock) {
        this.seats = seats;
        this.records = records;
        this.access = access;
        this.clock = clock;
    }

    /** The person offered a freed seat takes it, while the hold lasts; nobody takes it for them. */
    @WithTransaction
    public Uni<EnrolmentView> accept(Caller caller, UUID enrolmentId) {
        return records.parties(enrolmentId)
                .chain(parties -> access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.acceptHeldSeat(scope, parties.personId()))))
                .chain(() -> records.lockedEnrolment(enrolmentId)).chain(locked -> {
            EnrolmentEntity e = locked.enrolment();
            if (e.status != EnrolmentStatus.OFFERED) {
                return Uni.createFrom().failure(Rejections.exception(new Rejection(EnrolmentRule.OFFER_NOT_OPEN,
                        "There is no seat on offer for this enrolment; it is " + e.status)));
            }
            Optional<Rejection> expired = new Hold(e.offeredAt.toInstant(), e.offerExpiresAt.toInstant()).accept(clock);
            if (expired.isPresent()) {
                return Uni.createFrom().failure(Rejections.exception(expired.get()));
            }
            e.status = EnrolmentStatus.CONFIRMED;
            return EnrolmentRecords.flush()
                    .chain(() -> records.record(TrainingEvents.ENROLMENT_PROMOTED, e, null))
                    .chain(() -> records.view(e));
        });
    }

    /** Ends every hold that has run out and offers those seats to the next in line; returns how many ended. */
    @WithTransaction
    public Uni<Integer> expireDueHolds() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Only ids first: the rows are read again after their session is locked.
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                        "select distinct session_id::text from enrolment where status = 'OFFERED' and offer_expires_at <= ?1 "
                                + "order by 1")
                .setParameter(1, now).getResultList())
                .chain(ids -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Object id : ids) {
                        UUID sessionId = UUID.fromString(id.toString());
                        chain = chain.chain(total -> expireIn(sessionId, now).map(n -> total + n));
                    }
                    return chain;
                });
    }

    private Uni<Integer> expireIn(UUID sessionId, OffsetDateTime now) {
        return seats.lock(sessionId).chain(session -> EnrolmentEntity.<EnrolmentEntity>list(
                        "sessionId = ?1 and status = ?2 and offerExpiresAt <= ?3 order by position",
                        sessionId, EnrolmentStatus.OFFERED, now)
                .chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (EnrolmentEntity e : due) {
                        chain = chain.chain(() -> {
                            e.status = EnrolmentStatus.EXPIRED;
                            e.closedAt = now;
                            e.closeReason = "the held seat was not taken in time";
                            return EnrolmentRecords.flush()
                                    .chain(() -> records.record(TrainingEvents.SEAT_OFFER_EXPIRED, e, e.closeReason))
                                    .chain(() -> seats.release(sessionId, e.quotaGroupId));
                        });
                    }
                    return chain.chain(() -> offerFreedSeats(session)).replaceWith(due.size());
                }));
    }

    /** Offers free seats to the people waiting longest whose quota group still has room; call with the session locked. */
    public Uni<Void> offerFreedSeats(LockedSession session) {
        return seats.free(session.id()).chain(free -> {
            if (free <= 0) {
                return Uni.createFrom().voidItem();
            }
            return EnrolmentEntity.<EnrolmentEntity>list("sessionId = ?1 and status = ?2 order by position",
                            session.id(), EnrolmentStatus.WAITLISTED)
                    .chain(waiting -> seats.takenByGroup(session.id())
                            .chain(taken -> offerNext(session, new ArrayList<>(waiting), new HashMap<>(taken), free)));
        });
    }

    private Uni<Void> offerNext(LockedSession session, List<EnrolmentEntity> waiting, Map<UUID, Integer> taken,
                                int free) {
        if (free == 0) {
            return Uni.createFrom().voidItem();
        }
        Optional<Waitlist.Entry> next = Waitlist.next(waiting.stream().map(EnrolmentRecords::entry).toList(),
                group -> group.isEmpty() || taken.getOrDefault(group.get(), 0) < session.seatsPerGroup());
        if (next.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EnrolmentEntity e = waiting.stream().filter(w -> w.id.equals(next.get().enrolmentId())).findFirst().orElseThrow();
        return seats.claim(session.id(), e.quotaGroupId, session.seatsPerGroup()).chain(seated -> {
            if (!seated) {
                return Uni.createFrom().voidItem();
            }
            Hold hold = Hold.offer(clock, session.holdWindow());
            e.status = EnrolmentStatus.OFFERED;
            e.offeredAt = hold.offeredAt().atOffset(ZoneOffset.UTC);
            e.offerExpiresAt = hold.expiresAt().atOffset(ZoneOffset.UTC);
            waiting.remove(e);
            if (e.quotaGroupId != null) {
                taken.merge(e.quotaGroupId, 1, Integer::sum);
            }
            return EnrolmentRecords.flush()
                    .chain(() -> records.record(TrainingEvents.SEAT_OFFERED, e, null))
                    .chain(() -> offerNext(session, waiting, taken, free - 1));
        });
    }
}
