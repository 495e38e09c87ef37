package sh.grassroots.notifications.preference.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.notifications.access.model.NotificationAccessPolicy;
import sh.grassroots.notifications.inbox.model.Kind;
import sh.grassroots.notifications.preference.model.Channel;
import sh.grassroots.notifications.preference.model.EmailAddress;
import sh.grassroots.notifications.preference.model.Preferences;
import sh.grassroots.notifications.preference.persistence.PreferenceEntity;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Scope;
import sh.grassroots.platform.persistence.PersonalDataProtector;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A person's notification preferences: read and replaced by the person themselves. */
@ApplicationScoped
public class PreferenceService {
    private static final TypeReference<Map<Kind, Set<Channel>>> CHANNELS = new TypeReference<>() {
    };

    private final PersonalDataProtector protector;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PreferenceService(PersonalDataProtector protector, ObjectMapper mapper, Clock clock) {
        this.protector = protector;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What the person asked to change: a new address (null keeps the stored one, "" removes it) and channels. */
    public record Change(String email, Map<Kind, Set<Channel>> channels) {
    }

    @WithSession
    public Uni<PreferenceView> get(Caller caller) {
        Callers.enforce(NotificationAccessPolicy.ownInbox(Scope.of(caller, null)));
        return of(caller.subject()).map(this::view);
    }

    @WithTransaction
    public Uni<PreferenceView> put(Caller caller, Change change) {
        Callers.enforce(NotificationAccessPolicy.ownInbox(Scope.of(caller, null)));
        return PreferenceEntity.<PreferenceEntity>findById(caller.subject()).chain(stored -> {
            Optional<EmailAddress> email;
            if (change.email() == null) {
                email = stored == null || stored.emailSealed == null ? Optional.empty()
                        : Optional.of(new EmailAddress(protector.decrypt(stored.emailSealed)));
            } else {
                email = change.email().isEmpty() ? Optional.empty() : Optional.of(new EmailAddress(change.email()));
            }
            Map<Kind, Set<Channel>> channels = change.channels() == null ? Map.of() : change.channels();
            Optional<String> needsEmail = Preferences.emailNeededFor(email, channels);
            if (needsEmail.isPresent()) {
                throw ProblemException.unprocessable("preference-email-missing", "No e-mail address",
                        "E-mail is chosen for " + needsEmail.get() + " but no e-mail address is given");
            }
            // an upsert: two first choices of one person at the same moment both end in one row
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            insert into notification_preference (person_id, email_sealed, channels, updated_at)
                            values (?1, ?2, ?3, ?4)
                            on conflict (person_id) do update set email_sealed = excluded.email_sealed,
                                channels = excluded.channels, updated_at = excluded.updated_at""")
                    .setParameter(1, caller.subject())
                    .setParameter(2, email.map(e -> protector.encrypt(e.value())).orElse(null))
                    .setParameter(3, write(channels))
                    .setParameter(4, OffsetDateTime.now(clock))
                    .executeUpdate())
                    .map(ignored -> view(new Preferences(email, channels)));
        });
    }

    /** The preferences of {@code personId}, in the current session; none chosen yet: the defaults. */
    public Uni<Preferences> of(String personId) {
        return PreferenceEntity.<PreferenceEntity>findById(personId).map(row -> row == null ? Preferences.none()
                : new Preferences(row.emailSealed == null ? Optional.empty()
                : Optional.of(new EmailAddress(protector.decrypt(row.emailSealed))), read(row.channels)));
    }

    /** The address to send to, in clear: only for the sender. */
    public Uni<Optional<EmailAddress>> emailOf(String personId) {
        return of(personId).map(Preferences::email);
    }

    private PreferenceView view(Preferences preferences) {
        Map<String, List<String>> channels = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            channels.put(kind.name(), preferences.channels().get(kind).stream().sorted().map(Enum::name).toList());
        }
        return new PreferenceView(preferences.email().map(EmailAddress::masked).orElse(null), channels);
    }

    private String write(Map<Kind, Set<Channel>> channels) {
        try {
            return mapper.writeValueAsString(new TreeMap<>(channels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Kind, Set<Channel>> read(String json) {
        try {
            Map<Kind, Set<Channel>> read = mapper.readValue(json, CHANNELS);
            return read == null ? Map.of() : read;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored channels unreadable", e);
        }
    }
}
