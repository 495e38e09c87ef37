package sh.grassroots.notifications.preference.model;

import sh.grassroots.notifications.inbox.model.Kind;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A person's choice of channels per kind of notification. The inbox always gets every
 * notification (it is the record of what the person was told); e-mail is asked for per kind and
 * needs an address. Without any choice made: a held seat is e-mailed when an address is known,
 * as it is the one notification that expires unseen; everything else stays in the app.
 */
public record Preferences(Optional<EmailAddress> email, Map<Kind, Set<Channel>> channels) {
    public static final Set<Kind> EMAILED_BY_DEFAULT = EnumSet.of(Kind.SEAT_HELD);

    public Preferences {
        EnumMap<Kind, Set<Channel>> copy = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Set<Channel> chosen = EnumSet.of(Channel.IN_APP);
            Set<Channel> given = channels.get(kind);
            if (given != null) {
                chosen.addAll(given);
            } else if (EMAILED_BY_DEFAULT.contains(kind)) {
                chosen.add(Channel.EMAIL);
            }
            copy.put(kind, Set.copyOf(chosen));
        }
        channels = Map.copyOf(copy);
    }

    public static Preferences none() {
        return new Preferences(Optional.empty(), Map.of());
    }

    /** The outbound channels a notification of {@code kind} goes to (the inbox aside). */
    public Set<Channel> outbound(Kind kind) {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        if (channels.get(kind).contains(Channel.EMAIL) && email.isPresent()) {
            out.add(Channel.EMAIL);
        }
        return out;
    }

    /** A change the person asks for; an empty result when it is acceptable, else why not. */
    public static Optional<String> emailNeededFor(Optional<EmailAddress> email, Map<Kind, Set<Channel>> channels) {
        if (email.isPresent()) {
            return Optional.empty();
        }
        return channels.entrySet().stream().filter(e -> e.getValue().contains(Channel.EMAIL))
                .map(e -> e.getKey().name()).sorted().findFirst();
    }
}
