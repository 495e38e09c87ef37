package sh.grassroots.gateway.auth;

import java.util.Set;

/** Who is calling, as a verified token says. Passed to the services as X-Caller-* headers. */
public record Caller(String subject, Kind kind, Set<String> roles, String orgScope, String district,
                     long expiresAtEpochSecond) {

    public enum Kind { PERSON, SERVICE }

    public boolean isService() {
        return kind == Kind.SERVICE;
    }

    /** The roles as the X-Caller-Roles header carries them: sorted, comma separated. */
    public String rolesHeader() {
        return String.join(",", roles.stream().sorted().toList());
    }
}
