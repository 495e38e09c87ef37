package sh.grassroots.platform.web;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.platform.rules.RuleKind;

/**
 * The one place a broken rule becomes the problem a client sees: the rule's slug is the type, its
 * kind decides the status, the title comes from the problem catalogue (translated per
 * {@code Accept-Language} by {@link ProblemMappers} like every other problem). Application code
 * returns or throws rejections and never picks a status code.
 */
public final class Rejections {
    private Rejections() {
    }

    public static int status(RuleKind kind) {
        return switch (kind) {
            case INVALID -> 422;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case GONE -> 410;
            case STALE -> 412;
            case MALFORMED -> 400;
        };
    }

    public static Problem problem(Rejection rejection) {
        String slug = rejection.slug();
        return Problem.of(status(rejection.kind()), slug, title(slug), rejection.detail());
    }

    /** To throw from a use case's pipeline; the exception mapper writes it. */
    public static ProblemException exception(Rejection rejection) {
        return new ProblemException(problem(rejection));
    }

    static String title(String slug) {
        String written = ProblemCatalogue.shared().plainEnglishTitle(slug);
        if (written != null) {
            return written;
        }
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
