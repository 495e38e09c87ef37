package sh.grassroots.notifications.inbox.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.notifications.inbox.model.Kind;
import sh.grassroots.notifications.inbox.model.Language;
import sh.grassroots.notifications.inbox.model.NotificationText;
import sh.grassroots.notifications.inbox.persistence.NotificationEntity;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A stored notification made into its view, in the language asked for. */
@ApplicationScoped
public class Rendering {
    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };
    private final ObjectMapper mapper;

    public Rendering(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public NotificationView view(NotificationEntity n, Language language) {
        return view(n.id, n.seq, n.kind, n.facts, n.createdAt, n.readAt, language);
    }

    public NotificationView view(UUID id, long seq, String kindName, String factsJson, OffsetDateTime createdAt,
                                 OffsetDateTime readAt, Language language) {
        Kind kind = Kind.valueOf(kindName);
        Map<String, String> facts = facts(factsJson);
        NotificationText.Text text = NotificationText.render(kind, facts, language);
        return new NotificationView(id, seq, kind.name(), text.title(), text.body(), facts,
                NotificationText.nextStep(kind, facts).orElse(null), createdAt, readAt);
    }

    public Map<String, String> facts(String json) {
        try {
            return mapper.readValue(json, FACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored facts unreadable", e);
        }
    }
}
