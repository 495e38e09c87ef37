package sh.grassroots.org.access.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.testing.Endpoints;
import sh.grassroots.platform.testing.Fuzz;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.member.api.MemberApi.aFullMemberOf;
import static sh.grassroots.org.testing.Districts.HUANGPU;
import static sh.grassroots.org.testing.Districts.YANGPU;
import static sh.grassroots.org.tree.api.TreeApi.branch;
import static sh.grassroots.org.tree.api.TreeApi.committee;
import static sh.grassroots.org.tree.api.TreeApi.createIn;
import static sh.grassroots.org.tree.api.TreeApi.unique;
import static sh.grassroots.platform.testing.AsCaller.anonymous;
import static sh.grassroots.platform.testing.AsCaller.branchSecretary;
import static sh.grassroots.platform.testing.AsCaller.districtAdmin;
import static sh.grassroots.platform.testing.AsCaller.member;
import static sh.grassroots.platform.testing.AsCaller.organizer;
import static sh.grassroots.platform.testing.AsCaller.service;
import static sh.grassroots.platform.testing.AsCaller.trainingAdmin;

/**
 * Who may call each of org-service's endpoints, against the running service and its database:
 * one entry per endpoint (a new endpoint without an entry fails {@link #every_endpoint_has_an_entry}),
 * each with the callers allowed and the callers refused (with the slug they get). For every entry:
 * no gateway headers is 401; each refused caller is 403 problem+json with its slug; each allowed
 * caller gets past the check (neither 400, 401, 403 nor 404: the request is valid and the check
 * let it through to the operation, whose own rules may still say no); unknown ids are 404.
 * <p>
 * The fixture, all made by the districts' admins: in Yangpu committee {@code A} with branch
 * {@code a1} (members {@code m}, {@code m2}…{@code m5}) and committee {@code B} with branch
 * {@code b1}; in Huangpu committee {@code H} with branch {@code h1}. Transfers: {@code t} (m2, a1 → b1,
 * requested), {@code tc} (m3, a1 → b1, cancelled), {@code tx} (m4, a1 → h1, requested),
 * {@code txc} (m5, a1 → h1, cancelled). A joint conference {@code c} hosted by Huangpu with units
 * {@code u1} (chairing the first half of 2026), {@code u2} and {@code u3} (B's company, with a registered
 * staff member {@code s} who is not a party member), an open offer {@code o} and need
 * {@code n}, a withdrawn offer {@code ow} and need {@code nw}, and a proposed project {@code p}.
 * The allowed calls are aimed so that they change nothing the other entries rely on (a leaving date
 * before admission, a cancelled transfer, a branch that is not temporary…).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrgAccessMatrixTest {
    private static final String ORGS = "/api/v1/orgs/organizations";
    private static final String MEMBERS = "/api/v1/orgs/members";
    private static final String TRANSFERS = "/api/v1/orgs/transfers";
    private static final String INTER = "/inter-district/v1/transfers";
    private static final String BRANCHES = "/api/v1/orgs/branches";
    private static final String CONFERENCES = "/api/v1/orgs/conferences";
    private static final String OUT = Refusal.OUT_OF_SCOPE;
    private static final String NOT_PEOPLE = Refusal.SERVICE_IDENTITY_NOT_ALLOWED;
    private static final String SYSTEMS_ONLY = "service-identity-required";

    /** A caller, made from the fixture's ids when the request is sent. */
    record Who(String name, Function<Map<String, String>, RequestSpecification> as) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Refused(Who who, String slug) {
    }

    /**
     * @param endpoint    as {@link Endpoints} names it
     * @param path        the request's path (and query), with {@code {fixture}} ids
     * @param body        JSON with {@code {fixture}} ids and {@code {fresh}} for a new name, or null
     * @param unknownPath where the ids are unknown: derived from the endpoint's path parameters when
     *                    null; "" when the endpoint names no object
     */
    record Entry(String endpoint, String path, String body, List<Who> allowed, List<Refused> refused,
                 String unknownPath) {
        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        @Override
        public String toString() {
            return endpoint;
        }
    }

    static final Who ADMIN_Y = new Who("Yangpu's admin", ids -> districtAdmin(YANGPU));
    static final Who ADMIN_H = new Who("Huangpu's admin", ids -> districtAdmin(HUANGPU));
    static final Who ORGANIZER_A = new Who("organizer of A", ids -> organizer(ids.get("A"), YANGPU));
    static final Who ORGANIZER_B = new Who("organizer of B", ids -> organizer(ids.get("B"), YANGPU));
    static final Who ORGANIZER_H = new Who("organizer of Huangpu's H", ids -> organizer(ids.get("H"), HUANGPU));
    static final Who SECRETARY_A1 = new Who("secretary of a1", ids -> branchSecretary(ids.get("a1")));
    static final Who SECRETARY_B1 = new Who("secretary of b1", ids -> branchSecretary(ids.get("b1")));
    static final Who TRAINING_ADMIN_A = new Who("training admin of A", ids -> trainingAdmin(ids.get("A")));
    static final Who MEMBER_M = new Who("member m", ids -> member(ids.get("m")));
    static final Who MEMBER_M2 = new Who("member m2", ids -> member(ids.get("m2")));
    static final Who MEMBER_M3 = new Who("member m3", ids -> member(ids.get("m3")));
    static final Who STRANGER = new Who("another member", ids -> member("00000000-0000-0000-0000-00000000abcd"));
    static final Who SERVICE_Y = new Who("Yangpu's system", ids -> service(YANGPU));
    static final Who SERVICE_H = new Who("Huangpu's system", ids -> service(HUANGPU));

    private static Map<String, String> fixture;

    static Stream<Entry> entries() {
        List<Entry> e = new ArrayList<>();
        List<Who> structure = List.of(ADMIN_Y, ORGANIZER_A);
        // a1's secretary reaches neither up to A nor restructures; a training admin has no say over the tree.
        List<Refused> notStructure = List.of(refused(SECRETARY_A1), refused(ORGANIZER_B), refused(ADMIN_H),
                refused(STRANGER), refused(TRAINING_ADMIN_A), new Refused(SERVICE_Y, NOT_PEOPLE));
        List<Who> anyPerson = List.of(STRANGER, ADMIN_H, TRAINING_ADMIN_A);
        List<Refused> systemOfYangpu = List.of(new Refused(SERVICE_Y, NOT_PEOPLE));

        // The tree
        e.add(entry("POST " + ORGS, ORGS,
                "{\"name\":\"新支部{fresh}\",\"kind\":\"BRANCH\",\"districtCode\":\"310110\",\"parentId\":\"{A}\"}",
                structure, notStructure, ""));
        e.add(entry("GET " + ORGS + "/{id}", ORGS + "/{a1}", null, anyPerson, systemOfYangpu));
        e.add(entry("POST " + ORGS + "/{id}/rename", ORGS + "/{a1}/rename", "{\"name\":\"改名支部{fresh}\"}",
                structure, notStructure));
        // Under its own branch: both ends are in scope, and the tree's rules refuse the loop.
        e.add(entry("POST " + ORGS + "/{id}/move", ORGS + "/{A}/move", "{\"parentId\":\"{a1}\"}", structure,
                notStructure));
        // It has a branch below: the dissolution rules refuse.
        e.add(entry("POST " + ORGS + "/{id}/dissolve", ORGS + "/{A}/dissolve",
                "{\"dissolvedOn\":\"2024-01-01\",\"documentNumber\":\"沪杨委〔2026〕1号\"}", structure, notStructure));
        for (String read : List.of("descendants", "history", "member-counts", "size-report")) {
            e.add(entry("GET " + ORGS + "/{id}/" + read, ORGS + "/{A}/" + read, null, structure, notStructure));
        }
        e.add(entry("GET " + ORGS + "/{id}/path", ORGS + "/{a1}/path", null, anyPerson, systemOfYangpu));
        // Name search: only where the caller manages a part of the tree (a training admin reads no subtree).
        List<Who> searchers = List.of(ADMIN_Y, ADMIN_H, ORGANIZER_A, SECRETARY_A1);
        List<Refused> noPartOfTheTree = List.of(refused(TRAINING_ADMIN_A), refused(MEMBER_M), refused(STRANGER),
                new Refused(SERVICE_Y, NOT_PEOPLE));
        e.add(entry("GET " + ORGS + "/search", ORGS + "/search?q=支部", null, searchers, noPartOfTheTree, ""));
        e.add(entry("GET " + MEMBERS + "/search", MEMBERS + "/search?q=王", null, searchers, noPartOfTheTree, ""));

        // Members
        List<Refused> notMembersOfA1 = List.of(refused(SECRETARY_B1), refused(ADMIN_H), refused(STRANGER),
                refused(TRAINING_ADMIN_A), new Refused(SERVICE_Y, NOT_PEOPLE));
        e.add(entry("POST " + MEMBERS, MEMBERS, "{\"name\":\"王小明\",\"idNumber\":\"not-an-id\","
                        + "\"homeOrganizationId\":\"{a1}\",\"admittedOn\":\"2020-01-01\"}",
                List.of(ADMIN_Y, ORGANIZER_A, SECRETARY_A1), plus(notMembersOfA1, refused(MEMBER_M)), ""));
        e.add(entry("GET " + MEMBERS + "/{id}", MEMBERS + "/{m}", null,
                List.of(MEMBER_M, SECRETARY_A1, ORGANIZER_A, ADMIN_Y), notMembersOfA1));
        e.add(entry("GET " + MEMBERS, MEMBERS + "?homeOrganizationId={a1}", null,
                List.of(SECRETARY_A1, ORGANIZER_A, ADMIN_Y), plus(notMembersOfA1, refused(MEMBER_M)),
                MEMBERS + "?homeOrganizationId=" + UUID.randomUUID()));
        e.add(entry("PUT " + MEMBERS + "/{id}/phone", MEMBERS + "/{m}/phone", "{\"phone\":\"12345\"}",
                List.of(MEMBER_M, SECRETARY_A1), notMembersOfA1));
        e.add(entry("POST " + MEMBERS + "/{id}/status", MEMBERS + "/{m}/status",
                "{\"status\":\"FULL\",\"effectiveOn\":\"2024-01-01\"}", List.of(SECRETARY_A1, ADMIN_Y),
                plus(notMembersOfA1, refused(MEMBER_M))));
        e.add(entry("POST " + MEMBERS + "/{id}/leave", MEMBERS + "/{m}/leave",
                "{\"leftOn\":\"1990-01-01\",\"reason\":\"WITHDREW\"}", List.of(SECRETARY_A1, ORGANIZER_A),
                plus(notMembersOfA1, refused(MEMBER_M))));
        e.add(entry("GET " + MEMBERS + "/{memberId}/attributes", MEMBERS + "/{m}/attributes", null,
                List.of(MEMBER_M, SECRETARY_A1), notMembersOfA1));
        e.add(entry("PUT " + MEMBERS + "/{memberId}/attributes", MEMBERS + "/{m}/attributes", "{\"attributes\":{}}",
                List.of(SECRETARY_A1, ADMIN_Y), plus(notMembersOfA1, refused(MEMBER_M))));
        e.add(entry("GET " + MEMBERS + "/{memberId}/affiliations", MEMBERS + "/{m}/affiliations", null,
                List.of(MEMBER_M, SECRETARY_A1), notMembersOfA1));

        // Transfers by people. Asking to move to the branch one is in: the transfer rules refuse.
        e.add(entry("POST " + TRANSFERS, TRANSFERS, "{\"memberId\":\"{m}\",\"toOrganizationId\":\"{a1}\"}",
                List.of(MEMBER_M, SECRETARY_A1, ADMIN_Y), notMembersOfA1, ""));
        e.add(entry("GET " + TRANSFERS + "/{id}", TRANSFERS + "/{t}", null,
                List.of(MEMBER_M2, SECRETARY_A1, SECRETARY_B1, ADMIN_Y),
                List.of(refused(STRANGER), refused(ORGANIZER_H), refused(ADMIN_H), refused(TRAINING_ADMIN_A),
                        new Refused(SERVICE_Y, NOT_PEOPLE))));
        e.add(entry("GET " + TRANSFERS, TRANSFERS + "?memberId={m2}", null, List.of(MEMBER_M2, SECRETARY_A1),
                List.of(refused(STRANGER), refused(SECRETARY_B1), refused(ADMIN_H), new Refused(SERVICE_Y, NOT_PEOPLE)),
                TRANSFERS + "?memberId=" + UUID.randomUUID()));
        e.add(entry("GET " + TRANSFERS + "/incoming", TRANSFERS + "/incoming?organizationId={b1}", null,
                List.of(SECRETARY_B1, ORGANIZER_B, ADMIN_Y),
                List.of(refused(SECRETARY_A1), refused(STRANGER), refused(ADMIN_H), refused(TRAINING_ADMIN_A),
                        new Refused(SERVICE_Y, NOT_PEOPLE)),
                TRANSFERS + "/incoming?organizationId=" + UUID.randomUUID()));
        List<Refused> notReceiving = List.of(refused(SECRETARY_A1), refused(MEMBER_M3), refused(ADMIN_H),
                new Refused(SERVICE_Y, NOT_PEOPLE));
        e.add(entry("POST " + TRANSFERS + "/{id}/accept", TRANSFERS + "/{tc}/accept", null,
                List.of(SECRETARY_B1, ADMIN_Y), notReceiving));
        e.add(entry("POST " + TRANSFERS + "/{id}/reject", TRANSFERS + "/{tc}/reject", "{\"reason\":\"不符合条件\"}",
                List.of(SECRETARY_B1, ADMIN_Y), notReceiving));
        e.add(entry("POST " + TRANSFERS + "/{id}/complete", TRANSFERS + "/{tc}/complete", null,
                List.of(SECRETARY_B1, ADMIN_Y), notReceiving));
        e.add(entry("POST " + TRANSFERS + "/{id}/cancel", TRANSFERS + "/{tc}/cancel", null,
                List.of(MEMBER_M3, SECRETARY_A1), List.of(refused(SECRETARY_B1), refused(STRANGER), refused(ADMIN_H),
                        new Refused(SERVICE_Y, NOT_PEOPLE))));

        // Inter-district: only the receiving district's system
        List<Refused> notHuangpusSystem = List.of(refused(SERVICE_Y), new Refused(ADMIN_H, SYSTEMS_ONLY),
                new Refused(MEMBER_M, SYSTEMS_ONLY));
        e.add(entry("GET " + INTER, INTER, null, List.of(SERVICE_H, SERVICE_Y),
                List.of(new Refused(ADMIN_H, SYSTEMS_ONLY), new Refused(MEMBER_M, SYSTEMS_ONLY)), ""));
        e.add(entry("GET " + INTER + "/{id}", INTER + "/{tx}", null, List.of(SERVICE_H), notHuangpusSystem));
        e.add(entry("GET " + INTER + "/{id}/member", INTER + "/{tx}/member", null, List.of(SERVICE_H),
                notHuangpusSystem));
        e.add(entry("POST " + INTER + "/{id}/accept", INTER + "/{txc}/accept", null, List.of(SERVICE_H),
                notHuangpusSystem));
        e.add(entry("POST " + INTER + "/{id}/reject", INTER + "/{txc}/reject", "{\"reason\":\"不符合条件\"}",
                List.of(SERVICE_H), notHuangpusSystem));
        e.add(entry("POST " + INTER + "/{id}/complete", INTER + "/{txc}/complete", null, List.of(SERVICE_H),
                notHuangpusSystem));

        // Branch forms and affiliations, aimed at an ordinary branch: their own rules refuse.
        List<Refused> notManagingA1 = List.of(refused(SECRETARY_B1), refused(MEMBER_M), refused(ADMIN_H),
                refused(TRAINING_ADMIN_A), new Refused(SERVICE_Y, NOT_PEOPLE));
        List<Refused> notRestructuringA1 = List.of(refused(SECRETARY_A1), refused(ORGANIZER_B), refused(ADMIN_H),
                new Refused(SERVICE_Y, NOT_PEOPLE));
        e.add(entry("POST " + BRANCHES + "/{id}/extend", BRANCHES + "/{a1}/extend", "{\"plannedEndOn\":\"2030-01-01\"}",
                structure, notRestructuringA1));
        e.add(entry("PUT " + BRANCHES + "/{id}/criteria", BRANCHES + "/{a1}/criteria", "{\"criteria\":\"age >= 18\"}",
                structure, notRestructuringA1));
        e.add(entry("GET " + BRANCHES + "/{id}/candidates", BRANCHES + "/{a1}/candidates", null,
                List.of(SECRETARY_A1, ORGANIZER_A), notManagingA1));
        e.add(entry("POST " + BRANCHES + "/{id}/affiliations", BRANCHES + "/{a1}/affiliations",
                "{\"memberIds\":[\"" + UUID.randomUUID() + "\"]}", List.of(SECRETARY_A1, ADMIN_Y), notManagingA1));
        e.add(entry("GET " + BRANCHES + "/{id}/affiliations", BRANCHES + "/{a1}/affiliations", null,
                List.of(SECRETARY_A1, ORGANIZER_A), notManagingA1));
        e.add(entry("POST " + BRANCHES + "/{id}/affiliations/{memberId}/end", BRANCHES + "/{a1}/affiliations/{m}/end",
                null, List.of(SECRETARY_A1, ADMIN_Y), notManagingA1));
        e.add(entry("POST " + BRANCHES + "/{id}/recheck", BRANCHES + "/{a1}/recheck", null,
                List.of(SECRETARY_A1, ORGANIZER_A), notManagingA1));
        // Only a district's own admin reaches its code, so no one is let through to an unknown one
        // (DistrictReportApiTest: 403).
        e.add(entry("GET /api/v1/orgs/districts/{code}/size-report", "/api/v1/orgs/districts/" + YANGPU + "/size-report",
                null, List.of(ADMIN_Y), List.of(refused(ORGANIZER_A), refused(ADMIN_H), refused(STRANGER),
                        new Refused(SERVICE_Y, NOT_PEOPLE)), ""));
        e.add(entry("PUT /api/v1/orgs/villages/{id}", "/api/v1/orgs/villages/{a1}", "{\"areaKm2\":1.5,\"households\":100}",
                structure, notRestructuringA1));
        e.add(entry("GET /api/v1/orgs/villages/{id}/grid-check", "/api/v1/orgs/villages/{a1}/grid-check", null,
                List.of(SECRETARY_A1, ADMIN_Y), plus(notManagingA1, refused(STRANGER))));

        // Joint conferences: Huangpu's office writes, any person reads
        List<Who> office = List.of(ADMIN_H, ORGANIZER_H);
        List<Refused> notOffice = List.of(refused(ADMIN_Y), refused(ORGANIZER_A), refused(STRANGER),
                new Refused(SERVICE_H, NOT_PEOPLE));
        List<Who> readers = List.of(STRANGER, ADMIN_Y);
        List<Refused> notReaders = List.of(new Refused(SERVICE_H, NOT_PEOPLE));
        String c = CONFERENCES + "/{c}";
        e.add(entry("POST " + CONFERENCES, CONFERENCES,
                "{\"name\":\"联席会议{fresh}\",\"hostDistrict\":\"310101\",\"foundedOn\":\"2018-12-01\"}", office, notOffice, ""));
        e.add(entry("GET " + CONFERENCES, CONFERENCES, null, readers, notReaders, ""));
        e.add(entry("GET " + CONFERENCES + "/{id}", c, null, readers, notReaders));
        e.add(entry("POST " + CONFERENCES + "/{id}/units", c + "/units",
                "{\"name\":\"东方证券{fresh}\",\"sector\":\"CITY_SOE\",\"joinedOn\":\"2019-01-01\"}", office, notOffice));
        e.add(entry("GET " + CONFERENCES + "/{id}/units", c + "/units", null, readers, notReaders));
        e.add(entry("GET " + CONFERENCES + "/{id}/units/{unitId}", c + "/units/{u1}", null, readers, notReaders));
        e.add(entry("POST " + CONFERENCES + "/{id}/units/{unitId}/leave", c + "/units/{u1}/leave",
                "{\"leftOn\":\"2000-01-01\"}", office, notOffice));
        // A unit's staff as learners: the office, or whoever manages the members of the unit's
        // organization (u3's is B: Yangpu's admin, B's organizer), never a branch below it.
        String u3 = c + "/units/{u3}";
        List<Who> staffWriters = List.of(ADMIN_H, ORGANIZER_H, ORGANIZER_B, ADMIN_Y);
        List<Refused> notStaffWriters = List.of(refused(ORGANIZER_A), refused(SECRETARY_B1), refused(STRANGER),
                refused(TRAINING_ADMIN_A), new Refused(SERVICE_H, NOT_PEOPLE));
        List<Who> staffReaders = List.of(ADMIN_H, ORGANIZER_B, ADMIN_Y);
        List<Refused> notStaffReaders = List.of(refused(ORGANIZER_A), refused(STRANGER), new Refused(SERVICE_H, NOT_PEOPLE));
        e.add(entry("POST " + CONFERENCES + "/{id}/units/{unitId}/staff", u3 + "/staff",
                "{\"name\":\"王{fresh}\",\"phone\":\"13900000001\",\"partyMember\":false}", staffWriters,
                notStaffWriters));
        e.add(entry("GET " + CONFERENCES + "/{id}/units/{unitId}/staff", u3 + "/staff", null, staffReaders,
                notStaffReaders));
        e.add(entry("GET " + CONFERENCES + "/{id}/units/{unitId}/staff/{personId}", u3 + "/staff/{s}", null,
                staffReaders, notStaffReaders));
        e.add(entry("DELETE " + CONFERENCES + "/{id}/units/{unitId}/staff/{personId}", u3 + "/staff/{s}", null,
                staffWriters, notStaffWriters));
        e.add(entry("POST " + CONFERENCES + "/{id}/chair-terms", c + "/chair-terms",
                "{\"unitId\":\"{u2}\",\"startsOn\":\"2026-03-01\",\"endsOn\":\"2026-03-31\"}", office, notOffice));
        e.add(entry("GET " + CONFERENCES + "/{id}/chair-terms", c + "/chair-terms", null, readers, notReaders));
        e.add(entry("GET " + CONFERENCES + "/{id}/chair", c + "/chair?on=2026-03-01", null, readers, notReaders));
        for (String kind : List.of("offers", "needs")) {
            String listing = kind.equals("offers") ? "{o}" : "{n}";
            String withdrawn = kind.equals("offers") ? "{ow}" : "{nw}";
            e.add(entry("POST " + CONFERENCES + "/{id}/" + kind, c + "/" + kind, "{\"unitId\":\"{u2}\",\"category\":"
                    + "\"VENUE\",\"description\":\"场地\",\"quantity\":1,\"availableFrom\":\"2026-01-01\","
                    + "\"availableUntil\":\"2026-01-31\"}", office, notOffice));
            e.add(entry("GET " + CONFERENCES + "/{id}/" + kind, c + "/" + kind, null, readers, notReaders));
            e.add(entry("GET " + CONFERENCES + "/{id}/" + kind + "/{listingId}", c + "/" + kind + "/" + listing, null,
                    readers, notReaders));
            e.add(entry("POST " + CONFERENCES + "/{id}/" + kind + "/{listingId}/withdraw",
                    c + "/" + kind + "/" + withdrawn + "/withdraw", null, office, notOffice));
        }
        e.add(entry("GET " + CONFERENCES + "/{id}/matches", c + "/matches", null, readers, notReaders));
        e.add(entry("POST " + CONFERENCES + "/{id}/projects", c + "/projects",
                "{\"name\":\"共建\",\"matches\":[{\"offerId\":\"{ow}\",\"needId\":\"{nw}\"}]}", office, notOffice));
        e.add(entry("GET " + CONFERENCES + "/{id}/projects", c + "/projects", null, readers, notReaders));
        e.add(entry("GET " + CONFERENCES + "/{id}/projects/{projectId}", c + "/projects/{p}", null, readers,
                notReaders));
        e.add(entry("POST " + CONFERENCES + "/{id}/projects/{projectId}/activate", c + "/projects/{p}/activate", "{}",
                office, notOffice));
        e.add(entry("POST " + CONFERENCES + "/{id}/projects/{projectId}/close", c + "/projects/{p}/close", "{}",
                office, notOffice));
        return e.stream();
    }

    @Test
    void every_endpoint_has_an_entry() {
        Endpoints.assertCovered(entries().map(Entry::endpoint).collect(Collectors.toSet()),
                Endpoints.of("sh.grassroots.org"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void only_the_allowed_callers_get_through(Entry entry) {
        Map<String, String> ids = fixture();
        Response anonymous = send(anonymous(), entry.method(), entry.path(), entry.body(), ids);
        assertEquals(401, anonymous.statusCode(), () -> "no gateway headers on " + entry + ": " + anonymous.asString());
        assertEquals("urn:grassroots:problem:unauthenticated", anonymous.jsonPath().getString("type"));

        for (Refused refused : entry.refused()) {
            Response answer = send(refused.who().as().apply(ids), entry.method(), entry.path(), entry.body(), ids);
            assertEquals(403, answer.statusCode(), () -> refused.who() + " on " + entry + ": " + answer.asString());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer::contentType);
            assertEquals("urn:grassroots:problem:" + refused.slug(), answer.jsonPath().getString("type"),
                    () -> refused.who() + " on " + entry);
        }
        for (Who allowed : entry.allowed()) {
            Response answer = send(allowed.as().apply(ids), entry.method(), entry.path(), entry.body(), ids);
            int status = answer.statusCode();
            assertFalse(List.of(400, 401, 403, 404).contains(status) || status >= 500,
                    () -> allowed + " on " + entry + " got " + status + ": " + answer.asString());
        }
        String unknown = entry.unknownPath() != null ? entry.unknownPath() : unknownIds(entry.endpoint());
        if (!unknown.isEmpty()) {
            Response answer = send(entry.allowed().get(0).as().apply(ids), entry.method(), unknown, entry.body(), ids);
            assertEquals(404, answer.statusCode(), () -> "unknown ids on " + entry + ": " + answer.asString());
            assertEquals("urn:grassroots:problem:not-found", answer.jsonPath().getString("type"));
        }
    }

    static Stream<Entry> writes() {
        return entries().filter(e -> !e.method().equals("GET"));
    }

    /**
     * The inputs that once made writes answer 500 (a NUL character, a date in the year 300000, a
     * null inside a list, numbers at the edges, eight identical requests at once: platform/testing
     * {@link Fuzz}), sent to every write endpoint as its first allowed caller sends it. Last, so
     * that what it changes never meets the matrix's own calls.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    @Order(Integer.MAX_VALUE - 1)
    void no_input_makes_a_write_answer_a_server_error(Entry entry) {
        Map<String, String> ids = fixture();
        Fuzz.Captured request = Fuzz.capture(entry.allowed().get(0).as().apply(ids),
                as -> send(as, entry.method(), entry.path(), entry.body(), ids));
        assertEquals(List.of(), Fuzz.problemsWith(request));
    }

    /** After the fuzz, every read still answers: nothing it left behind breaks a later request. */
    @Test
    @Order(Integer.MAX_VALUE)
    void after_the_fuzz_every_read_still_answers() {
        Map<String, String> ids = fixture();
        List<String> problems = new ArrayList<>();
        entries().filter(e -> e.method().equals("GET")).forEach(entry -> {
            Fuzz.Captured request = Fuzz.capture(entry.allowed().get(0).as().apply(ids),
                    as -> send(as, entry.method(), entry.path(), entry.body(), ids));
            String problem = Fuzz.judge("after the fuzz", request, Fuzz.replay(request));
            if (problem != null) {
                problems.add(problem);
            }
        });
        assertEquals(List.of(), problems);
    }

    private static Entry entry(String endpoint, String path, String body, List<Who> allowed, List<Refused> refused) {
        return entry(endpoint, path, body, allowed, refused, null);
    }

    private static Entry entry(String endpoint, String path, String body, List<Who> allowed, List<Refused> refused,
                               String unknownPath) {
        return new Entry(endpoint, path, body, allowed, refused, unknownPath);
    }

    private static Refused refused(Who who) {
        return new Refused(who, OUT);
    }

    private static List<Refused> plus(List<Refused> refused, Refused more) {
        List<Refused> all = new ArrayList<>(refused);
        all.add(more);
        return all;
    }

    /** The endpoint's path with every path parameter an id that names nothing. */
    private static String unknownIds(String endpoint) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        if (!path.contains("{")) {
            return "";
        }
        Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder unknown = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(unknown, UUID.randomUUID().toString());
        }
        parameter.appendTail(unknown);
        return unknown.toString();
    }

    private static Response send(RequestSpecification as, String method, String path, String body,
                                 Map<String, String> ids) {
        String target = fill(path, ids);
        if (body != null) {
            as = as.contentType(ContentType.JSON).body(fill(body, ids));
        }
        return as.request(method, target);
    }

    private static String fill(String text, Map<String, String> ids) {
        String filled = text.replace("{fresh}", " " + UUID.randomUUID().toString().substring(0, 8));
        for (var id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    private static synchronized Map<String, String> fixture() {
        if (fixture != null) {
            return fixture;
        }
        Map<String, String> ids = new HashMap<>();
        String a = committee(unique("哔哩哔哩党委"));
        String a1 = branch(unique("UP主党支部"), a);
        String b = committee(unique("东方证券党委"));
        String b1 = branch(unique("第一党支部"), b);
        String h = createIn(HUANGPU, unique("老西门街道党工委"), "COMMITTEE", null);
        String h1 = createIn(HUANGPU, unique("小西门居民区第一党支部"), "BRANCH", h);
        ids.putAll(Map.of("A", a, "a1", a1, "B", b, "b1", b1, "H", h, "h1", h1));
        for (String m : List.of("m", "m2", "m3", "m4", "m5")) {
            ids.put(m, aFullMemberOf(a1));
        }
        ids.put("t", transfer(ids.get("m2"), b1));
        ids.put("tc", transfer(ids.get("m3"), b1));
        cancel(ids.get("tc"));
        ids.put("tx", transfer(ids.get("m4"), h1));
        ids.put("txc", transfer(ids.get("m5"), h1));
        cancel(ids.get("txc"));

        String c = created(CONFERENCES, "{\"name\":\"" + unique("外滩金融党建联席会议") + "\",\"hostDistrict\":\"" + HUANGPU
                + "\",\"foundedOn\":\"2018-12-01\"}");
        String base = CONFERENCES + "/" + c;
        ids.put("c", c);
        ids.put("u1", created(base + "/units", "{\"name\":\"太平洋保险\",\"sector\":\"CITY_SOE\",\"joinedOn\":\"2018-12-01\"}"));
        ids.put("u2", created(base + "/units", "{\"name\":\"外滩投资\",\"sector\":\"DISTRICT_SOE\",\"joinedOn\":\"2018-12-01\"}"));
        ids.put("u3", created(base + "/units", "{\"name\":\"东方证券\",\"sector\":\"CITY_SOE\",\"organizationId\":\""
                + b + "\",\"joinedOn\":\"2018-12-01\"}"));
        ids.put("s", districtAdmin(HUANGPU).contentType(ContentType.JSON)
                .body("{\"name\":\"赵敏\",\"phone\":\"13900000002\",\"partyMember\":false}")
                .post(base + "/units/" + ids.get("u3") + "/staff").then().statusCode(201).extract().path("personId"));
        created(base + "/chair-terms", "{\"unitId\":\"" + ids.get("u1") + "\",\"startsOn\":\"2026-01-01\","
                + "\"endsOn\":\"2026-06-30\"}");
        ids.put("o", listing(base + "/offers", ids.get("u2"), 20, "金融品巷·零距离党群服务站"));
        ids.put("n", listing(base + "/needs", ids.get("u1"), 10, "白领活动场地"));
        ids.put("ow", listing(base + "/offers", ids.get("u2"), 5, "藤蔓花园"));
        ids.put("nw", listing(base + "/needs", ids.get("u1"), 5, "读书会"));
        districtAdmin(HUANGPU).post(base + "/offers/" + ids.get("ow") + "/withdraw").then().statusCode(200);
        districtAdmin(HUANGPU).post(base + "/needs/" + ids.get("nw") + "/withdraw").then().statusCode(200);
        ids.put("p", created(base + "/projects", "{\"name\":\"金融品巷\",\"matches\":[{\"offerId\":\"" + ids.get("o")
                + "\",\"needId\":\"" + ids.get("n") + "\"}]}"));
        fixture = Map.copyOf(ids);
        return fixture;
    }

    private static String transfer(String member, String to) {
        return districtAdmin(YANGPU).contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + member + "\",\"toOrganizationId\":\"" + to + "\"}")
                .post(TRANSFERS).then().statusCode(201).extract().path("id");
    }

    private static void cancel(String transfer) {
        districtAdmin(YANGPU).post(TRANSFERS + "/" + transfer + "/cancel").then().statusCode(200);
    }

    private static String created(String path, String body) {
        return districtAdmin(HUANGPU).contentType(ContentType.JSON).body(body).post(path).then().statusCode(201)
                .extract().path("id");
    }

    private static String listing(String path, String unit, int quantity, String description) {
        LocalDate from = LocalDate.of(2026, 1, 1);
        return created(path, "{\"unitId\":\"" + unit + "\",\"category\":\"VENUE\",\"description\":\"" + description
                + "\",\"quantity\":" + quantity + ",\"availableFrom\":\"" + from + "\",\"availableUntil\":\""
                + from.plusMonths(11).plusDays(30) + "\"}");
    }
}
