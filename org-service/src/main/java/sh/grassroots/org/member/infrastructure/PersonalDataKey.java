package sh.grassroots.org.member.infrastructure;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sh.grassroots.platform.persistence.PersonalDataProtector;

/**
 * The protector of members' ID numbers and phones, made from {@code org.personal-data.key}
 * (PERSONAL_DATA_KEY, a secret). A missing or malformed key stops the service at start rather than
 * storing in clear.
 */
public class PersonalDataKey {

    @Produces
    @Singleton
    PersonalDataProtector protector(@ConfigProperty(name = "org.personal-data.key") String base64MasterKey) {
        return new PersonalDataProtector(base64MasterKey);
    }
}
