package sh.grassroots.platform.web;

import java.util.List;
import java.util.Locale;

/**
 * The language a person reads: Chinese unless their {@code Accept-Language} prefers English.
 * Users and the data are Chinese, so an absent, unreadable or unsupported header means zh-CN; the
 * ranges are taken in the order of their q-values, and a range with q=0 is a refusal.
 */
public final class Languages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final String HEADER = "Accept-Language";

    private Languages() {
    }

    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return CHINESE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException unreadable) {
            return CHINESE;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.equals("zh") || tag.startsWith("zh-") || tag.equals("*")) {
                return CHINESE;
            }
            if (tag.equals("en") || tag.startsWith("en-")) {
                return ENGLISH;
            }
        }
        return CHINESE;
    }

    /** The {@code Content-Language} of an answer in {@code locale}. */
    public static String tag(Locale locale) {
        return locale.toLanguageTag();
    }
}
