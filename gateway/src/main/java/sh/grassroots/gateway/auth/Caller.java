package sh.grassroots.gateway.auth;

import sh.grassroots.platform.access.CallerHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.Set;

/**
 * Who is calling, as a verified token says. Passed to the services as X-Caller-* headers.
 * Verified callers are cached with their token, so what every request needs from them (the
 * roles header, the rate-limit key) is worked out once here.
 */
public final class Caller {

    public enum Kind { PERSON, SERVICE }

    private final String subject;
    private final Kind kind;
    private final Set<String> roles;
    private final String orgScope;
    private final String district;
    private final long expiresAtEpochSecond;
    private final String rolesHeader;
    private final String rateKey;
    private final List<Map.Entry<String, String>> headers;

    public Caller(String subject, Kind kind, Set<String> roles, String orgScope, String district,
                  long expiresAtEpochSecond) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.roles = Set.copyOf(roles);
        this.orgScope = orgScope;
        this.district = district;
        this.expiresAtEpochSecond = expiresAtEpochSecond;
        this.rolesHeader = String.join(",", this.roles.stream().sorted().toList());
        // a district's service identity is limited per district, a person per person
        this.rateKey = kind + ":" + (kind == Kind.SERVICE ? district + "/" : "") + subject;
        var named = new sh.grassroots.platform.access.Caller(subject,
                kind == Kind.SERVICE ? sh.grassroots.platform.access.Caller.Kind.SERVICE
                        : sh.grassroots.platform.access.Caller.Kind.PERSON, this.roles, orgScope, district);
        List<Map.Entry<String, String>> written = new ArrayList<>(5);
        CallerHeaders.write(named, (name, value) -> written.add(Map.entry(name, value)));
        this.headers = List.copyOf(written);
    }

    /** The X-Caller-* headers naming this caller, written once per verified token, set on every request. */
    public void writeHeaders(BiConsumer<String, String> header) {
        for (Map.Entry<String, String> h : headers) {
            header.accept(h.getKey(), h.getValue());
        }
    }

    public String subject() {
        return subject;
    }

    public Kind kind() {
        return kind;
    }

    public Set<String> roles() {
        return roles;
    }

    public String orgScope() {
        return orgScope;
    }

    public String district() {
        return district;
    }

    public long expiresAtEpochSecond() {
        return expiresAtEpochSecond;
    }

    public boolean isService() {
        return kind == Kind.SERVICE;
    }

    /** The roles as the X-Caller-Roles header carries them: sorted, comma separated. */
    public String rolesHeader() {
        return rolesHeader;
    }

    /** Whose allowance a request draws on. */
    public String rateKey() {
        return rateKey;
    }

    @Override
    public String toString() {
        return "Caller[" + kind + " " + subject + (district == null ? "" : " of " + district) + ", roles " + rolesHeader + "]";
    }
}
