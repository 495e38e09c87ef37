package sh.grassroots.org.branch.model;

import sh.grassroots.org.tree.model.OrganizationKind;
import sh.grassroots.org.tree.model.SizePolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link SizePolicy} for branches that have a form. A functional or temporary branch is nobody's
 * home: its members are its affiliations, so the size rules (three full members, split above
 * fifty) apply to those; counting homes would flag every such branch as empty. A grid branch is
 * also held to the village guideline of 15–20 members.
 */
public final class FormSizePolicy {

    public enum Basis {
        /** Active members whose home is the organization or below it. */
        HOME_SUBTREE,
        /** Active affiliations with the branch. */
        AFFILIATIONS
    }

    public record Flag(String rule, String detail) {
    }

    public record Assessment(Basis basis, SizePolicy.Counts counts, List<Flag> flags) {
    }

    private FormSizePolicy() {
    }

    public static Assessment assess(UUID id, String name, OrganizationKind kind, Optional<FormType> form,
                                    SizePolicy.Counts home, SizePolicy.Counts affiliated) {
        boolean byAffiliation = form.filter(f -> f == FormType.FUNCTIONAL || f == FormType.TEMPORARY).isPresent();
        SizePolicy.Counts counts = byAffiliation ? affiliated : home;
        List<Flag> flags = new ArrayList<>(SizePolicy.flags(kind, counts).stream()
                .map(f -> new Flag(f.rule().slug(), f.detail())).toList());
        if (form.filter(f -> f == FormType.GRID).isPresent()) {
            GridCheck.memberGuideline(id, name, counts.total()).ifPresent(f -> flags.add(new Flag(f.rule().slug(), f.detail())));
        }
        return new Assessment(byAffiliation ? Basis.AFFILIATIONS : Basis.HOME_SUBTREE, counts, List.copyOf(flags));
    }
}
