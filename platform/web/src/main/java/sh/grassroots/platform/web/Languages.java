package sh.grassroots.platform.web;

import java.util.List;
import java.util.Locale;

/**
 * The language a person reads: Chinese unless their {@code Accept-Language} prefers English.
 * Users and the data are Chinese, so where people come in (the gateway) an absent, unreadable or
 * unsupported header means zh-CN, and the gateway says so to the service behind it
 * ({@link #PEOPLES_DEFAULT}). The ranges are taken in the order of their q-values, and a range with
 * q=0 is a refusal. A service reached without the gateway's word (another system, a test) keeps the
 * words as the code wrote them: {@link #fromAcceptLanguage(String, Locale)} with English.
 */
public final class Languages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final String HEADER = "Accept-Language";
    /** What the gateway states for a person whose request names no language it can serve. */
    public static final String PEOPLES_DEFAULT = "zh-CN";

    private Languages() {
    }

    public static Locale fromAcceptLanguage(String header) {
        return fromAcceptLanguage(header, CHINESE);
    }

    /** The language {@code header} asks for, or {@code unstated} when it asks for none we serve. */
    public static Locale fromAcceptLanguage(String header, Locale unstated) {
        if (header == null || header.isBlank()) {
            return unstated;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException unreadable) {
            return unstated;
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
        return unstated;
    }

    /** Whether {@code header} names a language we serve (else the gateway states {@link #PEOPLES_DEFAULT}). */
    public static boolean namesOneWeServe(String header) {
        return fromAcceptLanguage(header, null) != null;
    }

    /** The {@code Content-Language} of an answer in {@code locale}. */
    public static String tag(Locale locale) {
        return locale.toLanguageTag();
    }
}
