package sh.grassroots.org.affiliation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sh.grassroots.events.MemberEvents;
import sh.grassroots.org.branch.application.TemporaryBranchClosing;
import sh.grassroots.platform.testing.AsCaller;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sh.grassroots.org.branch.api.BranchApi.BRANCHES;
import static sh.grassroots.org.branch.api.BranchApi.HUANGPU;
import static sh.grassroots.org.branch.api.BranchApi.MEMBERS;
import static sh.grassroots.org.branch.api.BranchApi.ORGS;
import static sh.grassroots.org.branch.api.BranchApi.UP_ZHU_CRITERIA;
import static sh.grassroots.org.branch.api.BranchApi.YANGPU;
import static sh.grassroots.org.branch.api.BranchApi.admin;
import static sh.grassroots.org.branch.api.BranchApi.affiliate;
import static sh.grassroots.org.branch.api.BranchApi.branch;
import static sh.grassroots.org.branch.api.BranchApi.committee;
import static sh.grassroots.org.branch.api.BranchApi.fullMember;
import static sh.grassroots.org.branch.api.BranchApi.functional;
import static sh.grassroots.org.branch.api.BranchApi.generalBranch;
import static sh.grassroots.org.branch.api.BranchApi.setAttributes;
import static sh.grassroots.org.branch.api.BranchApi.temporary;

/** Functional and temporary branches' affiliations, through PostgreSQL and Kafka. */
@QuarkusTest
class AffiliationApiTest {
    static final String CREATOR = "{\"city\":\"上海\",\"mainWork\":\"视频创作\",\"followers\":\"120000\"}";
    static final String BEIJING_CREATOR = "{\"city\":\"北京\",\"mainWork\":\"视频创作\",\"followers\":\"120000\"}";

    @Inject
    ObjectMapper mapper;
    @Inject
    TemporaryBranchClosing closing;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaCompanion kafka;
    ConsumerTask<String, String> consumer;

    String bilibili;
    String home;
    String upZhu;

