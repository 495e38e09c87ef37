package sh.grassroots.platform.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code X-Caller-*} headers in which the gateway names the caller after verifying the token
 * (it drops any the client sent). Services read them with {@link #read}; the gateway and tests
 * write them with {@link #write}.
 */
public final class CallerHeaders {
    public static final String PREFIX = "X-Caller-";
    public static final String SUBJECT = "X-Caller-Subject";
    public static final String KIND = "X-Caller-Kind";
    public static final String ROLES = "X-Caller-Roles";
    public static final String ORG_SCOPE = "X-Caller-Org-Scope";
    public static final String DISTRICT = "X-Caller-District";

    private CallerHeaders() {
    }

    /**
     * The caller named by request headers; empty when there is no subject (the request did not
     * come through the gateway) or the kind is unreadable.
     */
    public static Optional<Caller> read(Function<String, String> header) {
        String subject = blankToNull(header.apply(SUBJECT));
        if (subject == null) {
            return Optional.empty();
        }
        String kindText = blankToNull(header.apply(KIND));
        Caller.Kind kind;
        try {
            kind = kindText == null ? Caller.Kind.PERSON : Caller.Kind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String rolesText = header.apply(ROLES);
        var roles = rolesText == null ? java.util.Set.<String>of()
                : Arrays.stream(rolesText.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Caller(subject, kind, roles, blankToNull(header.apply(ORG_SCOPE)),
                blankToNull(header.apply(DISTRICT))));
    }

    /** Writes the caller's headers; absent scope and district are not written. Roles sorted, comma separated. */
    public static void write(Caller caller, BiConsumer<String, String> header) {
        header.accept(SUBJECT, caller.subject());
        header.accept(KIND, caller.kind().name());
        header.accept(ROLES, String.join(",", caller.roles().stream().sorted().toList()));
        if (caller.orgScope() != null) {
            header.accept(ORG_SCOPE, caller.orgScope());
        }
        if (caller.district() != null) {
            header.accept(DISTRICT, caller.district());
        }
    }

    /** True for any X-Caller-* header name, in any case: the gateway drops those a client sends. */
    public static boolean isCallerHeader(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
