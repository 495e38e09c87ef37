package sh.grassroots.training.enrolment.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Idempotency-Key records of enrolment requests, written in the enrolment's own transaction:
 * a request that fails leaves no key behind, one that succeeds leaves its answer to replay.
 * A second request with the same key waits on the first one's row (PostgreSQL blocks the
 * conflicting insert until the first transaction ends) and then replays its answer.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public record Stored(String requestHash, String responseBody) {
    }

    /** True when this request is the first with the key. */
    public Uni<Boolean> claim(UUID sessionId, String key, String requestHash, OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "insert into enrolment_request (session_id, idempotency_key, request_hash, created_at) "
                                + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, sessionId).setParameter(2, key).setParameter(3, requestHash).setParameter(4, now)
                .executeUpdate()).map(n -> n == 1);
    }

    public Uni<Stored> find(UUID sessionId, String key) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select request_hash, response_body from enrolment_request where session_id = ?1 and idempotency_key = ?2")
                .setParameter(1, sessionId).setParameter(2, key).getSingleResult())
                .map(row -> new Stored((String) row[0], (String) row[1]));
    }

    public Uni<Void> complete(UUID sessionId, String key, int status, String body) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update enrolment_request set status_code = ?3, response_body = ?4 "
                                + "where session_id = ?1 and idempotency_key = ?2")
                .setParameter(1, sessionId).setParameter(2, key).setParameter(3, status).setParameter(4, body)
                .executeUpdate()).replaceWithVoid();
    }

    public static String hash(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
