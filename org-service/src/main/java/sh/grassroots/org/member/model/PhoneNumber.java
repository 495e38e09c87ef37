package sh.grassroots.org.member.model;

/** A mainland mobile number; shown as 138****5678. */
public record PhoneNumber(String value) {

    public PhoneNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a mobile number");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.matches("1[3-9]\\d{9}");
    }

    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public String toString() {
        return masked();
    }
}
