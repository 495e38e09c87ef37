package sh.grassroots.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiContractTest {
    private static final String BEFORE = """
            {"paths":{"/api/v1/stations":{
               "post":{"parameters":[{"name":"district","in":"query"}],
                       "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Create"}}}},
                       "responses":{"201":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Station"}}}}}},
               "get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Station"}}}}}}}},
             "components":{"schemas":{
               "Create":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},
                         "kind":{"type":"string","enum":["PARTY","COMMUNITY"]}}},
               "Station":{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"name":{"type":"string"}}}}}}
            """;

    @Test
    void the_same_contract_breaks_nothing() {
        assertEquals(List.of(), OpenApiContract.breakingChanges(parse(BEFORE), parse(BEFORE)));
    }

    @Test
    void additions_break_nothing() {
        String after = BEFORE
                .replace("\"properties\":{\"id\":{\"type\":\"string\"},", "\"properties\":{\"id\":{\"type\":\"string\"},\"lat\":{\"type\":\"number\"},")
                .replace("\"kind\":{\"type\":\"string\"", "\"note\":{\"type\":\"string\"},\"kind\":{\"type\":\"string\"")
                .replace("\"PARTY\",\"COMMUNITY\"", "\"PARTY\",\"COMMUNITY\",\"YOUTH\"")
                .replace("{\"paths\":{", "{\"paths\":{\"/api/v1/stations/near\":{\"get\":{\"responses\":{}}},");
        assertEquals(List.of(), OpenApiContract.breakingChanges(parse(BEFORE), parse(after)));
    }

    @Test
    void a_removed_operation_is_breaking() {
        String after = BEFORE.replace("\"get\":{", "\"head\":{");
        assertEquals(List.of("GET /api/v1/stations: operation removed"), OpenApiContract.breakingChanges(parse(BEFORE), parse(after)));
    }

    @Test
    void a_field_removed_from_a_response_is_breaking() {
        String after = BEFORE.replace(",\"name\":{\"type\":\"string\"}}}}}}", "}}}}}");
        List<String> breaking = OpenApiContract.breakingChanges(parse(BEFORE), parse(after));
        assertTrue(breaking.contains("GET /api/v1/stations response 200: field name removed"), breaking.toString());
    }

    @Test
    void a_field_a_request_must_now_carry_is_breaking() {
        String after = BEFORE.replace("\"required\":[\"name\"]", "\"required\":[\"name\",\"kind\"]");
        assertEquals(List.of("POST /api/v1/stations request: field kind became required"),
                OpenApiContract.breakingChanges(parse(BEFORE), parse(after)));
    }

    @Test
    void an_enum_value_a_client_sends_removed_or_a_type_changed_is_breaking() {
        String after = BEFORE.replace("\"PARTY\",\"COMMUNITY\"", "\"PARTY\"");
        List<String> breaking = OpenApiContract.breakingChanges(parse(BEFORE), parse(after));
        assertTrue(breaking.contains("POST /api/v1/stations request.kind: enum values [COMMUNITY] no longer accepted"),
                breaking.toString());
        String retyped = BEFORE.replace("\"id\":{\"type\":\"string\"}", "\"id\":{\"type\":\"integer\"}");
        assertTrue(OpenApiContract.breakingChanges(parse(BEFORE), parse(retyped))
                .contains("GET /api/v1/stations response 200.id: type changed from [string] to [integer]"));
    }

    @Test
    void a_parameter_removed_or_a_required_one_added_is_breaking() {
        String after = BEFORE.replace("[{\"name\":\"district\",\"in\":\"query\"}]",
                "[{\"name\":\"area\",\"in\":\"query\",\"required\":true}]");
        assertEquals(List.of("POST /api/v1/stations: parameter query district removed",
                        "POST /api/v1/stations: required parameter query area added"),
                OpenApiContract.breakingChanges(parse(BEFORE), parse(after)));
    }

    private static JsonNode parse(String json) {
        return OpenApiContract.parse(json);
    }
}
