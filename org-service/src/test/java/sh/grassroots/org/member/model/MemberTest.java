package sh.grassroots.org.member.model;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.tree.model.OrganizationKind;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class MemberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Registration.Home BRANCH = new Registration.Home(UUID.randomUUID(), OrganizationKind.BRANCH, false);

    private static ActiveMember aProbationaryMemberAdmittedOn(LocalDate admittedOn) {
        return new ActiveMember(UUID.randomUUID(), BRANCH.id(), MemberStatus.PROBATIONARY, admittedOn);
    }

    private static ActiveMember aFullMember() {
        return new ActiveMember(UUID.randomUUID(), BRANCH.id(), MemberStatus.FULL, LocalDate.of(2010, 7, 1));
    }

    @Test
    void a_member_registered_without_a_full_date_is_probationary() {
        var registered = done(Registration.decide(UUID.randomUUID(), BRANCH, TODAY.minusMonths(2), Optional.empty(), TODAY));
        assertEquals(MemberStatus.PROBATIONARY, registered.status());
        assertEquals(BRANCH.id(), registered.homeOrganizationId());
    }

    @Test
    void a_member_registered_with_a_full_date_a_year_after_admission_is_full() {
        var admitted = LocalDate.of(2015, 7, 1);
        var registered = done(Registration.decide(UUID.randomUUID(), BRANCH, admitted, Optional.of(admitted.plusYears(1)), TODAY));
        assertEquals(MemberStatus.FULL, registered.status());
    }

    @Test
    void a_members_home_is_a_branch_not_a_committee() {
        var committee = new Registration.Home(UUID.randomUUID(), OrganizationKind.COMMITTEE, false);
        assertRefused(MemberRule.HOME_MUST_BE_BRANCH,
                Registration.decide(UUID.randomUUID(), committee, TODAY, Optional.empty(), TODAY));
    }

    @Test
    void nobody_is_registered_in_a_dissolved_branch() {
        var dissolved = new Registration.Home(UUID.randomUUID(), OrganizationKind.BRANCH, true);
        assertRefused(MemberRule.HOME_DISSOLVED, Registration.decide(UUID.randomUUID(), dissolved, TODAY, Optional.empty(), TODAY));
    }

    @Test
    void an_admission_in_the_future_or_a_short_probation_is_refused_at_registration() {
        assertRefused(MemberRule.ADMITTED_IN_FUTURE,
                Registration.decide(UUID.randomUUID(), BRANCH, TODAY.plusDays(1), Optional.empty(), TODAY));
        var admitted = TODAY.minusYears(2);
        assertRefused(MemberRule.PROBATION_NOT_OVER, Registration.decide(UUID.randomUUID(), BRANCH, admitted,
                Optional.of(admitted.plusMonths(11)), TODAY));
    }

    @Test
    void a_probationary_member_becomes_full_a_year_after_admission() {
        var member = aProbationaryMemberAdmittedOn(TODAY.minusYears(1));
        var full = done(member.changeStatus(MemberStatus.FULL, TODAY, TODAY));
        assertEquals(new MemberChange.BecameFull(member.id(), TODAY), full);
    }

    @Test
    void a_probation_is_not_cut_short() {
        var member = aProbationaryMemberAdmittedOn(TODAY.minusMonths(6));
        assertRefused(MemberRule.PROBATION_NOT_OVER, member.changeStatus(MemberStatus.FULL, TODAY, TODAY));
    }

    @Test
    void full_membership_cannot_be_dated_ahead() {
        var member = aProbationaryMemberAdmittedOn(TODAY.minusYears(2));
        assertRefused(MemberRule.CHANGE_IN_FUTURE, member.changeStatus(MemberStatus.FULL, TODAY.plusDays(1), TODAY));
    }

    @Test
    void a_full_member_is_not_made_full_again_nor_probationary() {
        assertRefused(MemberRule.ALREADY_FULL, aFullMember().changeStatus(MemberStatus.FULL, TODAY, TODAY));
        assertRefused(MemberRule.ONLY_PROBATIONARY_TO_FULL, aFullMember().changeStatus(MemberStatus.PROBATIONARY, TODAY, TODAY));
    }

    @Test
    void a_member_leaves_with_a_date_and_reason() {
        var member = aFullMember();
        var left = done(member.leave(TODAY, LeaveReason.DECEASED, TODAY));
        assertEquals(new MemberChange.Left(member.id(), TODAY, LeaveReason.DECEASED), left);
    }

    @Test
    void leaving_before_admission_or_in_the_future_is_refused() {
        var member = aProbationaryMemberAdmittedOn(TODAY.minusMonths(1));
        assertRefused(MemberRule.LEFT_BEFORE_ADMISSION, member.leave(TODAY.minusMonths(2), LeaveReason.WITHDREW, TODAY));
        assertRefused(MemberRule.CHANGE_IN_FUTURE, member.leave(TODAY.plusDays(1), LeaveReason.WITHDREW, TODAY));
    }

    @SuppressWarnings("unchecked")
    private static <T> T done(Outcome<T> outcome) {
        return ((Outcome.Done<T>) assertInstanceOf(Outcome.Done.class, outcome, () -> "refused: " + outcome)).value();
    }

    private static void assertRefused(MemberRule rule, Outcome<?> outcome) {
        var refused = assertInstanceOf(Outcome.Rejected.class, outcome, () -> "allowed: " + outcome);
        assertEquals(rule, refused.rule());
    }
}
