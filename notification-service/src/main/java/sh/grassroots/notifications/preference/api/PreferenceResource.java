package sh.grassroots.notifications.preference.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import sh.grassroots.notifications.inbox.model.Kind;
import sh.grassroots.notifications.preference.application.PreferenceService;
import sh.grassroots.notifications.preference.application.PreferenceView;
import sh.grassroots.notifications.preference.model.Channel;
import sh.grassroots.notifications.preference.model.EmailAddress;
import sh.grassroots.platform.web.Callers;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caller's notification preferences: an e-mail address (answered masked) and, per kind, the
 * channels chosen besides the inbox. {@code email} left out (or null) keeps the stored address,
 * an empty one removes it; {@code channels} replaces the choice (kinds left out: the defaults).
 */
@Path("/api/v1/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {
    private final PreferenceService preferences;

    public PreferenceResource(PreferenceService preferences) {
        this.preferences = preferences;
    }

    public record PreferenceRequest(String email, Map<String, List<String>> channels) {
    }

    @GET
    public Uni<PreferenceView> get(@Context HttpHeaders headers) {
        return preferences.get(Callers.require(headers::getHeaderString));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PreferenceView> put(@NotNull @Valid PreferenceRequest request, @Context HttpHeaders headers) {
        var caller = Callers.require(headers::getHeaderString);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.email() != null && !request.email().isEmpty() && !EmailAddress.valid(request.email())) {
            errors.add(new Problem.FieldError("email", "not an e-mail address"));
        }
        Map<Kind, Set<Channel>> channels = new HashMap<>();
        if (request.channels() != null) {
            request.channels().forEach((kindName, names) -> {
                Kind kind = parse(Kind.class, kindName);
                if (kind == null) {
                    errors.add(new Problem.FieldError("channels." + kindName, "no such kind of notification"));
                    return;
                }
                Set<Channel> chosen = EnumSet.noneOf(Channel.class);
                for (int i = 0; names != null && i < names.size(); i++) {
                    Channel channel = parse(Channel.class, names.get(i));
                    if (channel == null) {
                        errors.add(new Problem.FieldError("channels." + kindName + "[" + i + "]", "IN_APP or EMAIL"));
                    } else {
                        chosen.add(channel);
                    }
                }
                channels.put(kind, chosen);
            });
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.withErrors(400, "validation", "Invalid request",
                    "The preferences cannot be read as sent", errors));
        }
        return preferences.put(caller, new PreferenceService.Change(request.email(), channels));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
