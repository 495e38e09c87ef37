package sh.grassroots.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every error leaves the service as application/problem+json: clients' mistakes as 4xx with
 * field details, our own faults as a bare 500 whose detail is only the request id.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Instance<FailureTranslator> translators;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return respond(Problem.withErrors(400, "unknown-field", "Unknown field",
                "The request has a field this API does not know: " + field,
                List.of(new Problem.FieldError(field, "unknown field"))), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = path(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return respond(Problem.withErrors(400, "invalid-field", "Invalid field value",
                "Field " + field + " must be " + expected,
                List.of(new Problem.FieldError(field, "must be " + expected))), uri);
    }

    @ServerExceptionMapper(priority = 0)
    public Response unstorable(UnstorableValueException e, UriInfo uri) {
        String field = path(e);
        return respond(Problem.withErrors(400, "invalid-field", "Invalid field value",
                "Field " + (field.isEmpty() ? "(the body)" : field) + " " + e.rule(),
                List.of(new Problem.FieldError(field, e.rule()))), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response nullInside(InvalidNullException e, UriInfo uri) {
        String field = path(e);
        return respond(Problem.withErrors(400, "invalid-field", "Invalid field value",
                "Field " + field + " must not be null", List.of(new Problem.FieldError(field, "must not be null"))), uri);
    }

    @ServerExceptionMapper(priority = 2)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        if (field.isEmpty()) {
            return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                    "The request body is not the JSON object this endpoint expects"), uri);
        }
        return respond(Problem.withErrors(400, "invalid-field", "Invalid field value",
                "Field " + field + " must be " + expected,
                List.of(new Problem.FieldError(field, "must be " + expected))), uri);
    }

    @ServerExceptionMapper(priority = 3)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON"), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return respond(FieldChecks.problem(e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .toList()), uri);
    }

    @ServerExceptionMapper(priority = 2)
    public Response validation(ValidationException e, UriInfo uri) {
        LOG.error("Validation could not run", e);
        return respond(Problem.of(500, "internal", "Internal error", null), uri);
    }

    @ServerExceptionMapper(priority = 10)
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps parse errors in a 400; answer them as the parse error they are.
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, uri);
        }
        if (e.getCause() instanceof UnstorableValueException cause) {
            return unstorable(cause, uri);
        }
        if (e.getCause() instanceof InvalidNullException cause) {
            return nullInside(cause, uri);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return invalidValue(cause, uri);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause, uri);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        return respond(Problem.of(status, slug, title, status >= 500 ? null : e.getMessage()), uri);
    }

    @ServerExceptionMapper(priority = 100)
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<Problem> known = translate(e);
        if (known.isPresent()) {
            return respond(known.get(), uri);
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; quote request id " + RequestIds.current()), uri);
    }

    /** What a {@link FailureTranslator} of the service (e.g. platform/persistence's) makes of a failure. */
    private Optional<Problem> translate(Throwable e) {
        if (translators == null) {
            return Optional.empty();
        }
        for (FailureTranslator translator : translators) {
            Optional<Problem> problem = translator.translate(e);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem located = uri == null ? problem : problem.at(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Paths look like "create.request.name": method, parameter, then the field the client sent.
        String[] parts = violation.getPropertyPath().toString().split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "OffsetDateTime", "Instant" -> "a timestamp with offset (ISO-8601)";
            case "int", "Integer", "long", "Long" -> "an integer";
            default -> "a " + type.getSimpleName();
        };
    }
}
