package sh.grassroots.stations.mediation.application;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.web.ETags;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.stations.access.application.StationAccess;
import sh.grassroots.stations.access.model.StationAccessPolicy;
import sh.grassroots.stations.booking.application.Arrangement;
import sh.grassroots.stations.booking.application.BookingService;
import sh.grassroots.stations.booking.application.BookingTransactions;
import sh.grassroots.stations.booking.application.BookingView;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.stations.booking.application.RequestBooking;
import sh.grassroots.stations.booking.model.PhoneNumber;
import sh.grassroots.stations.booking.persistence.BookingEntity;
import sh.grassroots.stations.mediation.model.Mediation;
import sh.grassroots.stations.mediation.model.MediationParties;
import sh.grassroots.stations.mediation.model.MediationRole;
import sh.grassroots.stations.mediation.model.MediationRule;
import sh.grassroots.stations.access.model.Actor;
import sh.grassroots.stations.mediation.model.Outcome;
import sh.grassroots.stations.mediation.persistence.MediationEntity;
import sh.grassroots.stations.personaldata.application.PersonalData;
import sh.grassroots.stations.station.application.StationLookup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Mediation sessions: a booking of a room (every booking rule applies) plus the parties, saved in
 * one transaction; the outcome recorded once, after the session began.
 */
@ApplicationScoped
public class MediationService {
    static final String OUTCOME_ONCE = "mediation_outcome_recorded_once";
    private final BookingService bookings;
    private final BookingTransactions transactions;
    private final StationLookup lookup;
    private final PersonalData personalData;
    private final StationAccess access;
    private final Clock clock;

