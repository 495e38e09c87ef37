package sh.grassroots.notifications.preference.application;

import java.util.List;
import java.util.Map;

/** A person's preferences as answered: the address masked, every kind with its channels. */
public record PreferenceView(String email, Map<String, List<String>> channels) {
}
