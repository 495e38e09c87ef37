package sh.grassroots.training.credit.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.AsCaller;
import sh.grassroots.training.testing.MutableClock;
import sh.grassroots.training.testing.TrainingFixtures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CompletionReportApiTest {
    static final int YEAR = 2026;

    @Inject
    AgroalDataSource db;
    @Inject
    MutableClock clock;
    TrainingFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new TrainingFixtures(db, clock);
    }

    void credit(UUID person, int year, String hours) {
        fixtures.update("insert into credit_entry (id, person_id, study_year, hours, recorded_at) values (?, ?, ?, ?, now())",
                UUID.randomUUID(), person, year, new BigDecimal(hours));
    }

    @Test
    void a_committee_sees_who_in_its_subtree_met_the_annual_requirement_page_by_page() {
        UUID committee = fixtures.organization("园艺村党总支", null);
        UUID grid1 = fixtures.organization("第一网格党支部", committee);
        UUID grid2 = fixtures.organization("第二网格党支部", committee);
        UUID elsewhere = fixtures.organization("其他党委", null);
        UUID diligent = fixtures.member("学满", grid1);
        UUID halfway = fixtures.member("一半", grid1);
        UUID none = fixtures.learner("预备党员", grid2, "PROBATIONARY", null);
        UUID outsider = fixtures.member("外单位", elsewhere);
        credit(diligent, YEAR, "30");
        credit(diligent, YEAR, "2.5");
        credit(halfway, YEAR, "16");
        credit(halfway, YEAR - 1, "40");
        credit(outsider, YEAR, "40");

        String path = "/api/v1/training/completion-reports/" + committee;
        AsCaller.branchSecretary(committee).queryParam("year", YEAR).get(path).then().statusCode(200)
                .body("members", equalTo(3))
                .body("met", equalTo(1))
                .body("notMet", equalTo(2))
                .body("items", hasSize(3))
                .body("items.find { it.personId == '" + diligent + "' }.met", equalTo(true))
                .body("items.find { it.personId == '" + halfway + "' }.earned", equalTo(16.0f))
                .body("items.find { it.personId == '" + none + "' }.required", equalTo(32));

        AsCaller.trainingAdmin(committee).queryParam("year", YEAR).queryParam("notMet", true).get(path).then()
                .statusCode(200)
                .body("items.personId.sort()", equalTo(sorted(halfway, none)));

        List<String> seen = new ArrayList<>();
        String cursor = AsCaller.districtAdmin(TrainingFixtures.DISTRICT).queryParam("year", YEAR).queryParam("limit", 2)
                .get(path).then().statusCode(200)
                .body("items", hasSize(2)).extract().path("nextCursor");
        seen.addAll(AsCaller.organizer(committee, null).queryParam("year", YEAR).queryParam("limit", 2).get(path).then()
                .extract().path("items.personId"));
        seen.addAll(AsCaller.organizer(committee, null).queryParam("year", YEAR).queryParam("limit", 2)
                .queryParam("cursor", cursor).get(path).then()
                .statusCode(200).body("nextCursor", nullValue()).extract().path("items.personId"));
        assertEquals(sorted(diligent, halfway, none), seen);
    }

    @Test
    void a_report_is_read_only_within_the_readers_scope() {
        UUID committee = fixtures.organization("园艺村党总支", null);
        UUID grid1 = fixtures.organization("第一网格党支部", committee);
        UUID grid2 = fixtures.organization("第二网格党支部", committee);
        fixtures.member("网格员", grid2);
        String path = "/api/v1/training/completion-reports/" + committee;

        AsCaller.branchSecretary(grid1).get(path).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:out-of-scope"));
        AsCaller.branchSecretary(grid1).get("/api/v1/training/completion-reports/" + grid2).then().statusCode(403);
        AsCaller.member(UUID.randomUUID()).get(path).then().statusCode(403);
        AsCaller.districtAdmin("310101").get(path).then().statusCode(403);
        AsCaller.branchSecretary(grid2).get("/api/v1/training/completion-reports/" + grid2).then().statusCode(200)
                .body("members", equalTo(1));
        AsCaller.districtAdmin(TrainingFixtures.DISTRICT).get("/api/v1/training/completion-reports/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("urn:grassroots:problem:not-found"));
    }

    /** PostgreSQL orders uuids bytewise, which is the order of their lower-case text, not UUID.compareTo. */
    static List<String> sorted(UUID... ids) {
        List<String> out = new ArrayList<>();
        for (UUID id : ids) {
            out.add(id.toString());
        }
        out.sort(null);
        return out;
    }
}
