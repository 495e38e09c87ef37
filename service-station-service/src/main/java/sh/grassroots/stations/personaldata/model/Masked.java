package sh.grassroots.stations.personaldata.model;

/**
 * Personal data as people other than the station's managers see it. A phone keeps the first
 * three and last four digits ({@code 138****8000}); a name keeps its first character, enough for
 * a family to recognise its own record and not enough to identify it from a list.
 */
public final class Masked {
    private Masked() {
    }

    public static String phone(String digits) {
        if (digits == null) {
            return null;
        }
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            return stripped;
        }
        int first = stripped.codePointAt(0);
        int rest = Math.max(1, stripped.codePointCount(0, stripped.length()) - 1);
        return new String(Character.toChars(first)) + "*".repeat(rest);
    }
}
