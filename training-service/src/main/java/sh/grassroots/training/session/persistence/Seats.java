package sh.grassroots.training.session.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import sh.grassroots.training.session.persistence.SessionEntity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seat counters of a session, changed only by conditional updates in the caller's
 * transaction. A claim succeeds only while {@code seats_taken < capacity} (and the group's
 * {@code seats_taken < quota}); the check constraints on both tables refuse anything else, so the
 * database itself never gives out more seats than there are.
 *
 * <p>Every change of a session's seats first locks its row ({@link #lock}); that orders the
 * enrolments of one session by arrival and keeps lock order (session, then enrolments) the same
 * everywhere, so they cannot deadlock.
 */
@ApplicationScoped
public class Seats {

    /** Locks the session row for the rest of the transaction and returns it freshly read. */
    public Uni<SessionEntity> lock(UUID sessionId) {
        return Panache.getSession().chain(s -> s.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The next arrival position in the session; call with the session locked. */
    public Uni<Long> nextPosition(UUID sessionId) {
        return execute("update training_session set last_position = last_position + 1 where id = ?1", sessionId)
                .chain(() -> Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select last_position from training_session where id = ?1")
                        .setParameter(1, sessionId)
                        .getSingleResult()))
                .map(n -> ((Number) n).longValue());
    }

    /** Takes one seat if the session (and the group's quota) has one; false when there is none. */
    public Uni<Boolean> claim(UUID sessionId, UUID group, int quota) {
        return execute("update training_session set seats_taken = seats_taken + 1 where id = ?1 and seats_taken < capacity",
                sessionId)
                .chain(seated -> {
                    if (seated == 0 || group == null) {
                        return Uni.createFrom().item(seated == 1);
                    }
                    return Panache.getSession()
                            .chain(s -> s.createNativeQuery(
                                            "insert into session_quota_usage (session_id, group_id, quota) values (?1, ?2, ?3) "
                                                    + "on conflict do nothing")
                                    .setParameter(1, sessionId).setParameter(2, group).setParameter(3, quota)
                                    .executeUpdate())
                            .chain(() -> execute("update session_quota_usage set seats_taken = seats_taken + 1 "
                                    + "where session_id = ?1 and group_id = ?2 and seats_taken < quota", sessionId, group))
                            .chain(inQuota -> inQuota == 1
                                    ? Uni.createFrom().item(Boolean.TRUE)
                                    // the group has used its quota: give the session seat back
                                    : execute("update training_session set seats_taken = seats_taken - 1 where id = ?1",
                                    sessionId).replaceWith(Boolean.FALSE));
                });
    }

    public Uni<Void> release(UUID sessionId, UUID group) {
        Uni<Integer> session = execute("update training_session set seats_taken = seats_taken - 1 where id = ?1", sessionId);
        if (group == null) {
            return session.replaceWithVoid();
        }
        return session.chain(() -> execute(
                        "update session_quota_usage set seats_taken = seats_taken - 1 where session_id = ?1 and group_id = ?2",
                        sessionId, group))
                .replaceWithVoid();
    }

    /** Seats still free in the session right now (within this transaction). */
    public Uni<Integer> free(UUID sessionId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                        "select capacity - seats_taken from training_session where id = ?1")
                .setParameter(1, sessionId).getSingleResult())
                .map(n -> ((Number) n).intValue());
    }

    /** Seats taken per quota group, for groups that have taken any. */
    public Uni<Map<UUID, Integer>> takenByGroup(UUID sessionId) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select group_id::text, seats_taken from session_quota_usage where session_id = ?1")
                .setParameter(1, sessionId).getResultList())
                .map(SeatsRows::toMap);
    }

    private Uni<Integer> execute(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }

    static final class SeatsRows {
        private SeatsRows() {
        }

        static Map<UUID, Integer> toMap(List<Object[]> rows) {
            Map<UUID, Integer> taken = new HashMap<>();
            for (Object[] row : rows) {
                taken.put(UUID.fromString((String) row[0]), ((Number) row[1]).intValue());
            }
            return taken;
        }
    }
}
