package sh.grassroots.org.conference.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import sh.grassroots.platform.testing.AsCaller;

import java.util.UUID;

/** Calls the conference API as the host district's office would, for the conference tests. */
final class ConferenceApi {
    static final String PATH = "/api/v1/orgs/conferences";
    static final String HUANGPU = "310101";
    static final String YANGPU = "310110";

    private ConferenceApi() {
    }

    /** Huangpu's district admin, sending JSON. */
    static RequestSpecification office() {
        return AsCaller.districtAdmin(HUANGPU).contentType(ContentType.JSON);
    }

    /** A plain member: reads, never writes. */
    static RequestSpecification reader() {
        return AsCaller.person("member-" + UUID.randomUUID(), "member", null, null);
    }

    static String conference(String name) {
        return office().body("{\"name\":\"" + name + "\",\"hostDistrict\":\"" + HUANGPU + "\",\"foundedOn\":\"2018-12-01\"}")
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse join(String conference, String name, String sector, String joinedOn) {
        return office().body("{\"name\":\"" + name + "\",\"sector\":\"" + sector + "\",\"joinedOn\":\"" + joinedOn + "\"}")
                .post(PATH + "/" + conference + "/units").then();
    }

    static String unit(String conference, String name, String sector) {
        return join(conference, name, sector, "2018-12-01").statusCode(201).extract().path("id");
    }

    static ValidatableResponse term(String conference, String unit, String startsOn, String endsOn) {
        return office().body(termBody(unit, startsOn, endsOn)).post(PATH + "/" + conference + "/chair-terms").then();
    }

    static String termBody(String unit, String startsOn, String endsOn) {
        return "{\"unitId\":\"" + unit + "\",\"startsOn\":\"" + startsOn + "\",\"endsOn\":\"" + endsOn + "\"}";
    }

    static ValidatableResponse post(String conference, String kind, String unit, String category, int quantity,
                                    String from, String until, String description) {
        return office().body(listingBody(unit, category, quantity, from, until, description))
                .post(PATH + "/" + conference + "/" + kind).then();
    }

    static String listingBody(String unit, String category, int quantity, String from, String until, String description) {
        return "{\"unitId\":\"" + unit + "\",\"category\":\"" + category + "\",\"description\":\"" + description
                + "\",\"quantity\":" + quantity + ",\"availableFrom\":\"" + from + "\",\"availableUntil\":\"" + until + "\"}";
    }

    static String offer(String conference, String unit, String category, int quantity, String from, String until,
                        String description) {
        return post(conference, "offers", unit, category, quantity, from, until, description).statusCode(201)
                .extract().path("id");
    }

    static String need(String conference, String unit, String category, int quantity, String from, String until,
                       String description) {
        return post(conference, "needs", unit, category, quantity, from, until, description).statusCode(201)
                .extract().path("id");
    }

    static String projectBody(String name, String... offerNeedPairs) {
        StringBuilder matches = new StringBuilder();
        for (int i = 0; i < offerNeedPairs.length; i += 2) {
            if (i > 0) {
                matches.append(',');
            }
            matches.append("{\"offerId\":\"").append(offerNeedPairs[i]).append("\",\"needId\":\"")
                    .append(offerNeedPairs[i + 1]).append("\"}");
        }
        return "{\"name\":\"" + name + "\",\"matches\":[" + matches + "]}";
    }

    static ValidatableResponse project(String conference, String name, String... offerNeedPairs) {
        return office().body(projectBody(name, offerNeedPairs)).post(PATH + "/" + conference + "/projects").then();
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
