package sh.grassroots.stations.personaldata.application;

import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.persistence.PersonalDataProtector;
import sh.grassroots.stations.personaldata.model.Masked;

import java.util.Arrays;
import java.util.List;

/**
 * Bookers' phones and mediation families' names and phones: sealed before they are stored, and
 * shown in clear only where the use case decided the caller is entitled to them (the station's
 * managers), masked everywhere else. Never put into an event.
 */
@ApplicationScoped
public class PersonalData {
    private final PersonalDataProtector protector;

    public PersonalData(PersonalDataProtector protector) {
        this.protector = protector;
    }

    public String seal(String clear) {
        return clear == null ? null : protector.encrypt(clear);
    }

    public String[] seal(List<String> clear) {
        return clear.stream().map(protector::encrypt).toArray(String[]::new);
    }

    /** A stored phone as the caller may see it. */
    public String phone(String stored, boolean inClear) {
        if (stored == null) {
            return null;
        }
        String digits = protector.decrypt(stored);
        return inClear ? digits : Masked.phone(digits);
    }

    /** Stored names as the caller may see them. */
    public List<String> names(String[] stored, boolean inClear) {
        return Arrays.stream(stored).map(protector::decrypt).map(n -> inClear ? n : Masked.name(n)).toList();
    }
}
