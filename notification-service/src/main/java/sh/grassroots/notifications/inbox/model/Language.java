package sh.grassroots.notifications.inbox.model;

import java.util.Locale;

/**
 * The language of a notification's texts: Chinese unless the caller's Accept-Language prefers
 * English. Kept local to this service on purpose (a shared zh-CN/en layer for problem texts is
 * being built in platform/web at the same time); only the first language range is read.
 */
public enum Language {
    ZH, EN;

    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        String first = header.split(",")[0].split(";")[0].trim().toLowerCase(Locale.ROOT);
        return first.equals("en") || first.startsWith("en-") ? EN : ZH;
    }
}
