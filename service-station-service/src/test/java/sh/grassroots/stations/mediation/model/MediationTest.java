package sh.grassroots.stations.mediation.model;

import sh.grassroots.platform.rules.Rejection;
import org.junit.jupiter.api.Test;
import sh.grassroots.stations.booking.model.BookingStatus;
import sh.grassroots.stations.booking.model.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediationTest {
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 2, 14, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final TimeRange SLOT = new TimeRange(START, START.plusHours(2));

    private static MediationParties.Checked parties(String secretary, String officer, String lawyer,
                                                    List<String> family, String phone) {
        return MediationParties.check(secretary, officer, lawyer, family, phone);
    }

    private static Rejection refusal(MediationParties.Checked checked) {
        return assertInstanceOf(MediationParties.Refused.class, checked).rejection();
    }

    @Test
    void a_session_with_the_three_roles_and_the_family_can_be_held() {
        MediationParties p = assertInstanceOf(MediationParties.Valid.class,
                parties("王书记", "李经办", "张律师", List.of("陈家 陈阿姨", "陈先生"), "138 1234 5678")).parties();
        assertEquals("张律师", p.person(MediationRole.LAWYER));
        assertEquals(5, p.headcount());
        assertEquals("138****5678", p.familyPhone().orElseThrow().masked());
    }

    @Test
    void a_missing_lawyer_is_named() {
        Rejection r = refusal(parties("王书记", "李经办", " ", List.of("陈家"), null));
        assertEquals(MediationRule.ROLE_MISSING, r.rule());
        assertEquals(List.of("lawyer"), r.fields());
    }

    @Test
    void every_missing_role_is_listed() {
        Rejection r = refusal(parties(null, null, null, List.of("陈家"), null));
        assertEquals(List.of("residentsSecretary", "expropriationOfficer", "lawyer"), r.fields());
    }

    @Test
    void the_officer_cannot_also_be_the_familys_lawyer() {
        assertEquals(MediationRule.ROLES_NOT_DISTINCT, refusal(parties("王书记", "李明", "李明", List.of("陈家"), null)).rule());
    }

    @Test
    void a_mediation_without_the_family_is_refused() {
        assertEquals(MediationRule.FAMILY_MISSING, refusal(parties("王书记", "李经办", "张律师", List.of(" "), null)).rule());
        assertEquals(MediationRule.FAMILY_MISSING, refusal(parties("王书记", "李经办", "张律师", null, null)).rule());
    }

    @Test
    void a_family_phone_that_is_not_a_mobile_number_is_refused() {
        assertEquals(MediationRule.INVALID_PHONE,
                refusal(parties("王书记", "李经办", "张律师", List.of("陈家"), "021-1234")).rule());
    }

    @Test
    void the_outcome_cannot_be_recorded_before_the_session_starts() {
        Mediation.Open open = assertInstanceOf(Mediation.Open.class, Mediation.of(SLOT, BookingStatus.CONFIRMED, null));
        Mediation.Recording r = open.recordOutcome(Outcome.AGREED, "签约", START.toInstant().minusSeconds(60));
        assertEquals(MediationRule.NOT_STARTED, assertInstanceOf(Mediation.Recording.Refused.class, r).rejection().rule());
    }

    @Test
    void the_outcome_is_recorded_once_the_session_has_started() {
        Instant now = START.toInstant().plus(Duration.ofMinutes(90));
        Mediation.Recording r = ((Mediation.Open) Mediation.of(SLOT, BookingStatus.CHECKED_IN, null))
                .recordOutcome(Outcome.PARTIAL, "  补偿款达成一致，安置房源待定  ", now);
        Mediation.Conclusion c = assertInstanceOf(Mediation.Recording.Recorded.class, r).conclusion();
        assertEquals(Outcome.PARTIAL, c.outcome());
        assertEquals("补偿款达成一致，安置房源待定", c.summary());
        assertEquals(now, c.recordedAt());
    }

    @Test
    void a_recorded_outcome_cannot_be_recorded_again() {
        Mediation m = Mediation.of(SLOT, BookingStatus.CONFIRMED,
                new Mediation.Conclusion(Outcome.AGREED, "签约", START.toInstant()));
        Mediation.Concluded concluded = assertInstanceOf(Mediation.Concluded.class, m);
        assertEquals(MediationRule.OUTCOME_ALREADY_RECORDED, concluded.alreadyRecorded().rule());
    }

    @Test
    void a_cancelled_session_has_no_outcome() {
        Mediation.Recording r = ((Mediation.Open) Mediation.of(SLOT, BookingStatus.CANCELLED, null))
                .recordOutcome(Outcome.AGREED, "签约", START.toInstant().plusSeconds(60));
        assertEquals(MediationRule.NOT_HELD, assertInstanceOf(Mediation.Recording.Refused.class, r).rejection().rule());
    }

    @Test
    void an_outcome_needs_a_summary() {
        Mediation.Recording r = ((Mediation.Open) Mediation.of(SLOT, BookingStatus.CONFIRMED, null))
                .recordOutcome(Outcome.NOT_AGREED, " ", START.toInstant().plusSeconds(60));
        assertEquals(MediationRule.SUMMARY_MISSING, assertInstanceOf(Mediation.Recording.Refused.class, r).rejection().rule());
        assertTrue(MediationRule.SUMMARY_MISSING.slug().startsWith("mediation-"));
    }
}
