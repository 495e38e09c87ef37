package sh.grassroots.org.conference.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sh.grassroots.org.conference.api.ConferenceApi.PATH;
import static sh.grassroots.org.conference.api.ConferenceApi.conference;
import static sh.grassroots.org.conference.api.ConferenceApi.join;
import static sh.grassroots.org.conference.api.ConferenceApi.office;
import static sh.grassroots.org.conference.api.ConferenceApi.reader;
import static sh.grassroots.org.conference.api.ConferenceApi.term;
import static sh.grassroots.org.conference.api.ConferenceApi.termBody;
import static sh.grassroots.org.conference.api.ConferenceApi.unique;
import static sh.grassroots.org.conference.api.ConferenceApi.unit;

@QuarkusTest
class ChairRosterApiTest {
    private static final String OVERLAP = "urn:grassroots:problem:chair-terms-overlap";

    @Test
    void the_chair_rotates_and_is_derived_from_the_date() {
        String id = conference(unique("滨江党建·金融外滩"));
        String clearing = unit(id, "上海清算所", "CENTRAL_SOE");
        String pacific = unit(id, "太平洋保险", "CITY_SOE");
        String first = term(id, clearing, "2026-01-01", "2026-06-30").statusCode(201)
                .body("unitName", equalTo("上海清算所")).extract().path("id");
        String second = term(id, pacific, "2026-07-01", "2026-12-31").statusCode(201).extract().path("id");

        reader().queryParam("on", "2026-06-30").get(PATH + "/" + id + "/chair").then().statusCode(200)
                .body("unitName", equalTo("上海清算所")).body("term.id", equalTo(first));
        reader().queryParam("on", "2026-11-29").get(PATH + "/" + id + "/chair").then().statusCode(200)
                .body("unitId", equalTo(pacific)).body("on", equalTo("2026-11-29")).body("term.id", equalTo(second));
        reader().queryParam("on", "2027-01-01").get(PATH + "/" + id + "/chair").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:grassroots:problem:no-chair-on-date"));
        reader().queryParam("on", "29/11/2026").get(PATH + "/" + id + "/chair").then().statusCode(400)
                .body("errors.field", hasItem("on"));

        String cursor = reader().queryParam("limit", 1).get(PATH + "/" + id + "/chair-terms").then().statusCode(200)
                .body("items.id", contains(first)).extract().path("nextCursor");
        reader().queryParam("limit", 1).queryParam("cursor", cursor).get(PATH + "/" + id + "/chair-terms").then()
                .body("items.id", contains(second)).body("nextCursor", nullValue());
    }

    @Test
    void without_a_date_the_chair_is_todays() {
        String id = conference(unique("联席会议"));
        String orient = unit(id, "东方证券", "CITY_SOE");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        reader().get(PATH + "/" + id + "/chair").then().statusCode(404);
        term(id, orient, today.minusDays(10).toString(), today.plusDays(10).toString()).statusCode(201);
        reader().get(PATH + "/" + id + "/chair").then().statusCode(200)
                .body("unitName", equalTo("东方证券")).body("on", equalTo(today.toString()));
    }

