package sh.grassroots.org.member.model;

import java.time.LocalDate;

/** A probationary member may become full no earlier than one year after admission. */
final class Probation {
    private Probation() {
    }

    static LocalDate earliestEnd(LocalDate admittedOn) {
        return admittedOn.plusYears(1);
    }
}
