package sh.grassroots.platform.web;

import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.CallerHeaders;
import sh.grassroots.platform.access.Refusal;

import java.util.Optional;
import java.util.function.Function;

/**
 * The caller of a request and the answers to a refusal, at the HTTP edge of every service.
 * Services are reached only through the gateway, which names the caller; a request without its
 * headers is 401 {@code unauthenticated}, a refusal of the access policy 403 with its slug.
 */
public final class Callers {
    private Callers() {
    }

    /** The caller the gateway named, or a 401 problem. */
    public static Caller require(Function<String, String> header) {
        return CallerHeaders.read(header).orElseThrow(Callers::unauthenticated);
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(Problem.of(401, "unauthenticated", "Unauthenticated",
                "This endpoint is reached through the gateway with a token"));
    }

    public static ProblemException forbidden(Refusal refusal) {
        return new ProblemException(Problem.of(403, refusal.slug(), "Forbidden", refusal.detail()));
    }

    /** Throws the 403 problem of a refusal; returns normally when there is none. */
    public static void enforce(Optional<Refusal> refusal) {
        if (refusal.isPresent()) {
            throw forbidden(refusal.get());
        }
    }
}
