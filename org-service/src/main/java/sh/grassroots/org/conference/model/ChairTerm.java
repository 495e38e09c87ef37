package sh.grassroots.org.conference.model;

import java.time.LocalDate;
import java.util.UUID;

/** One unit's turn in the rotating chair (轮值制), both dates inclusive. */
public record ChairTerm(UUID id, UUID unitId, String unitName, LocalDate startsOn, LocalDate endsOn) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public boolean overlaps(LocalDate from, LocalDate until) {
        return !from.isAfter(endsOn) && !until.isBefore(startsOn);
    }

    /** How a refusal names the term, e.g. "from 2026-01-01 to 2026-06-30 (term …, 上海清算所)". */
    public String describe() {
        return "from " + startsOn + " to " + endsOn + " (term " + id + ", " + unitName + ")";
    }
}
