package sh.grassroots.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Refuses, while JSON is read, the values that every service's database or model cannot take, so
 * that no use case, no row and no later request ever meets them:
 * <ul>
 * <li>a NUL character (U+0000) in any text, map key included: PostgreSQL's text types cannot hold
 * it (SQLSTATE 22021), so a request carrying one used to fail at the insert with a 500;</li>
 * <li>a date or time outside the years 1 to 9999 (RFC 3339's range): PostgreSQL cannot hold years
 * past 294276, and the reactive driver silently turns them into {@code infinity}, which reads back
 * as a value every later computation with it overflows on (a station closure ending in the year
 * 300000 broke every booking of its station for good).</li>
 * </ul>
 * Each is answered 400 {@code invalid-field} naming the field ({@link UnstorableValueException}).
 * Registered on every service's ObjectMapper by {@link JsonInputRules}.
 */
public final class StorableValues extends SimpleModule {
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;
    private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LAST_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    static final String NO_NUL = "must not contain the NUL character (U+0000)";
    static final String YEARS = "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR;

    public StorableValues() {
        super("storable-values");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class || isDateOrTime(type)) {
                    return new Checked(deserializer);
                }
                return deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                                                         KeyDeserializer deserializer) {
                if (type.getRawClass() != String.class) {
                    return deserializer;
                }
                return new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                        if (key != null && key.indexOf('\0') >= 0) {
                            throw new UnstorableValueException(context.getParser(), NO_NUL, String.class);
                        }
                        return deserializer.deserializeKey(key, context);
                    }
                };
            }
        });
    }

    /** Why {@code value} cannot be kept, or empty when it can. */
    public static Optional<String> refusal(Object value) {
        if (value instanceof String text) {
            return text.indexOf('\0') >= 0 ? Optional.of(NO_NUL) : Optional.empty();
        }
        Integer year = yearOf(value);
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            return Optional.of(YEARS);
        }
        return Optional.empty();
    }

    private static boolean isDateOrTime(Class<?> type) {
        return type == OffsetDateTime.class || type == ZonedDateTime.class || type == LocalDateTime.class
                || type == LocalDate.class || type == Instant.class || type == YearMonth.class || type == Year.class;
    }

    private static Integer yearOf(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.getYear();
        }
        if (value instanceof ZonedDateTime t) {
            return t.getYear();
        }
        if (value instanceof LocalDateTime t) {
            return t.getYear();
        }
        if (value instanceof LocalDate t) {
            return t.getYear();
        }
        if (value instanceof Instant t) {
            return t.isBefore(FIRST_INSTANT) ? FIRST_YEAR - 1 : t.isBefore(AFTER_LAST_INSTANT) ? FIRST_YEAR : LAST_YEAR + 1;
        }
        if (value instanceof YearMonth t) {
            return t.getYear();
        }
        if (value instanceof Year t) {
            return t.getValue();
        }
        return null;
    }

    /** The deserializer Jackson would use, with the value it read checked. */
    private static final class Checked extends DelegatingDeserializer {
        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Optional<String> refused = refusal(value);
            if (refused.isPresent()) {
                throw new UnstorableValueException(parser, refused.get(), handledType());
            }
            return value;
        }
    }
}
