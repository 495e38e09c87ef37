package sh.grassroots.stations.booking.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.stations.booking.model.BookerKind;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The booking endpoint checks its body by hand (it is the rush-hour path); the record keeps its
 * Bean Validation annotations for the published contract. Here the two must agree: for every
 * request, the hand-written checks answer exactly the field errors Hibernate Validator finds from
 * the annotations (same fields, same messages) — so changing one without the other fails.
 */
class BookingRequestChecksTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-09T14:00:00+08:00");
    private static final List<OffsetDateTime> TIMES = java.util.Arrays.asList(null, AT);
    private static final List<BookerKind> KINDS = java.util.Arrays.asList(null, BookerKind.MEMBER, BookerKind.PUBLIC);
    private static final List<String> TEXTS = java.util.Arrays.asList(null, "", "   ", "王女士", "x".repeat(30),
            "x".repeat(31), "x".repeat(200), "x".repeat(201), "x".repeat(500), "x".repeat(501), " ".repeat(201));
    private static final int[] ATTENDEES = {Integer.MIN_VALUE, -1, 0, 1, 5, 10000, 10001, Integer.MAX_VALUE};

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void every_field_alone_gets_the_annotations_answer() {
        RoomBookingResource.BookingRequest valid = request(AT, AT, BookerKind.MEMBER, "王女士", null, "读书会", 5);
        assertEquals(List.of(), byHand(valid));
        int compared = 0;
        for (OffsetDateTime t : TIMES) {
            compared += compare(request(t, AT, BookerKind.MEMBER, "王女士", null, "读书会", 5));
            compared += compare(request(AT, t, BookerKind.MEMBER, "王女士", null, "读书会", 5));
        }
        for (BookerKind kind : KINDS) {
            compared += compare(request(AT, AT, kind, "王女士", null, "读书会", 5));
        }
        for (String text : TEXTS) {
            compared += compare(request(AT, AT, BookerKind.MEMBER, text, null, "读书会", 5));
            compared += compare(request(AT, AT, BookerKind.MEMBER, "王女士", text, "读书会", 5));
            compared += compare(request(AT, AT, BookerKind.MEMBER, "王女士", null, text, 5));
        }
        for (int n : ATTENDEES) {
            compared += compare(request(AT, AT, BookerKind.MEMBER, "王女士", null, "读书会", n));
        }
        assertTrue(compared > 30);
    }

    @Test
    void random_mixtures_of_broken_fields_get_the_annotations_answer() {
        Random random = new Random(20261206);
        for (int i = 0; i < 2000; i++) {
            compare(request(TIMES.get(random.nextInt(TIMES.size())), TIMES.get(random.nextInt(TIMES.size())),
                    KINDS.get(random.nextInt(KINDS.size())), TEXTS.get(random.nextInt(TEXTS.size())),
                    TEXTS.get(random.nextInt(TEXTS.size())), TEXTS.get(random.nextInt(TEXTS.size())),
                    ATTENDEES[random.nextInt(ATTENDEES.length)]));
        }
    }

    @Test
    void a_missing_body_is_named_as_the_request() {
        ProblemException e = assertThrows(ProblemException.class, () -> RoomBookingResource.check(null));
        assertEquals(400, e.problem().status());
        assertEquals("validation", e.problem().slug());
        assertEquals(List.of(new Problem.FieldError("request", "must not be null")), e.problem().errors());
    }

    private static int compare(RoomBookingResource.BookingRequest request) {
        assertEquals(byAnnotations(request), byHand(request), request.toString());
        return 1;
    }

    private static List<String> byAnnotations(RoomBookingResource.BookingRequest request) {
        List<String> found = new ArrayList<>();
        for (ConstraintViolation<RoomBookingResource.BookingRequest> v : validator.validate(request)) {
            found.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    private static List<String> byHand(RoomBookingResource.BookingRequest request) {
        try {
            RoomBookingResource.check(request);
            return List.of();
        } catch (ProblemException e) {
            assertEquals(400, e.problem().status());
            assertEquals("validation", e.problem().slug());
            List<String> found = new ArrayList<>();
            for (Problem.FieldError error : e.problem().errors()) {
                found.add(error.field() + ": " + error.message());
            }
            found.sort(Comparator.naturalOrder());
            return found;
        }
    }

    private static RoomBookingResource.BookingRequest request(OffsetDateTime start, OffsetDateTime end, BookerKind kind,
                                                              String name, String phone, String purpose, int attendees) {
        return new RoomBookingResource.BookingRequest(start, end, kind, UUID.randomUUID(), name, phone, purpose,
                attendees);
    }
}
