package sh.grassroots.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import sh.grassroots.platform.testing.OpenApiContract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged document the app is generated from, built from the services' committed contracts
 * (docs/contract/, each kept in step with what its service serves by the service's ContractTest).
 */
class MergedContractTest {
    private static final Map<String, String> SERVICES = Map.of(
            "org", "org-service", "training", "training-service", "stations", "service-station-service");

    private static Map<String, JsonObject> servicesDocuments() throws IOException {
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        for (String service : List.of("org", "training", "stations")) {
            documents.put(service, new JsonObject(Files.readString(OpenApiContract.snapshot(SERVICES.get(service)),
                    StandardCharsets.UTF_8)));
        }
        return documents;
    }

    @Test
    void each_operation_in_the_merged_document_has_exactly_the_schemas_its_service_publishes() throws IOException {
        Map<String, JsonObject> documents = servicesDocuments();
        JsonNode merged = OpenApiContract.parse(OpenApiMerger.merge(documents, List.of()).encode());
        Map<String, JsonNode> mergedOperations = OpenApiContract.operations(merged);

        int compared = 0;
        for (Map.Entry<String, JsonObject> service : documents.entrySet()) {
            Map<String, JsonNode> own = OpenApiContract.operations(OpenApiContract.parse(service.getValue().encode()));
            for (Map.Entry<String, JsonNode> operation : own.entrySet()) {
                assertEquals(operation.getValue(), mergedOperations.get(operation.getKey()),
                        service.getKey() + "'s " + operation.getKey() + " differs in the merged document");
                assertFalse(mergedOperations.get(operation.getKey()).toString().contains("x-missing-schema"),
                        operation.getKey() + " points at a schema the merged document lacks");
                compared++;
            }
        }
        assertTrue(compared > 50, "only " + compared + " operations compared");
    }

    @Test
    void the_committed_public_contract_is_the_merge_of_the_services_contracts() throws IOException {
        JsonNode merged = OpenApiContract.parse(OpenApiMerger.merge(servicesDocuments(), List.of()).encode());
        Path file = OpenApiContract.snapshot("public-api");
        if (Boolean.getBoolean(OpenApiContract.UPDATE_PROPERTY) || !Files.exists(file)) {
            OpenApiContract.write(file, merged);
        }
        assertEquals(OpenApiContract.read(file), merged,
                file + " is not the merge of the services' contracts: rerun with -D" + OpenApiContract.UPDATE_PROPERTY
                        + "=true and commit it");
    }

    @Test
    void a_name_two_services_use_for_different_schemas_is_prefixed_per_service_and_its_references_follow() {
        JsonObject org = document("/api/v1/orgs/members", "MemberStatus",
                new JsonObject().put("type", "string").put("enum", List.of("PROBATIONARY", "FULL")));
        JsonObject training = document("/api/v1/training/learners", "MemberStatus",
                new JsonObject().put("type", "string").put("enum", List.of("MEMBER", "NON_MEMBER")));
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        documents.put("org", org);
        documents.put("training", training);

        JsonObject merged = OpenApiMerger.merge(documents, List.of());

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(org.getJsonObject("components").getJsonObject("schemas").getValue("MemberStatus"),
                schemas.getValue("OrgMemberStatus"));
        assertEquals(training.getJsonObject("components").getJsonObject("schemas").getValue("MemberStatus"),
                schemas.getValue("TrainingMemberStatus"));
        assertFalse(schemas.containsKey("MemberStatus"));
        assertTrue(schemas.containsKey("Problem"), "a schema that is the same in both stays shared");
        assertEquals("#/components/schemas/TrainingMemberStatus", merged.getJsonObject("paths")
                .getJsonObject("/api/v1/training/learners").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema").getString("$ref"));
    }

    private static JsonObject document(String path, String schemaName, JsonObject schema) {
        JsonObject problem = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("type", new JsonObject().put("type", "string")));
        return new JsonObject()
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()
                        .put("responses", new JsonObject().put("200", new JsonObject().put("content",
                                new JsonObject().put("application/json", new JsonObject().put("schema",
                                        new JsonObject().put("$ref", "#/components/schemas/" + schemaName)))))))))
                .put("components", new JsonObject().put("schemas",
                        new JsonObject().put(schemaName, schema).put("Problem", problem)));
    }
}
