package sh.grassroots.notifications.personaldata.infrastructure;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sh.grassroots.platform.persistence.PersonalDataProtector;

/**
 * The protector of people's e-mail addresses, made from {@code notifications.personal-data.key}
 * (NOTIFICATIONS_PERSONAL_DATA_KEY, a secret). A missing or malformed key stops the service at
 * start rather than storing addresses in clear.
 */
public class PersonalDataKey {

    @Produces
    @Singleton
    PersonalDataProtector protector(@ConfigProperty(name = "notifications.personal-data.key") String base64MasterKey) {
        return new PersonalDataProtector(base64MasterKey);
    }
}
