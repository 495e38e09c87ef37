package sh.grassroots.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * What every service's JSON reader refuses besides unknown fields: values no service can keep
 * ({@link StorableValues}), and a {@code null} inside a list, set or map, which no request of this
 * API means and which the use cases would otherwise meet as a NullPointerException (a course's
 * eligibility list with a null in it answered 500). Both are 400 {@code invalid-field} naming the
 * field, e.g. {@code eligibility.statuses[1]}.
 */
@Singleton
public class JsonInputRules implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules on any mapper (tests of the rules use a bare one). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.registerModule(new StorableValues());
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }
}