    @BeforeEach
    void bilibili() {
        kafka = new KafkaCompanion(bootstrap);
        consumer = kafka.consumeStrings().withGroupId("affiliation-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(MemberEvents.TOPIC);
        bilibili = committee(YANGPU, "哔哩哔哩党委");
        home = branch(YANGPU, "第一党支部", bilibili, null);
        upZhu = functional(YANGPU, bilibili, UP_ZHU_CRITERIA);
    }

    @AfterEach
    void stop() {
        consumer.close();
        kafka.close();
    }

    @Test
    void up_zhu_lists_the_creators_who_qualify_and_affiliates_them_on_top_of_their_home() {
        String creator = fullMember(YANGPU, home);
        String beijing = fullMember(YANGPU, home);
        String unknown = fullMember(YANGPU, home);
        String creator2 = fullMember(YANGPU, home);
        setAttributes(YANGPU, creator, CREATOR).statusCode(200).body("attributes.followers", equalTo("120000"));
        setAttributes(YANGPU, creator2, CREATOR).statusCode(200);
        setAttributes(YANGPU, beijing, BEIJING_CREATOR).statusCode(200);

        List<String> candidates = admin(YANGPU).get(BRANCHES + "/" + upZhu + "/candidates?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items.memberId");
        String cursor = admin(YANGPU).get(BRANCHES + "/" + upZhu + "/candidates?limit=1").then().extract().path("nextCursor");
        List<String> second = admin(YANGPU).get(BRANCHES + "/" + upZhu + "/candidates?limit=1&cursor=" + cursor).then()
                .statusCode(200).body("nextCursor", nullValue()).extract().path("items.memberId");
        assertEquals(List.of(creator, creator2).stream().sorted().toList(),
                java.util.stream.Stream.concat(candidates.stream(), second.stream()).toList());

        affiliate(YANGPU, upZhu, creator, creator2).statusCode(200)
                .body("items", hasSize(2)).body("items[0].kind", equalTo("FUNCTIONAL"))
                .body("items[0].since", equalTo(LocalDate.now().toString()));
        admin(YANGPU).get(BRANCHES + "/" + upZhu + "/candidates").then().statusCode(200).body("items", empty());
        admin(YANGPU).get(BRANCHES + "/" + upZhu + "/affiliations").then().statusCode(200).body("items", hasSize(2));
        admin(YANGPU).get(MEMBERS + "/" + creator + "/affiliations").then().statusCode(200)
                .body("items[0].organizationId", equalTo(upZhu)).body("items[0].endedOn", nullValue());
        AsCaller.member(creator).get(MEMBERS + "/" + creator + "/affiliations").then().statusCode(200)
                .body("items", hasSize(1));
        admin(YANGPU).get(MEMBERS + "/" + creator).then().statusCode(200).body("homeOrganizationId", equalTo(home));

        JsonNode added = eventsFor(creator, 1).get(0);
        assertEquals("AffiliationAdded", added.path("type").asText());
        assertEquals(upZhu, added.path("payload").path("organizationId").asText());
        assertEquals("FUNCTIONAL", added.path("payload").path("kind").asText());
        assertEquals(YANGPU, added.path("district").asText());

        affiliate(YANGPU, upZhu, beijing).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:affiliation-criteria-not-met"));
        affiliate(YANGPU, upZhu, unknown).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:affiliation-criteria-not-met"));
        affiliate(YANGPU, upZhu, creator).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:affiliation-already-active"));
    }

    @Test
    void a_creator_who_moves_to_beijing_loses_the_affiliation_when_the_attributes_change() {
        String creator = fullMember(YANGPU, home);
        setAttributes(YANGPU, creator, CREATOR).statusCode(200);
        affiliate(YANGPU, upZhu, creator).statusCode(200);
        admin(YANGPU).post(BRANCHES + "/" + upZhu + "/recheck").then().statusCode(200)
                .body("checked", equalTo(1)).body("ended", empty());

        setAttributes(YANGPU, creator, BEIJING_CREATOR).statusCode(200)
                .body("endedAffiliationsWith", equalTo(List.of(upZhu)));
        admin(YANGPU).get(MEMBERS + "/" + creator + "/affiliations").then().statusCode(200)
                .body("items[0].endReason", equalTo("CRITERIA_NO_LONGER_MET"))
                .body("items[0].endedOn", equalTo(LocalDate.now().toString()));
        admin(YANGPU).get(BRANCHES + "/" + upZhu + "/candidates").then().body("items", empty());

        List<JsonNode> events = eventsFor(creator, 2);
        assertEquals("AffiliationEnded", events.get(1).path("type").asText());
        assertEquals("CRITERIA_NO_LONGER_MET", events.get(1).path("payload").path("reason").asText());
        assertEquals(creator, events.get(1).path("aggregateId").asText());
    }

    @Test
    void raising_the_follower_threshold_ends_the_affiliations_of_those_below_it() {
        String big = fullMember(YANGPU, home);
        String small = fullMember(YANGPU, home);
        setAttributes(YANGPU, big, "{\"city\":\"上海\",\"mainWork\":\"视频创作\",\"followers\":\"500000\"}").statusCode(200);
        setAttributes(YANGPU, small, CREATOR).statusCode(200);
        affiliate(YANGPU, upZhu, big, small).statusCode(200);

        admin(YANGPU).body("{\"criteria\":\"city = '上海' and mainWork = '视频创作' and followers >= 200000\"}")
                .put(BRANCHES + "/" + upZhu + "/criteria").then().statusCode(200)
                .body("form.criteria", equalTo("city = \"上海\" and mainWork = \"视频创作\" and followers >= 200000"))
                .body("endedAffiliationsOf", equalTo(List.of(small)));
        admin(YANGPU).get(BRANCHES + "/" + upZhu + "/affiliations").then().body("items.memberId", equalTo(List.of(big)));
        admin(YANGPU).get(ORGS + "/" + upZhu + "/history").then().statusCode(200)
                .body("items.change", org.hamcrest.Matchers.hasItem("CRITERIA_CHANGED"));

        admin(YANGPU).body("{\"criteria\":\"followers >>= 1\"}").put(BRANCHES + "/" + upZhu + "/criteria").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:grassroots:problem:malformed-criteria"))
                .body("detail", equalTo("At position 12: expected a string in quotes or a number but found '>='"));
        admin(YANGPU).body("{\"criteria\":\"a = 1\"}").put(BRANCHES + "/" + home + "/criteria").then()
                .statusCode(422).body("type", equalTo("urn:grassroots:problem:branch-not-functional"));
    }

    @Test
    void affiliations_end_when_the_member_leaves_or_the_branch_is_dissolved() {
        String leaving = fullMember(YANGPU, home);
        String staying = fullMember(YANGPU, home);
        setAttributes(YANGPU, leaving, CREATOR).statusCode(200);
        setAttributes(YANGPU, staying, CREATOR).statusCode(200);
        affiliate(YANGPU, upZhu, leaving, staying).statusCode(200);

        admin(YANGPU).body("{\"leftOn\":\"" + LocalDate.now() + "\",\"reason\":\"WITHDREW\"}")
                .post(MEMBERS + "/" + leaving + "/leave").then().statusCode(200);
        admin(YANGPU).get(MEMBERS + "/" + leaving + "/affiliations").then()
                .body("items[0].endReason", equalTo("MEMBER_LEFT"));

        admin(YANGPU).body("{\"dissolvedOn\":\"" + LocalDate.now() + "\",\"documentNumber\":\"沪杨委〔2026〕9号\"}")
                .post(ORGS + "/" + upZhu + "/dissolve").then().statusCode(200);
        admin(YANGPU).get(MEMBERS + "/" + staying + "/affiliations").then()
                .body("items[0].endReason", equalTo("BRANCH_DISSOLVED"));
        affiliate(YANGPU, upZhu, staying).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:affiliation-branch-dissolved"));

        assertEquals(List.of("AffiliationAdded", "AffiliationEnded", "MemberLeft"),
                eventsFor(leaving, 3).stream().map(e -> e.path("type").asText()).toList());
        assertEquals("BRANCH_DISSOLVED", eventsFor(staying, 2).get(1).path("payload").path("reason").asText());
    }

    @Test
    void nobody_is_affiliated_with_their_own_home_an_ordinary_branch_or_as_an_unknown_member() {
        String atHome = fullMember(YANGPU, upZhu);
        setAttributes(YANGPU, atHome, CREATOR).statusCode(200);
        affiliate(YANGPU, upZhu, atHome).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:affiliation-to-own-home"));
        String creator = fullMember(YANGPU, home);
        setAttributes(YANGPU, creator, CREATOR).statusCode(200);
        affiliate(YANGPU, home, creator).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:affiliation-branch-not-functional-or-temporary"));
        affiliate(YANGPU, upZhu, creator, UUID.randomUUID().toString()).statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:unknown-member"));
        // all or none: the valid member of the refused request was not affiliated
        admin(YANGPU).get(MEMBERS + "/" + creator + "/affiliations").then().body("items", empty());
        admin(YANGPU).body("{\"memberIds\":[]}").post(BRANCHES + "/" + upZhu + "/affiliations").then().statusCode(400);
    }

    @Test
    void attributes_that_the_criteria_language_cannot_name_are_a_422_with_the_fields() {
        String member = fullMember(YANGPU, home);
        setAttributes(YANGPU, member, "{\"main work\":\"视频创作\"}").statusCode(422)
                .body("type", equalTo("urn:grassroots:problem:invalid-member-attributes"))
                .body("errors[0].field", equalTo("attributes.main work"));
        admin(YANGPU).get(MEMBERS + "/" + member + "/attributes").then().statusCode(200).body("attributes.size()", equalTo(0));
    }

    @Test
    void a_temporary_branch_is_dissolved_at_its_planned_end_once_even_with_two_replicas_and_members_keep_their_home() {
        String xiaoximen = generalBranch(HUANGPU, "小西门居民区党总支", committee(HUANGPU, "老西门街道党工委"));
        String residentsHome = branch(HUANGPU, "小西门居民区第一党支部", xiaoximen, null);
        String due = temporary(HUANGPU, xiaoximen, LocalDate.now());
        String extended = temporary(HUANGPU, xiaoximen, LocalDate.now());
        String resident = fullMember(HUANGPU, residentsHome);
        affiliate(HUANGPU, due, resident).statusCode(200).body("items[0].kind", equalTo("TEMPORARY"));
        affiliate(HUANGPU, extended, resident).statusCode(200);
        admin(HUANGPU).body("{\"plannedEndOn\":\"" + LocalDate.now().plusMonths(3) + "\"}")
                .post(BRANCHES + "/" + extended + "/extend").then().statusCode(200);

        LocalDate tomorrow = LocalDate.now().plusDays(1);
        CompletableFuture<Integer> replicaA = CompletableFuture.supplyAsync(() -> closeDue(tomorrow));
        CompletableFuture<Integer> replicaB = CompletableFuture.supplyAsync(() -> closeDue(tomorrow));
        assertEquals(1, replicaA.join() + replicaB.join());

        admin(HUANGPU).get(ORGS + "/" + due).then().body("dissolvedOn", equalTo(LocalDate.now().toString()));
        admin(HUANGPU).get(ORGS + "/" + extended).then().body("dissolvedOn", nullValue());
        admin(HUANGPU).get(MEMBERS + "/" + resident + "/affiliations").then()
                .body("items[0].organizationId", equalTo(due))
                .body("items[0].endReason", equalTo("PLANNED_END_REACHED"))
                .body("items[1].organizationId", equalTo(extended))
                .body("items[1].endedOn", nullValue());
        admin(HUANGPU).get(MEMBERS + "/" + resident).then().body("homeOrganizationId", equalTo(residentsHome));
        List<JsonNode> events = eventsFor(resident, 3);
        assertEquals(1, events.stream().filter(e -> e.path("type").asText().equals("AffiliationEnded")).count());
        affiliate(HUANGPU, due, resident).statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:affiliation-branch-dissolved"));
    }

    @Test
    void every_affiliation_endpoint_refuses_a_caller_from_another_district_or_subtree_and_one_without_headers() {
        String member = fullMember(YANGPU, home);
        String other = committee(YANGPU, "东方证券党委");
        String[] gets = {BRANCHES + "/" + upZhu + "/candidates", BRANCHES + "/" + upZhu + "/affiliations",
                MEMBERS + "/" + member + "/attributes", MEMBERS + "/" + member + "/affiliations"};
        for (String path : gets) {
            admin(HUANGPU).get(path).then().statusCode(403).contentType("application/problem+json");
            AsCaller.organizer(other, null).get(path).then().statusCode(403);
            given().get(path).then().statusCode(401);
        }
        String body = "{\"memberIds\":[\"" + member + "\"]}";
        String[] posts = {BRANCHES + "/" + upZhu + "/affiliations", BRANCHES + "/" + upZhu + "/recheck",
                BRANCHES + "/" + upZhu + "/affiliations/" + member + "/end"};
        for (String path : posts) {
            admin(HUANGPU).body(body).post(path).then().statusCode(403);
            AsCaller.branchSecretary(home).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
            given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        }
        admin(HUANGPU).body("{\"attributes\":" + CREATOR + "}").put(MEMBERS + "/" + member + "/attributes").then().statusCode(403);
        admin(HUANGPU).body("{\"criteria\":\"a = 1\"}").put(BRANCHES + "/" + upZhu + "/criteria").then().statusCode(403);
        AsCaller.branchSecretary(upZhu).contentType(ContentType.JSON).body("{\"criteria\":\"a = 1\"}")
                .put(BRANCHES + "/" + upZhu + "/criteria").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"criteria\":\"a = 1\"}")
                .put(BRANCHES + "/" + upZhu + "/criteria").then().statusCode(401);
        AsCaller.member(member).contentType(ContentType.JSON).body("{\"attributes\":" + CREATOR + "}")
                .put(MEMBERS + "/" + member + "/attributes").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"attributes\":" + CREATOR + "}")
                .put(MEMBERS + "/" + member + "/attributes").then().statusCode(401);
        // the functional branch's own secretary may recruit
        AsCaller.branchSecretary(upZhu).get(BRANCHES + "/" + upZhu + "/candidates").then().statusCode(200);
    }

    @Test
    void the_branch_ends_an_affiliation_at_the_members_request() {
        String creator = fullMember(YANGPU, home);
        setAttributes(YANGPU, creator, CREATOR).statusCode(200);
        affiliate(YANGPU, upZhu, creator).statusCode(200);
        admin(YANGPU).post(BRANCHES + "/" + upZhu + "/affiliations/" + creator + "/end").then().statusCode(200)
                .body("endReason", equalTo("LEFT_BY_MEMBER"));
        admin(YANGPU).post(BRANCHES + "/" + upZhu + "/affiliations/" + creator + "/end").then().statusCode(409)
                .body("type", equalTo("urn:grassroots:problem:affiliation-not-active"));
        affiliate(YANGPU, upZhu, creator).statusCode(200);
    }

    private Integer closeDue(LocalDate today) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> closing.closeDue(today));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The member's events after their registration, in the order published. */
    private List<JsonNode> eventsFor(String key, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.getRecords().stream()
                        .filter(r -> key.equals(r.key())).map(this::json)
                        .filter(e -> !e.path("type").asText().equals("MemberRegistered")).toList(), r -> r.size() >= count);
    }

    private JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
