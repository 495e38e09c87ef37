package sh.grassroots.org.conference.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Member units in the words of the domain: {@code aUnit("太平洋保险").ofSector(CITY_SOE).joinedOn(...)}. */
final class Units {
    static final LocalDate FOUNDED = LocalDate.of(2018, 12, 1);

    private final UUID id = UUID.randomUUID();
    private final String name;
    private Sector sector = Sector.CITY_SOE;
    private UUID organizationId;
    private LocalDate joinedOn = FOUNDED;
    private LocalDate leftOn;

    private Units(String name) {
        this.name = name;
    }

    static Units aUnit(String name) {
        return new Units(name);
    }

    Units ofSector(Sector sector) {
        this.sector = sector;
        return this;
    }

    Units linkedTo(UUID organizationId) {
        this.organizationId = organizationId;
        return this;
    }

    Units joinedOn(LocalDate joinedOn) {
        this.joinedOn = joinedOn;
        return this;
    }

    Units leftOn(LocalDate leftOn) {
        this.leftOn = leftOn;
        return this;
    }

    MemberUnit build() {
        return new MemberUnit(id, name, sector, Optional.ofNullable(organizationId), joinedOn, Optional.ofNullable(leftOn));
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static <T> T done(sh.grassroots.platform.rules.Outcome<T> outcome) {
        if (outcome instanceof sh.grassroots.platform.rules.Outcome.Done<T> done) {
            return done.value();
        }
        throw new AssertionError("Expected the change to be made but it was refused: " + outcome);
    }

    static void assertRefused(ConferenceRule rule, sh.grassroots.platform.rules.Outcome<?> outcome) {
        if (!(outcome instanceof sh.grassroots.platform.rules.Outcome.Rejected<?> refused) || refused.rule() != rule) {
            throw new AssertionError("Expected a refusal by " + rule + " but got " + outcome);
        }
    }
}
