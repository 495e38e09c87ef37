package sh.grassroots.org.conference.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import jakarta.persistence.LockModeType;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.conference.application.Views.ChairTermView;
import sh.grassroots.org.conference.application.Views.ChairView;
import sh.grassroots.org.conference.model.ChairTerm;
import sh.grassroots.org.conference.model.ConferenceRule;
import sh.grassroots.org.conference.model.Roster;
import sh.grassroots.org.conference.persistence.ChairTermEntity;
import sh.grassroots.org.conference.persistence.MemberUnitEntity;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The rotating-chair roster (轮值制) of a conference and who chairs it on a given day. */
@ApplicationScoped
public class ChairRoster {
    private static final String NO_OVERLAP = "chair_terms_no_overlap";

    private final Clock clock;

    public ChairRoster(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds a term. The model refuses an overlap with every term it can see; two requests racing
     * each other both see neither, and then the exclusion constraint refuses the later insert.
     * Either way the client gets the same 409 naming the term in the way, looked up afresh after
     * the failed transaction in the second case.
     */
    public Uni<ChairTermView> schedule(Caller caller, UUID conferenceId, UUID unitId,
                                       LocalDate startsOn, LocalDate endsOn) {
        return Panache.withTransaction(() -> insert(caller, conferenceId, unitId, startsOn, endsOn))
                .onFailure(f -> DatabaseFailures.violates(f, NO_OVERLAP))
                .recoverWithUni(f -> Panache.withSession(() -> terms(conferenceId))
                        .chain(terms -> Uni.createFrom().failure(Rejections.exception(ConferenceRule.CHAIR_TERMS_OVERLAP.rejects(
                                Roster.firstOverlapping(terms, startsOn, endsOn)
                                .map(Roster::overlapDetail)
                                .orElse("The term overlaps another chair term"))))));
    }

    private Uni<ChairTermView> insert(Caller caller, UUID conferenceId, UUID unitId,
                                      LocalDate startsOn, LocalDate endsOn) {
        return Conferences.loadForWrite(conferenceId, caller)
                .chain(conference -> Conferences.unitOf(conferenceId, unitId, "unitId"))
                // The unit's row lock keeps it from leaving while its term is added.
                .call(unit -> Panache.getSession().chain(s -> s.lock(unit, LockModeType.PESSIMISTIC_WRITE)))
                .chain(unit -> terms(conferenceId).chain(existing -> {
                    Outcome<ChairTerm> outcome = Roster.schedule(UUID.randomUUID(), unit.toModel(), startsOn, endsOn, existing);
                    if (outcome instanceof Outcome.Rejected<ChairTerm> refused) {
                        return Conferences.<ChairTermView>refuse(refused);
                    }
                    ChairTerm term = ((Outcome.Done<ChairTerm>) outcome).value();
                    ChairTermEntity entity = new ChairTermEntity();
                    entity.id = term.id();
                    entity.conferenceId = conferenceId;
                    entity.unitId = term.unitId();
                    entity.startsOn = term.startsOn();
                    entity.endsOn = term.endsOn();
                    entity.createdAt = OffsetDateTime.now(clock);
                    return entity.<ChairTermEntity>persistAndFlush().map(saved -> ChairTermView.of(conferenceId, term));
                }));
    }

    /** The roster in date order; terms never overlap, so the start date is a key. */
    @WithSession
    public Uni<Page<ChairTermView>> roster(Caller caller, UUID conferenceId, int limit, String cursor) {
        return Conferences.checkRead(caller).chain(() -> {
            LocalDate after;
            try {
                after = cursor == null ? null : LocalDate.parse(Cursors.decode(cursor));
            } catch (DateTimeParseException | ProblemException e) {
                return Uni.createFrom().failure(Cursors.invalid());
            }
            return termsAfter(conferenceId, after, limit);
        });
    }

    private Uni<Page<ChairTermView>> termsAfter(UUID conferenceId, LocalDate after, int limit) {
        return Conferences.load(conferenceId).chain(conference -> (after == null
                        ? ChairTermEntity.<ChairTermEntity>find("conferenceId = ?1 order by startsOn", conferenceId)
                        : ChairTermEntity.<ChairTermEntity>find("conferenceId = ?1 and startsOn > ?2 order by startsOn",
                        conferenceId, after))
                .page(0, limit + 1).list()
                .chain(rows -> named(rows).map(terms -> Page.of(terms, limit,
                        (ChairTerm last) -> Cursors.encode(last.startsOn().toString()))
                        .map(t -> ChairTermView.of(conferenceId, t)))));
    }

    /** Who chairs on {@code on}, today (by the clock) when null; 404 when no term covers the day. */
    @WithSession
    public Uni<ChairView> chairOn(Caller caller, UUID conferenceId, LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        return Conferences.checkRead(caller).chain(() -> Conferences.load(conferenceId))
                .chain(conference -> ChairTermEntity.<ChairTermEntity>find(
                                "conferenceId = ?1 and startsOn <= ?2 and endsOn >= ?2", conferenceId, day).list())
                .chain(this::named)
                .map(terms -> Roster.chairOn(terms, day).orElseThrow(() -> Rejections.exception(
                        ConferenceRule.NO_CHAIR_ON_DATE.rejects(
                        "No chair term of the conference covers " + day))))
                .map(term -> new ChairView(day, term.unitId(), term.unitName(), ChairTermView.of(conferenceId, term)));
    }

    private Uni<List<ChairTerm>> terms(UUID conferenceId) {
        return ChairTermEntity.<ChairTermEntity>list("conferenceId", conferenceId).chain(this::named);
    }

    private Uni<List<ChairTerm>> named(List<ChairTermEntity> rows) {
        return Conferences.unitsById(rows.stream().map(t -> t.unitId).toList())
                .map(units -> rows.stream().map(t -> {
                    MemberUnitEntity unit = units.get(t.unitId);
                    return t.toModel(unit == null ? "?" : unit.name);
                }).toList());
    }
}