    @Test
    void an_overlapping_term_is_a_409_naming_the_term_in_the_way() {
        String id = conference(unique("联席会议"));
        String clearing = unit(id, "上海清算所", "CENTRAL_SOE");
        String pacific = unit(id, "太平洋保险", "CITY_SOE");
        String first = term(id, clearing, "2026-01-01", "2026-06-30").statusCode(201).extract().path("id");
        term(id, pacific, "2026-06-30", "2026-12-31").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(OVERLAP))
                .body("detail", containsString(first))
                .body("detail", containsString("上海清算所"));
        term(id, clearing, "2025-01-01", "2027-01-01").statusCode(409).body("type", equalTo(OVERLAP));
        // Another conference's roster is its own.
        String other = conference(unique("联席会议"));
        term(other, unit(other, "上海清算所", "CENTRAL_SOE"), "2026-01-01", "2026-06-30").statusCode(201);
    }

    @Test
    void bad_dates_and_units_that_are_not_members_for_the_whole_term_are_refused() {
        String id = conference(unique("联席会议"));
        String fosun = join(id, "复星集团", "PRIVATE_FIRM", "2026-09-01").statusCode(201).extract().path("id");
        term(id, fosun, "2026-12-31", "2026-12-01").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:chair-term-ends-before-start"));
        term(id, fosun, "2026-08-01", "2026-12-31").statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:chair-unit-not-member-during-term"));
        term(id, UUID.randomUUID().toString(), "2026-10-01", "2026-12-31").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-unit")).body("errors.field", hasItem("unitId"));
        String other = conference(unique("联席会议"));
        term(other, fosun, "2026-10-01", "2026-12-31").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-unit"));
        office().body("{\"unitId\":\"" + fosun + "\",\"startsOn\":\"2026-10-01\"}")
                .post(PATH + "/" + id + "/chair-terms").then().statusCode(400).body("errors.field", hasItem("endsOn"));
    }

    @Test
    void a_chairing_unit_cannot_leave_before_its_term_ends() {
        String id = conference(unique("联席会议"));
        String jiushi = unit(id, "久事投资", "CITY_SOE");
        term(id, jiushi, "2026-01-01", "2026-12-31").statusCode(201);
        office().body("{\"leftOn\":\"2026-12-31\"}").post(PATH + "/" + id + "/units/" + jiushi + "/leave").then()
                .statusCode(409).body("type", equalTo("urn:grassroots:problem:unit-holds-later-chair-term"));
        office().body("{\"leftOn\":\"2027-01-01\"}").post(PATH + "/" + id + "/units/" + jiushi + "/leave").then()
                .statusCode(200);
    }

    /**
     * Two offices post overlapping terms at the same moment. Both may pass the model's check (each
     * sees the roster without the other's term); the exclusion constraint lets one in and the
     * other gets the same 409 naming the winner's term.
     */
    @Test
    void overlapping_terms_posted_in_parallel_end_with_one_201_and_one_409() throws Exception {
        String id = conference(unique("联席会议"));
        String clearing = unit(id, "上海清算所", "CENTRAL_SOE");
        String bills = unit(id, "上海票据交易所", "CENTRAL_SOE");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                LocalDate start = LocalDate.of(2030 + round, 1, 1);
                CountDownLatch ready = new CountDownLatch(2);
                List<Future<ExtractableResponse<Response>>> posts = new ArrayList<>();
                for (String[] candidate : new String[][]{{clearing, start.toString(), start.plusMonths(6).toString()},
                        {bills, start.plusMonths(3).toString(), start.plusMonths(9).toString()}}) {
                    Callable<ExtractableResponse<Response>> post = () -> {
                        ready.countDown();
                        ready.await();
                        return office().body(termBody(candidate[0], candidate[1], candidate[2]))
                                .post(PATH + "/" + id + "/chair-terms").then().extract();
                    };
                    posts.add(pool.submit(post));
                }
                List<ExtractableResponse<Response>> answers = new ArrayList<>();
                for (Future<ExtractableResponse<Response>> f : posts) {
                    answers.add(f.get());
                }
                List<Integer> statuses = answers.stream().map(ExtractableResponse::statusCode).sorted().toList();
                assertEquals(List.of(201, 409), statuses, "round " + round);
                ExtractableResponse<Response> winner = answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow();
                ExtractableResponse<Response> loser = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
                assertEquals(OVERLAP, loser.path("type"));
                assertEquals("application/problem+json", loser.contentType());
                String detail = loser.path("detail");
                assertTrue(detail.contains(winner.<String>path("id")), detail);
            }
        } finally {
            pool.shutdownNow();
        }
        reader().queryParam("limit", 100).get(PATH + "/" + id + "/chair-terms").then().statusCode(200)
                .body("items.size()", equalTo(6));
    }
}
