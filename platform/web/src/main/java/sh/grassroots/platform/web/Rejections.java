package sh.grassroots.platform.web;

import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.platform.rules.RuleKind;

import java.util.List;

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
        return problem(rejection, rejection.fields().stream()
                .map(field -> new Problem.FieldError(field, rejection.detail())).toList());
    }

    /** The rejection naming the request's fields that broke it (e.g. an id in the body that does not exist). */
    public static Problem problem(Rejection rejection, List<Problem.FieldError> errors) {
        String slug = rejection.slug();
        return Problem.withErrors(status(rejection.kind()), slug, title(slug), rejection.detail(), errors);
    }

    /** To throw from a use case's pipeline; the exception mapper writes it. */
    public static ProblemException exception(Rejection rejection) {
        return new ProblemException(problem(rejection));
    }

    public static ProblemException exception(Rejection rejection, List<Problem.FieldError> errors) {
        return new ProblemException(problem(rejection, errors));
    }

    /** One field of the request broke the rule. */
    public static ProblemException exception(Rejection rejection, String field, String message) {
        return exception(rejection, List.of(new Problem.FieldError(field, message)));
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
