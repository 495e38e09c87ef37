package sh.grassroots.org.affiliation.model;

import sh.grassroots.org.branch.model.BranchForm;
import sh.grassroots.platform.rules.Outcome;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Affiliations (functional and temporary branches) on top of a member's home branch. The home
 * never changes through them; they end on their own when their reason to exist goes away.
 */
public final class Affiliations {

    /** The branch a member is to be affiliated with; {@code form} empty for an ordinary or non-branch. */
    public record Branch(UUID id, String name, String districtCode, boolean dissolved, Optional<BranchForm> form) {
    }

    /** The member as the rules need them. */
    public record Candidate(UUID id, boolean active, UUID homeOrganizationId, String homeDistrict,
                            Map<String, String> attributes, boolean alreadyAffiliated) {
    }

    public record Added(UUID memberId, UUID organizationId, String kind, LocalDate since) {
    }

    public record Ended(UUID memberId, UUID organizationId, LocalDate endedOn, EndReason reason) {
    }

    private Affiliations() {
    }

    public static Outcome<Added> affiliate(Branch branch, Candidate member, LocalDate today) {
        Optional<BranchForm> form = branch.form().filter(f -> f instanceof BranchForm.Functional
                || f instanceof BranchForm.Temporary);
        if (form.isEmpty()) {
            return Outcome.rejected(AffiliationRule.BRANCH_TAKES_NO_AFFILIATIONS, branch.name()
                    + " is neither a functional nor a temporary branch; members belong to it by their home");
        }
        if (branch.dissolved()) {
            return Outcome.rejected(AffiliationRule.BRANCH_DISSOLVED, branch.name() + " has been dissolved");
        }
        if (form.get() instanceof BranchForm.Temporary temporary && temporary.isDue(today)) {
            return Outcome.rejected(AffiliationRule.TEMPORARY_BRANCH_ENDED, branch.name() + "'s task ended on "
                    + temporary.plannedEndOn() + "; extend it first");
        }
        if (!member.active()) {
            return Outcome.rejected(AffiliationRule.MEMBER_HAS_LEFT, "Member " + member.id() + " has left");
        }
        if (member.homeOrganizationId().equals(branch.id())) {
            return Outcome.rejected(AffiliationRule.OWN_HOME, "Member " + member.id() + " already has " + branch.name()
                    + " as their home branch");
        }
        if (!member.homeDistrict().equals(branch.districtCode())) {
            return Outcome.rejected(AffiliationRule.MEMBER_IN_OTHER_DISTRICT, "Member " + member.id()
                    + "'s home is in district " + member.homeDistrict() + ", the branch in " + branch.districtCode());
        }
        if (member.alreadyAffiliated()) {
            return Outcome.rejected(AffiliationRule.ALREADY_AFFILIATED, "Member " + member.id()
                    + " is already affiliated with " + branch.name());
        }
        if (form.get() instanceof BranchForm.Functional functional && !functional.criteria().matches(member.attributes())) {
            return Outcome.rejected(AffiliationRule.CRITERIA_NOT_MET, "Member " + member.id() + " does not meet "
                    + branch.name() + "'s criteria: " + functional.criteria().text());
        }
        return Outcome.done(new Added(member.id(), branch.id(), form.get().type().name(), today));
    }

    /**
     * A functional branch's affiliation is re-checked against the member's current attributes;
     * the answer is the end of the affiliation when they no longer qualify.
     */
    public static Optional<Ended> recheck(BranchForm.Functional form, UUID branchId, UUID memberId,
                                          Map<String, String> attributes, LocalDate today) {
        if (form.criteria().matches(attributes)) {
            return Optional.empty();
        }
        return Optional.of(new Ended(memberId, branchId, today, EndReason.CRITERIA_NO_LONGER_MET));
    }
}
