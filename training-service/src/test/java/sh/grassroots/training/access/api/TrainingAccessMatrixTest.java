package sh.grassroots.training.access.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.platform.testing.Endpoints;
import sh.grassroots.platform.testing.Fuzz;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.training.testing.TrainingFixtures.COURSES;
import static sh.grassroots.training.testing.TrainingFixtures.DISTRICT;
import static sh.grassroots.training.testing.TrainingFixtures.ENROLMENTS;
import static sh.grassroots.training.testing.TrainingFixtures.SESSIONS;

/**
 * Every endpoint of training-service, with the callers it lets in and those it refuses, against
 * the real service and database. The tree: 哔哩哔哩党委 (Yangpu) provides the course and has the
 * branches UP主党支部 (the learner's home) and 第二党支部; 东方证券党委 is elsewhere in Yangpu; the admin
 * of Huangpu acts for another district. Each call gets a target of its own (a new session, a new
 * learner, a new enrolment), so that one caller's success never changes what the next one meets.
 * An allowed caller gets neither 401 nor 403 (a business rule may still say no); a refused one
 * gets 403 problem+json with the slug named; nobody without the gateway's headers gets past 401.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingAccessMatrixTest {
    static final String HUANGPU = "310101";
    static final String PEOPLE = "/api/v1/training/people";
    static final String MY_CALENDARS = "/api/v1/me/calendar-subscriptions";

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    TrainingFixtures fixtures;

    /** The tree and the course every target is made in; made once. */
    record World(UUID bilibili, UUID up, UUID second, UUID securities, String course) {
    }

    private static World world;

    /** What one call is aimed at: a new session of the course, a new learner at UP主党支部, maybe enrolled or credited. */
    record Target(String session, UUID person, String enrolment, String creditEntry, String subscription,
                  String feedToken) {
        Target(String session, UUID person, String enrolment, String creditEntry) {
            this(session, person, enrolment, creditEntry, null, null);
        }
    }

    /** A caller, made for the target (the learner is the target's person). */
    record Who(String name, Function<Target, RequestSpecification> as) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Refused(Who who, String slug) {
    }

    /** {@code publicByToken}: no caller headers needed, the secret in the path is the whole check. */
    record Entry(String endpoint, Supplier<Target> target, BiFunction<RequestSpecification, Target, Response> call,
                 List<Who> allowed, List<Refused> refused, boolean publicByToken) {
        Entry(String endpoint, Supplier<Target> target, BiFunction<RequestSpecification, Target, Response> call,
              List<Who> allowed, List<Refused> refused) {
            this(endpoint, target, call, allowed, refused, false);
        }
    }

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
        synchronized (TrainingAccessMatrixTest.class) {
            if (world == null) {
                UUID bilibili = fixtures.organization("哔哩哔哩党委", null);
                UUID up = fixtures.organization("UP主党支部", bilibili);
                UUID second = fixtures.organization("哔哩哔哩第二党支部", bilibili);
                UUID securities = fixtures.organization("东方证券党委", null);
                String course = fixtures.course("""
                        {"title":"沉浸式党课：从弹幕里读懂青年","kind":"IMMERSIVE","providerKind":"ORGANIZATION",
                         "providerId":"%s","creditHours":2}""".formatted(bilibili));
                world = new World(bilibili, up, second, securities, course);
            }
        }
    }

    // --- callers -------------------------------------------------------------------------------
    static final Who LEARNER = new Who("the learner", t -> AsCaller.member(t.person()));
    static final Who ANOTHER_MEMBER = new Who("another member", t -> AsCaller.member(UUID.randomUUID()));
    static final Who PROVIDER_ORGANIZER = new Who("an organizer of the provider 哔哩哔哩党委",
            t -> AsCaller.organizer(world.bilibili(), DISTRICT));
    static final Who PROVIDER_TRAINING_ADMIN = new Who("a training admin of 哔哩哔哩党委",
            t -> AsCaller.trainingAdmin(world.bilibili()));
    static final Who DISTRICT_ADMIN = new Who("the admin of Yangpu", t -> AsCaller.districtAdmin(DISTRICT));
    static final Who OTHER_DISTRICT_ADMIN = new Who("the admin of Huangpu", t -> AsCaller.districtAdmin(HUANGPU));
    static final Who ORGANIZER_ELSEWHERE = new Who("an organizer of 东方证券党委",
            t -> AsCaller.organizer(world.securities(), DISTRICT));
    static final Who HOME_SECRETARY = new Who("the secretary of the learner's branch",
            t -> AsCaller.branchSecretary(world.up()));
    static final Who OTHER_SECRETARY = new Who("the secretary of another branch",
            t -> AsCaller.branchSecretary(world.second()));
    static final Who SERVICE = new Who("another district's system", t -> AsCaller.service(HUANGPU));
    static final Who NOBODY = new Who("a phone calendar, without any caller headers", t -> AsCaller.anonymous());

    static Refused outOfScope(Who who) {
        return new Refused(who, "out-of-scope");
    }

    static Refused notOwn(Who who) {
        return new Refused(who, "not-own-record");
    }

    static Refused service() {
        return new Refused(SERVICE, "service-identity-not-allowed");
    }

    // --- targets -------------------------------------------------------------------------------
    Target newcomer() {
        String session = fixtures.sessionOpenNow(world.course(), 5);
        return new Target(session, fixtures.member("新学员", world.up()), null, null);
    }

    Target enrolled() {
        Target t = newcomer();
        String enrolment = fixtures.enrol(t.session(), t.person()).statusCode(201).extract().path("id");
        return new Target(t.session(), t.person(), enrolment, null);
    }

    Target credited() {
        UUID person = fixtures.member("已获学时", world.up());
        UUID entry = UUID.randomUUID();
        fixtures.update("insert into credit_entry (id, person_id, study_year, hours, recorded_at) values (?, ?, ?, ?, now())",
                entry, person, 2026, new BigDecimal("2.0"));
        return new Target(null, person, null, entry.toString());
    }

    /** A learner at UP主党支部 with a feed URL of their own calendar. */
    Target subscribed() {
        UUID person = fixtures.member("订阅日历", world.up());
        Response made = json(AsCaller.member(person), "{}").post(MY_CALENDARS);
        made.then().statusCode(201);
        String url = made.path("url");
        return new Target(null, person, null, null, made.path("id"),
                url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length()));
    }

    static RequestSpecification json(RequestSpecification spec, String body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    String sessionBody() {
        Instant starts = clock.instant().plus(Duration.ofDays(7));
        return """
                {"startsAt":"%s","endsAt":"%s","venueKind":"ADDRESS","venue":"哔哩哔哩党群服务站",
                 "capacity":10,"enrolmentOpensAt":"%s","enrolmentClosesAt":"%s","cancellationDeadline":"%s"}"""
                .formatted(starts, starts.plus(Duration.ofHours(2)), clock.instant(), starts.minus(Duration.ofDays(1)),
                        starts.minus(Duration.ofDays(2)));
    }

    // --- the matrix ----------------------------------------------------------------------------
    static final List<Who> ORGANIZERS = List.of(PROVIDER_ORGANIZER, PROVIDER_TRAINING_ADMIN, DISTRICT_ADMIN);
    static final List<Refused> NOT_ORGANIZERS = List.of(outOfScope(LEARNER), outOfScope(HOME_SECRETARY),
            outOfScope(ORGANIZER_ELSEWHERE), outOfScope(OTHER_DISTRICT_ADMIN), service());
    static final List<Who> ANY_PERSON = List.of(ANOTHER_MEMBER, OTHER_SECRETARY, OTHER_DISTRICT_ADMIN);
    static final List<Who> PERSON_AND_HOME_READERS = List.of(LEARNER, HOME_SECRETARY, PROVIDER_TRAINING_ADMIN,
            DISTRICT_ADMIN);
    static final List<Refused> OTHERS_OF_A_PERSON = List.of(notOwn(ANOTHER_MEMBER), outOfScope(OTHER_SECRETARY),
            outOfScope(ORGANIZER_ELSEWHERE), outOfScope(OTHER_DISTRICT_ADMIN), service());

    List<Entry> entries() {
        return List.of(
                new Entry("POST /api/v1/training/courses", () -> null,
                        (as, t) -> json(as, """
                                {"title":"党课","kind":"LECTURE","providerKind":"ORGANIZATION","providerId":"%s",
                                 "creditHours":1}""".formatted(world.bilibili())).post(COURSES),
                        ORGANIZERS,
                        List.of(outOfScope(HOME_SECRETARY), outOfScope(ORGANIZER_ELSEWHERE),
                                outOfScope(OTHER_DISTRICT_ADMIN), outOfScope(ANOTHER_MEMBER), service())),
                new Entry("GET /api/v1/training/courses", () -> null,
                        (as, t) -> as.queryParam("q", "党课").get(COURSES), ANY_PERSON, List.of(service())),
                new Entry("GET /api/v1/training/courses/{id}", () -> null,
                        (as, t) -> as.get(COURSES + "/" + world.course()), ANY_PERSON, List.of(service())),
                new Entry("PATCH /api/v1/training/courses/{id}", this::newcomer,
                        (as, t) -> json(as, "{\"description\":\"更正\"}").patch(COURSES + "/" + world.course()),
                        ORGANIZERS, NOT_ORGANIZERS),
                new Entry("POST /api/v1/training/courses/{id}/sessions", this::newcomer,
                        (as, t) -> json(as, sessionBody()).post(COURSES + "/" + world.course() + "/sessions"),
                        ORGANIZERS, NOT_ORGANIZERS),
                new Entry("GET /api/v1/training/sessions", () -> null,
                        (as, t) -> as.queryParam("courseId", world.course()).get(SESSIONS), ANY_PERSON, List.of(service())),
                new Entry("GET /api/v1/training/sessions/{id}", this::newcomer,
                        (as, t) -> as.get(SESSIONS + "/" + t.session()), ANY_PERSON, List.of(service())),
                new Entry("POST /api/v1/training/sessions/{id}/enrolments", this::newcomer,
                        (as, t) -> json(as, "{\"personId\":\"" + t.person() + "\"}")
                                .post(SESSIONS + "/" + t.session() + "/enrolments"),
                        List.of(LEARNER, HOME_SECRETARY, PROVIDER_ORGANIZER, DISTRICT_ADMIN),
                        List.of(notOwn(ANOTHER_MEMBER), notOwn(PROVIDER_TRAINING_ADMIN), outOfScope(OTHER_SECRETARY),
                                outOfScope(ORGANIZER_ELSEWHERE), outOfScope(OTHER_DISTRICT_ADMIN), service())),
                new Entry("POST /api/v1/training/sessions/{id}/bulk-enrolments", this::newcomer,
                        (as, t) -> json(as, "{\"organizationId\":\"" + world.up() + "\"}")
                                .post(SESSIONS + "/" + t.session() + "/bulk-enrolments"),
                        List.of(HOME_SECRETARY, PROVIDER_ORGANIZER, DISTRICT_ADMIN),
                        List.of(outOfScope(LEARNER), outOfScope(OTHER_SECRETARY), outOfScope(PROVIDER_TRAINING_ADMIN),
                                outOfScope(OTHER_DISTRICT_ADMIN), service())),
                new Entry("GET /api/v1/training/sessions/{id}/enrolments", this::enrolled,
                        (as, t) -> as.get(SESSIONS + "/" + t.session() + "/enrolments"), ORGANIZERS, NOT_ORGANIZERS),
                new Entry("POST /api/v1/training/sessions/{id}/attendance", this::enrolled,
                        (as, t) -> json(as, "{\"personId\":\"" + t.person() + "\"}")
                                .post(SESSIONS + "/" + t.session() + "/attendance"), ORGANIZERS, NOT_ORGANIZERS),
                new Entry("POST /api/v1/training/sessions/{id}/cancellation", this::enrolled,
                        (as, t) -> json(as, "{\"reason\":\"台风停课\"}").post(SESSIONS + "/" + t.session() + "/cancellation"),
                        ORGANIZERS, NOT_ORGANIZERS),
                new Entry("POST /api/v1/training/sessions/{id}/no-shows", this::enrolled,
                        (as, t) -> as.post(SESSIONS + "/" + t.session() + "/no-shows"), ORGANIZERS, NOT_ORGANIZERS),
                new Entry("GET /api/v1/training/sessions/{id}/check-in-code", this::enrolled,
                        (as, t) -> as.get(SESSIONS + "/" + t.session() + "/check-in-code"), ORGANIZERS, NOT_ORGANIZERS),
                new Entry("POST /api/v1/training/sessions/{id}/check-ins", this::enrolled,
                        (as, t) -> json(as, "{\"personId\":\"" + t.person() + "\",\"code\":\"000000\"}")
                                .post(SESSIONS + "/" + t.session() + "/check-ins"),
                        List.of(LEARNER),
                        List.of(notOwn(ANOTHER_MEMBER), notOwn(HOME_SECRETARY), notOwn(PROVIDER_ORGANIZER),
                                notOwn(DISTRICT_ADMIN), service())),
                new Entry("GET /api/v1/training/enrolments/{id}", this::enrolled,
                        (as, t) -> as.get(ENROLMENTS + "/" + t.enrolment()),
                        List.of(LEARNER, HOME_SECRETARY, PROVIDER_TRAINING_ADMIN, PROVIDER_ORGANIZER, DISTRICT_ADMIN),
                        OTHERS_OF_A_PERSON),
                new Entry("POST /api/v1/training/enrolments/{id}/cancellation", this::enrolled,
                        (as, t) -> json(as, "{\"reason\":\"出差\"}").post(ENROLMENTS + "/" + t.enrolment() + "/cancellation"),
                        List.of(LEARNER, HOME_SECRETARY, PROVIDER_TRAINING_ADMIN, DISTRICT_ADMIN),
                        OTHERS_OF_A_PERSON),
                new Entry("POST /api/v1/training/enrolments/{id}/acceptance", this::enrolled,
                        (as, t) -> as.post(ENROLMENTS + "/" + t.enrolment() + "/acceptance"),
                        List.of(LEARNER),
                        List.of(notOwn(ANOTHER_MEMBER), notOwn(HOME_SECRETARY), notOwn(PROVIDER_ORGANIZER),
                                notOwn(DISTRICT_ADMIN), service())),
                new Entry("POST /api/v1/training/credit-entries/{id}/reversal", this::credited,
                        (as, t) -> json(as, "{\"reason\":\"代签到，实际未参加\"}")
                                .post("/api/v1/training/credit-entries/" + t.creditEntry() + "/reversal"),
                        List.of(PROVIDER_TRAINING_ADMIN, PROVIDER_ORGANIZER, DISTRICT_ADMIN),
                        List.of(outOfScope(LEARNER), outOfScope(HOME_SECRETARY), outOfScope(ORGANIZER_ELSEWHERE),
                                outOfScope(OTHER_DISTRICT_ADMIN), service())),
                new Entry("GET /api/v1/training/completion-reports/{organizationId}", () -> null,
                        (as, t) -> as.get("/api/v1/training/completion-reports/" + world.up()),
                        List.of(HOME_SECRETARY, PROVIDER_TRAINING_ADMIN, PROVIDER_ORGANIZER, DISTRICT_ADMIN),
                        List.of(outOfScope(ANOTHER_MEMBER), outOfScope(OTHER_SECRETARY), outOfScope(ORGANIZER_ELSEWHERE),
                                outOfScope(OTHER_DISTRICT_ADMIN), service())),
                new Entry("GET /api/v1/training/organizations", () -> null,
                        (as, t) -> as.get("/api/v1/training/organizations"),
                        List.of(ANOTHER_MEMBER, HOME_SECRETARY, DISTRICT_ADMIN), List.of(service())),
                new Entry("GET /api/v1/training/organizations/{id}", () -> null,
                        (as, t) -> as.get("/api/v1/training/organizations/" + world.up()),
                        List.of(HOME_SECRETARY, PROVIDER_TRAINING_ADMIN, PROVIDER_ORGANIZER, DISTRICT_ADMIN),
                        List.of(outOfScope(ANOTHER_MEMBER), outOfScope(OTHER_SECRETARY), outOfScope(ORGANIZER_ELSEWHERE),
                                outOfScope(OTHER_DISTRICT_ADMIN), service())),
                new Entry("GET /api/v1/training/people/{personId}/sessions", this::enrolled,
                        (as, t) -> as.get(PEOPLE + "/" + t.person() + "/sessions"), PERSON_AND_HOME_READERS,
                        OTHERS_OF_A_PERSON),
                new Entry("GET /api/v1/training/people/{personId}/sessions.ics", this::enrolled,
                        (as, t) -> as.get(PEOPLE + "/" + t.person() + "/sessions.ics"), PERSON_AND_HOME_READERS,
                        OTHERS_OF_A_PERSON),
                new Entry("GET /api/v1/training/people/{personId}/credit-hours", this::credited,
                        (as, t) -> as.get(PEOPLE + "/" + t.person() + "/credit-hours"), PERSON_AND_HOME_READERS,
                        OTHERS_OF_A_PERSON),
                new Entry("POST /api/v1/me/calendar-subscriptions", () -> null,
                        (as, t) -> json(as, "{\"organizationId\":\"" + world.up() + "\"}").post(MY_CALENDARS),
                        List.of(HOME_SECRETARY, PROVIDER_TRAINING_ADMIN, PROVIDER_ORGANIZER, DISTRICT_ADMIN),
                        List.of(outOfScope(ANOTHER_MEMBER), outOfScope(OTHER_SECRETARY), outOfScope(ORGANIZER_ELSEWHERE),
                                outOfScope(OTHER_DISTRICT_ADMIN), service())),
                new Entry("GET /api/v1/me/calendar-subscriptions", () -> null,
                        (as, t) -> as.get(MY_CALENDARS), ANY_PERSON, List.of(service())),
                new Entry("DELETE /api/v1/me/calendar-subscriptions/{id}", this::subscribed,
                        (as, t) -> as.delete(MY_CALENDARS + "/" + t.subscription()),
                        List.of(LEARNER),
                        List.of(notOwn(ANOTHER_MEMBER), notOwn(HOME_SECRETARY), notOwn(DISTRICT_ADMIN), service())),
                new Entry("GET /calendar/{token}.ics", this::subscribed,
                        (as, t) -> as.get("/calendar/" + t.feedToken() + ".ics"),
                        List.of(NOBODY, ANOTHER_MEMBER, SERVICE), List.of(), true));
    }

    @Test
    void every_endpoint_has_an_entry_and_every_entry_an_endpoint() {
        Endpoints.assertCovered(entries().stream().map(Entry::endpoint).collect(Collectors.toSet()),
                Endpoints.of("sh.grassroots.training"));
    }

    @TestFactory
    List<DynamicNode> each_endpoint_lets_in_whom_it_should_and_refuses_the_others() {
        List<DynamicNode> endpoints = new ArrayList<>();
        for (Entry entry : entries()) {
            List<DynamicTest> cases = new ArrayList<>();
            if (!entry.publicByToken()) {
                cases.add(DynamicTest.dynamicTest("without the gateway's caller headers: 401", () ->
                        entry.call().apply(AsCaller.anonymous(), entry.target().get()).then().statusCode(401)
                                .contentType("application/problem+json")
                                .body("type", equalTo("urn:grassroots:problem:unauthenticated"))));
            }
            for (Who who : entry.allowed()) {
                cases.add(DynamicTest.dynamicTest(who + " is let in", () -> {
                    Target target = entry.target().get();
                    Response answer = entry.call().apply(who.as().apply(target), target);
                    answer.then().statusCode(not(oneOf(401, 403)));
                }));
            }
            for (Refused refused : entry.refused()) {
                cases.add(DynamicTest.dynamicTest(refused.who() + " is refused: " + refused.slug(), () -> {
                    Target target = entry.target().get();
                    entry.call().apply(refused.who().as().apply(target), target).then().statusCode(403)
                            .contentType("application/problem+json")
                            .body("type", equalTo("urn:grassroots:problem:" + refused.slug()));
                }));
            }
            endpoints.add(DynamicContainer.dynamicContainer(entry.endpoint(), cases));
        }
        return endpoints;
    }

    /** An unknown id in the path: 404 for everyone, whether or not they could act on such an object. */
    @TestFactory
    List<DynamicTest> an_unknown_id_is_404_for_everyone() {
        String none = UUID.randomUUID().toString();
        Map<String, Function<RequestSpecification, Response>> calls = new LinkedHashMap<>();
        calls.put("GET /api/v1/training/courses/{id}", as -> as.get(COURSES + "/" + none));
        calls.put("PATCH /api/v1/training/courses/{id}",
                as -> json(as, "{\"description\":\"更正\"}").patch(COURSES + "/" + none));
        calls.put("POST /api/v1/training/courses/{id}/sessions",
                as -> json(as, sessionBody()).post(COURSES + "/" + none + "/sessions"));
        calls.put("GET /api/v1/training/sessions/{id}", as -> as.get(SESSIONS + "/" + none));
        calls.put("POST /api/v1/training/sessions/{id}/enrolments",
                as -> json(as, "{\"personId\":\"" + none + "\"}").post(SESSIONS + "/" + none + "/enrolments"));
        calls.put("POST /api/v1/training/sessions/{id}/bulk-enrolments",
                as -> json(as, "{\"organizationId\":\"" + world.up() + "\"}").post(SESSIONS + "/" + none + "/bulk-enrolments"));
        calls.put("GET /api/v1/training/sessions/{id}/enrolments", as -> as.get(SESSIONS + "/" + none + "/enrolments"));
        calls.put("POST /api/v1/training/sessions/{id}/attendance",
                as -> json(as, "{\"personId\":\"" + none + "\"}").post(SESSIONS + "/" + none + "/attendance"));
        calls.put("POST /api/v1/training/sessions/{id}/cancellation",
                as -> json(as, "{}").post(SESSIONS + "/" + none + "/cancellation"));
        calls.put("POST /api/v1/training/sessions/{id}/no-shows", as -> as.post(SESSIONS + "/" + none + "/no-shows"));
        calls.put("GET /api/v1/training/sessions/{id}/check-in-code", as -> as.get(SESSIONS + "/" + none + "/check-in-code"));
        calls.put("POST /api/v1/training/sessions/{id}/check-ins",
                as -> json(as, "{\"personId\":\"" + none + "\",\"code\":\"1\"}").post(SESSIONS + "/" + none + "/check-ins"));
        calls.put("GET /api/v1/training/enrolments/{id}", as -> as.get(ENROLMENTS + "/" + none));
        calls.put("POST /api/v1/training/enrolments/{id}/cancellation",
                as -> json(as, "{}").post(ENROLMENTS + "/" + none + "/cancellation"));
        calls.put("POST /api/v1/training/enrolments/{id}/acceptance", as -> as.post(ENROLMENTS + "/" + none + "/acceptance"));
        calls.put("POST /api/v1/training/credit-entries/{id}/reversal",
                as -> json(as, "{\"reason\":\"x\"}").post("/api/v1/training/credit-entries/" + none + "/reversal"));
        calls.put("GET /api/v1/training/completion-reports/{organizationId}",
                as -> as.get("/api/v1/training/completion-reports/" + none));
        calls.put("GET /api/v1/training/organizations/{id}", as -> as.get("/api/v1/training/organizations/" + none));
        calls.put("GET /api/v1/training/people/{personId}/sessions", as -> as.get(PEOPLE + "/" + none + "/sessions"));
        calls.put("GET /api/v1/training/people/{personId}/sessions.ics", as -> as.get(PEOPLE + "/" + none + "/sessions.ics"));
        calls.put("GET /api/v1/training/people/{personId}/credit-hours", as -> as.get(PEOPLE + "/" + none + "/credit-hours"));
        calls.put("DELETE /api/v1/me/calendar-subscriptions/{id}", as -> as.delete(MY_CALENDARS + "/" + none));
        calls.put("GET /calendar/{token}.ics", as -> as.get("/calendar/" + none + ".ics"));
        assertEquals(Endpoints.of("sh.grassroots.training").stream().filter(e -> e.contains("{")).collect(Collectors.toSet()),
                calls.keySet(), "every endpoint with an id in its path is tried with an unknown one");

        List<DynamicTest> cases = new ArrayList<>();
        calls.forEach((endpoint, call) -> {
            for (Who who : List.of(ANOTHER_MEMBER, DISTRICT_ADMIN)) {
                cases.add(DynamicTest.dynamicTest(endpoint + " by " + who, () -> call.apply(who.as().apply(null)).then()
                        .statusCode(404).contentType("application/problem+json")
                        .body("type", equalTo("urn:grassroots:problem:not-found"))));
            }
        });
        return cases;
    }

    @Test
    void the_organization_list_shows_what_the_callers_training_scope_reaches_and_no_more() {
        List<String> secretarySees = allOrganizations(() -> AsCaller.branchSecretary(world.up()));
        assertEquals(List.of(world.up().toString()), secretarySees);
        List<String> organizerSees = allOrganizations(() -> AsCaller.trainingAdmin(world.bilibili()));
        assertEquals(List.of(world.bilibili(), world.up(), world.second()).stream().map(UUID::toString).sorted().toList(),
                organizerSees);
        List<String> adminSees = allOrganizations(() -> AsCaller.districtAdmin(DISTRICT));
        assertEquals(true, adminSees.containsAll(organizerSees) && adminSees.contains(world.securities().toString()));
        assertEquals(List.of(), allOrganizations(() -> AsCaller.member(UUID.randomUUID())));
        assertEquals(false, allOrganizations(() -> AsCaller.districtAdmin(HUANGPU)).contains(world.up().toString()));
        AsCaller.districtAdmin(HUANGPU).get("/api/v1/training/organizations/" + world.up()).then().statusCode(403);
    }

    private static List<String> allOrganizations(Supplier<RequestSpecification> as) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as.get().queryParam("limit", 500);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/training/organizations");
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    /**
     * The inputs that once made writes answer 500 (a NUL character, a date in the year 300000, a
     * null inside a list, numbers at the edges, eight identical requests at once: platform/testing
     * {@link Fuzz}), sent to every write endpoint as its first allowed caller sends it; then every
     * read again, so that nothing the fuzz left behind breaks a later request. Last, so that what
     * it changes never meets the matrix's own calls.
     */
    @TestFactory
    @Order(Integer.MAX_VALUE)
    List<DynamicTest> no_input_makes_an_endpoint_answer_a_server_error() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Entry> all = entries();
        for (Entry entry : all) {
            if (!entry.endpoint().startsWith("GET ")) {
                tests.add(DynamicTest.dynamicTest(entry.endpoint(), () -> {
                    Target target = entry.target().get();
                    Fuzz.Captured request = Fuzz.capture(entry.allowed().get(0).as().apply(target),
                            as -> entry.call().apply(as, target));
                    assertEquals(List.of(), Fuzz.problemsWith(request));
                }));
            }
        }
        for (Entry entry : all) {
            if (entry.endpoint().startsWith("GET ")) {
                tests.add(DynamicTest.dynamicTest("afterwards, still: " + entry.endpoint(), () -> {
                    Target target = entry.target().get();
                    Fuzz.Captured request = Fuzz.capture(entry.allowed().get(0).as().apply(target),
                            as -> entry.call().apply(as, target));
                    String problem = Fuzz.judge("after the fuzz", request, Fuzz.replay(request));
                    assertEquals(null, problem);
                }));
            }
        }
        return tests;
    }
}
