package sh.grassroots.training.session.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.training.course.application.CourseService;
import sh.grassroots.training.session.persistence.EligibilityRows;
import sh.grassroots.training.session.persistence.SessionEntity;
import sh.grassroots.training.session.model.SessionRules;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's copy of each session's {@link SessionRules}. A copy is never trusted on its own:
 * the enrolment statement acts only while the session row still carries the copy's
 * {@code rules_version} (bumped by triggers on any change of a rule, whoever makes it), and a
 * mismatch drops the copy. Writes of this replica that change rules drop it at once too.
 */
@ApplicationScoped
public class SessionRulesCache {
    /** Enough for every session open for enrolment at once; past it, the whole copy is dropped and rebuilt on demand. */
    static final int MAX_SESSIONS = 20_000;
    private final Map<UUID, SessionRules> rules = new ConcurrentHashMap<>();
    private final EligibilityRows eligibilityRows;
    private final CourseService courses;

    public SessionRulesCache(EligibilityRows eligibilityRows, CourseService courses) {
        this.eligibilityRows = eligibilityRows;
        this.courses = courses;
    }

    /** The session's rules, from this replica's copy or read in the caller's session; null for an unknown session. */
    public Uni<SessionRules> get(UUID sessionId) {
        SessionRules known = rules.get(sessionId);
        return known != null ? Uni.createFrom().item(known) : load(sessionId);
    }

    /** The copy this replica holds now, if any (what a health page or a test may look at). */
    public Optional<SessionRules> held(UUID sessionId) {
        return Optional.ofNullable(rules.get(sessionId));
    }

    /** True while the session row still carries the copy's rules version. */
    public Uni<Boolean> isCurrent(SessionRules copy) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select rules_version from training_session where id = ?1")
                        .setParameter(1, copy.sessionId()).getSingleResultOrNull())
                .map(version -> version != null && ((Number) version).longValue() == copy.rulesVersion());
    }

    /** Forgets the copy when it is the one the database refused (a newer one may already be there). */
    public void stale(SessionRules seen) {
        rules.remove(seen.sessionId(), seen);
    }

    public void forget(UUID sessionId) {
        rules.remove(sessionId);
    }

    /** A use case that later locks the session must read it afresh, not get this copy back from the session. */
    private Uni<Void> detach(SessionEntity session) {
        return Panache.getSession().invoke(s -> s.detach(session)).replaceWithVoid();
    }

    /**
     * The version is read first: should a rule change between this read and the next ones, the
     * copy carries an older number than its contents, which the database refuses — safe, never stale.
     */
    private Uni<SessionRules> load(UUID sessionId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select rules_version from training_session where id = ?1")
                        .setParameter(1, sessionId).getSingleResultOrNull())
                .chain(version -> version == null ? Uni.createFrom().nullItem()
                        : SessionEntity.<SessionEntity>findById(sessionId).call(this::detach).chain(session -> courses
                        .summary(session.courseId)
                        .chain(course -> eligibilityRows.load(course.id(), course.kind()))
                        .map(eligibility -> new SessionRules(session.id, session.courseId,
                                ((Number) version).longValue(), session.status != SessionEntity.Status.CANCELLED,
                                session.enrolmentOpensAt.toInstant(), session.enrolmentClosesAt.toInstant(),
                                session.venueStage(), session.quota(), eligibility))))
                .invoke(loaded -> {
                    if (loaded != null) {
                        if (rules.size() >= MAX_SESSIONS) {
                            rules.clear();
                        }
                        rules.put(sessionId, loaded);
                    }
                });
    }
}
