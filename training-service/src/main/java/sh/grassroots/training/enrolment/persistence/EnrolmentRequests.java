package sh.grassroots.training.enrolment.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Idempotency-Key records of enrolment requests (the convention: platform/web IdempotencyKeys), written in the enrolment's own transaction:
 * a request that fails leaves no key behind, one that succeeds leaves its answer to replay.
 * A second request with the same key waits on the first one's row (PostgreSQL blocks the
 * conflicting insert until the first transaction ends) and then replays its answer. A key is the
 * caller's own: the same key from another caller is another request, which neither sees nor
 * waits for the first one's answer.
 */
@ApplicationScoped
public class EnrolmentRequests {

    /** A key as one caller sent it for one session. */
    public record Key(UUID sessionId, String callerSubject, String key) {
        public Key {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(callerSubject, "callerSubject");
            Objects.requireNonNull(key, "key");
        }
    }

    public record Stored(String requestHash, String responseBody) {
    }

    /** True when this request is the first with the key. */
    public Uni<Boolean> claim(Key key, String requestHash, OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into enrolment_request (session_id, caller_subject, idempotency_key, request_hash, created_at) "
                                + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, key.sessionId()).setParameter(2, key.callerSubject()).setParameter(3, key.key())
                .setParameter(4, requestHash).setParameter(5, now)
                .executeUpdate()).map(n -> n == 1);
    }

    public Uni<Stored> find(Key key) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select request_hash, response_body from enrolment_request "
                                + "where session_id = ?1 and caller_subject = ?2 and idempotency_key = ?3")
                .setParameter(1, key.sessionId()).setParameter(2, key.callerSubject()).setParameter(3, key.key())
                .getSingleResult())
                .map(row -> new Stored((String) row[0], (String) row[1]));
    }

    public Uni<Void> complete(Key key, int status, String body) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update enrolment_request set status_code = ?4, response_body = ?5 "
                                + "where session_id = ?1 and caller_subject = ?2 and idempotency_key = ?3")
                .setParameter(1, key.sessionId()).setParameter(2, key.callerSubject()).setParameter(3, key.key())
                .setParameter(4, status).setParameter(5, body)
                .executeUpdate()).replaceWithVoid();
    }

}