    public MediationService(BookingService bookings, BookingTransactions transactions, StationLookup lookup,
                            PersonalData personalData, StationAccess access, Clock clock) {
        this.access = access;
        this.bookings = bookings;
        this.transactions = transactions;
        this.lookup = lookup;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** Arranged by the booker's side (the site's organization, a member unit's office) or the station's managers. */
    public Uni<MediationView> schedule(Caller caller, ScheduleMediation command) {
        MediationParties.Checked checked = MediationParties.check(command.residentsSecretary(),
                command.expropriationOfficer(), command.lawyer(), command.familyNames(), command.familyPhone());
        if (checked instanceof MediationParties.Refused refused) {
            return Uni.createFrom().failure(problem(refused.rejection()));
        }
        MediationParties parties = ((MediationParties.Valid) checked).parties();
        String site = command.site().strip();
        // The purpose shows in station lists and calendar feeds: the site only, never the family.
        RequestBooking booking = new RequestBooking(command.stationId(), command.roomId(), command.start(),
                command.end(), command.bookerKind(), command.bookerId(), command.bookerName(), null,
                "调解 · " + site, parties.headcount(), null, null);
        MediationEntity[] saved = new MediationEntity[1];
        return bookings.requestWith(caller, booking, Arrangement.MEDIATION, placed -> {
                    MediationEntity m = new MediationEntity();
                    m.bookingId = placed.booking().id();
                    m.site = site;
                    m.residentsSecretary = parties.person(MediationRole.RESIDENTS_SECRETARY);
                    m.expropriationOfficer = parties.person(MediationRole.EXPROPRIATION_OFFICER);
                    m.lawyer = parties.person(MediationRole.LAWYER);
                    m.familyNames = personalData.seal(parties.familyNames());
                    m.familyPhone = personalData.seal(parties.familyPhone().map(PhoneNumber::digits).orElse(null));
                    saved[0] = m;
                    return m.persistAndFlush().replaceWithVoid();
                })
                .map(placed -> MediationView.of(placed.booking(), saved[0], zoneOf(placed.booking()), personalData,
                        placed.disclosure() == BookingView.Disclosure.STATION, false));
    }

    /**
     * A station's mediation sessions from {@code from} on (today when null), soonest first: the station's managers
     * only. As in every list, the family's names and phone are masked; opening one shows them.
     */
    @WithSession
    public Uni<List<MediationView>> ofStation(Caller caller, UUID stationId, LocalDate from) {
        return lookup.station(stationId).chain(station -> access.policy(caller).chain(policy ->
                access.station(station).chain(ref -> StationAccess.enforce(policy.manage(ref), station))))
                .chain(station -> {
                    ZoneId zone = ZoneId.of(station.timeZone);
                    LocalDate first = from != null ? from : LocalDate.now(clock.withZone(zone));
                    return Panache.getSession().chain(session -> session.createSelectionQuery(
                                    "select b, m from BookingEntity b, MediationEntity m where m.bookingId = b.id"
                                            + " and b.stationId = ?1 and b.startsAt >= ?2 order by b.startsAt, b.id",
                                    Object[].class)
                            .setParameter(1, stationId).setParameter(2, first.atStartOfDay(zone).toOffsetDateTime())
                            .setMaxResults(500).getResultList())
                            .map(rows -> rows.stream().map(r -> MediationView.of(BookingView.of((BookingEntity) r[0],
                                            zone, BookingView.Disclosure.STATION, personalData), (MediationEntity) r[1],
                                    zone, personalData, false, false)).toList());
                });
    }

    /** The station's managers and the arranging side. */
    @WithSession
    public Uni<MediationView> get(Caller caller, UUID stationId, UUID bookingId) {
        return load(caller, stationId, bookingId).map(Loaded::view);
    }

    /** The station's managers and the arranging side. */
    public Uni<MediationView> recordOutcome(Caller caller, UUID stationId, UUID bookingId, Outcome outcome,
                                            String summary, Long expectedVersion) {
        return Panache.withTransaction(() -> record(caller, stationId, bookingId, outcome, summary, expectedVersion))
                .onFailure(f -> DatabaseFailures.isOptimisticLock(f) || DatabaseFailures.violates(f, DatabaseFailures.CHECK_VIOLATION, OUTCOME_ONCE))
                .transform(f -> problem(MediationRule.OUTCOME_ALREADY_RECORDED.rejects(
                        "Someone recorded the outcome at the same moment; read the session again",
                        java.util.List.of("outcome"))));
    }

    private Uni<MediationView> record(Caller caller, UUID stationId, UUID bookingId, Outcome outcome, String summary,
                                      Long expectedVersion) {
        return load(caller, stationId, bookingId).chain(loaded -> {
            MediationEntity m = loaded.mediation();
            if (expectedVersion != null && m.version != expectedVersion) {
                return Uni.createFrom().failure(ETags.stale(expectedVersion, m.version));
            }
            Mediation.Conclusion conclusion = m.outcome == null ? null : new Mediation.Conclusion(m.outcome,
                    m.outcomeSummary, m.outcomeRecordedAt.toInstant());
            Mediation mediation = Mediation.of(loaded.booking().slot(), loaded.booking().status, conclusion);
            if (mediation instanceof Mediation.Concluded concluded) {
                return Uni.createFrom().failure(problem(concluded.alreadyRecorded()));
            }
            Instant now = clock.instant();
            Mediation.Recording recording = ((Mediation.Open) mediation).recordOutcome(outcome, summary, now);
            if (recording instanceof Mediation.Recording.Refused refused) {
                return Uni.createFrom().failure(problem(refused.rejection()));
            }
            Mediation.Conclusion recorded = ((Mediation.Recording.Recorded) recording).conclusion();
            m.outcome = recorded.outcome();
            m.outcomeSummary = recorded.summary();
            m.outcomeRecordedAt = OffsetDateTime.ofInstant(recorded.recordedAt(), loaded.zone());
            Actor by = Actor.of(caller);
            m.outcomeRecordedBySubject = by.subject();
            m.outcomeRecordedByKind = by.kind();
            return m.<MediationEntity>persistAndFlush().map(ignored -> loaded.view());
        });
    }

    private record Loaded(BookingEntity booking, MediationEntity mediation, ZoneId zone,
                          BookingView.Disclosure disclosure, PersonalData personalData) {
        /** The one record opened: what the station's managers see in clear, they see here. */
        MediationView view() {
            boolean station = disclosure == BookingView.Disclosure.STATION;
            return MediationView.of(BookingView.opened(booking, zone, disclosure, personalData), mediation, zone,
                    personalData, station, station);
        }
    }

    /** The mediation (404 when there is none at this station), once the caller may see it (403). */
    private Uni<Loaded> load(Caller caller, UUID stationId, UUID bookingId) {
        return lookup.station(stationId).chain(station -> BookingEntity.<BookingEntity>findById(bookingId)
                .map(b -> b != null && b.stationId.equals(stationId) ? b : null)
                .chain(b -> b == null ? Uni.createFrom().<Loaded>nullItem()
                        : MediationEntity.<MediationEntity>findById(bookingId).chain(m -> m == null
                        ? Uni.createFrom().<Loaded>nullItem()
                        : transactions.allowed(caller, station, b, StationAccessPolicy::mediation)
                        .map(seen -> new Loaded(b, m, ZoneId.of(station.timeZone), seen, personalData))))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Mediation", bookingId)));
    }

    private static ZoneId zoneOf(BookingView booking) {
        return booking.start().getOffset();
    }

    static ProblemException problem(Rejection rejection) {
        return Rejections.exception(rejection);
    }
}
