package sh.grassroots.org.conference.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitStaffTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final MemberUnit GOLD_EXCHANGE = new MemberUnit(UUID.randomUUID(), "上海黄金交易所", Sector.CENTRAL_SOE,
            Optional.empty(), LocalDate.of(2018, 12, 1), Optional.empty());

    static Outcome.Rejected<?> refused(Outcome<?> outcome) {
        return (Outcome.Rejected<?>) outcome;
    }

    @Test
    void a_finance_employee_who_is_not_a_party_member_gets_a_new_person_id() {
        var registration = ((Outcome.Done<UnitStaff.Registration>) UnitStaff.register(GOLD_EXCHANGE, TODAY, " 钱晓雯 ",
                false, Optional.empty())).value();
        assertEquals("钱晓雯", registration.name());
        assertFalse(registration.partyMember());
        assertEquals(Optional.empty(), registration.memberId());
        assertEquals(TODAY, registration.registeredOn());
    }

    @Test
    void a_registered_member_keeps_their_member_id_and_their_recorded_name() {
        UUID member = UUID.randomUUID();
        var registration = ((Outcome.Done<UnitStaff.Registration>) UnitStaff.register(GOLD_EXCHANGE, TODAY, null, null,
                Optional.of(new UnitStaff.KnownMember(member, "金海涛", true)))).value();
        assertEquals(member, registration.personId());
        assertEquals(Optional.of(member), registration.memberId());
        assertTrue(registration.partyMember());
        assertEquals("金海涛", registration.name());
    }

    @Test
    void two_people_who_are_not_members_get_different_person_ids() {
        var first = ((Outcome.Done<UnitStaff.Registration>) UnitStaff.register(GOLD_EXCHANGE, TODAY, "甲", false,
                Optional.empty())).value();
        var second = ((Outcome.Done<UnitStaff.Registration>) UnitStaff.register(GOLD_EXCHANGE, TODAY, "甲", false,
                Optional.empty())).value();
        assertNotEquals(first.personId(), second.personId());
    }

    @Test
    void a_unit_that_left_a_member_said_not_to_be_one_a_former_member_and_a_missing_name_are_refused() {
        MemberUnit left = new MemberUnit(UUID.randomUUID(), "外滩街道", Sector.SUB_DISTRICT, Optional.empty(),
                LocalDate.of(2018, 12, 1), Optional.of(TODAY));
        assertEquals(ConferenceRule.STAFF_UNIT_NOT_MEMBER,
                refused(UnitStaff.register(left, TODAY, "郑洁", false, Optional.empty())).rule());
        UUID member = UUID.randomUUID();
        assertEquals(ConferenceRule.STAFF_PARTY_MEMBER_MISMATCH, refused(UnitStaff.register(GOLD_EXCHANGE, TODAY, null,
                false, Optional.of(new UnitStaff.KnownMember(member, "金海涛", true)))).rule());
        assertEquals(ConferenceRule.STAFF_MEMBER_HAS_LEFT, refused(UnitStaff.register(GOLD_EXCHANGE, TODAY, null, true,
                Optional.of(new UnitStaff.KnownMember(member, "金海涛", false)))).rule());
        assertEquals(ConferenceRule.STAFF_NAME_MISSING,
                refused(UnitStaff.register(GOLD_EXCHANGE, TODAY, "  ", true, Optional.empty())).rule());
    }

    @Test
    void a_registration_ends_once() {
        assertEquals(TODAY, ((Outcome.Done<LocalDate>) UnitStaff.leave(Optional.empty(), TODAY)).value());
        assertEquals(ConferenceRule.STAFF_ALREADY_LEFT, refused(UnitStaff.leave(Optional.of(TODAY), TODAY)).rule());
    }
}
