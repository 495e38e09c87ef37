package sh.grassroots.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonInputRulesTest {
    record Inner(String note, List<String> tags) {
    }

    record Request(String name, List<String> names, String[] array, Set<String> set, Map<String, String> attributes,
                   Inner inner, List<Inner> inners, OffsetDateTime at, LocalDate on, Instant instant,
                   List<LocalDate> days) {
    }

    private final ObjectMapper mapper = JsonInputRules.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    private Request read(String json) throws Exception {
        return mapper.readValue(json, Request.class);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private void refused(String json, String field, Class<? extends Exception> kind) {
        Exception e = assertThrows(Exception.class, () -> read(json));
        assertInstanceOf(kind, e, e.toString());
        assertEquals(field, path((JsonMappingException) e));
    }

    @Test
    void ordinary_values_are_read_as_before() throws Exception {
        Request r = read("""
                {"name":"第一网格","names":["a"],"array":["b"],"set":["c"],"attributes":{"k":"v"},
                 "inner":{"note":"n","tags":["t"]},"at":"2026-12-01T10:00:00+08:00","on":"9999-12-31",
                 "instant":"0001-01-01T00:00:00Z","days":["2026-12-01"]}""");
        assertEquals("第一网格", r.name());
        assertEquals(LocalDate.of(9999, 12, 31), r.on());
        assertEquals(List.of("t"), r.inner().tags());
    }

    @Test
    void a_nul_character_in_any_text_names_its_field() {
        refused("{\"name\":\"a\\u0000b\"}", "name", UnstorableValueException.class);
        refused("{\"names\":[\"ok\",\"\\u0000\"]}", "names.[1]", UnstorableValueException.class);
        refused("{\"array\":[\"\\u0000\"]}", "array.[0]", UnstorableValueException.class);
        refused("{\"set\":[\"\\u0000\"]}", "set.[0]", UnstorableValueException.class);
        refused("{\"attributes\":{\"k\":\"\\u0000\"}}", "attributes.k", UnstorableValueException.class);
        refused("{\"inner\":{\"note\":\"\\u0000\"}}", "inner.note", UnstorableValueException.class);
        refused("{\"inners\":[{\"tags\":[\"\\u0000\"]}]}", "inners.[0].tags.[0]", UnstorableValueException.class);
    }

    @Test
    void a_nul_character_in_a_map_key_is_refused() {
        Exception e = assertThrows(Exception.class, () -> read("{\"attributes\":{\"k\\u0000\":\"v\"}}"));
        assertInstanceOf(UnstorableValueException.class, e);
    }

    @Test
    void a_date_or_time_beyond_the_year_9999_or_before_the_year_1_names_its_field() {
        refused("{\"at\":\"+300000-01-01T00:00:00Z\"}", "at", UnstorableValueException.class);
        refused("{\"on\":\"+10000-01-01\"}", "on", UnstorableValueException.class);
        refused("{\"on\":\"-0001-01-01\"}", "on", UnstorableValueException.class);
        refused("{\"instant\":\"+300000-01-01T00:00:00Z\"}", "instant", UnstorableValueException.class);
        refused("{\"days\":[\"2026-12-01\",\"+20000-01-01\"]}", "days.[1]", UnstorableValueException.class);
    }

    @Test
    void a_null_inside_a_list_or_map_names_its_place() {
        refused("{\"names\":[\"a\",null]}", "names.[1]", InvalidNullException.class);
        refused("{\"inners\":[null]}", "inners.[0]", InvalidNullException.class);
        refused("{\"days\":[null]}", "days.[0]", InvalidNullException.class);
        refused("{\"attributes\":{\"k\":null}}", "attributes.k", InvalidNullException.class);
    }

    @Test
    void a_null_field_is_still_a_missing_value_for_the_use_case_to_judge() throws Exception {
        assertEquals(null, read("{\"name\":null,\"names\":null}").names());
    }
}
