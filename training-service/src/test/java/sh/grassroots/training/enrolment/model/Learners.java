package sh.grassroots.training.enrolment.model;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Test data in domain words: {@code aMember().of(branch).under(committee).build()}. */
public final class Learners {
    private UUID personId = UUID.randomUUID();
    private UUID home = UUID.randomUUID();
    private final Set<UUID> ancestors = new HashSet<>();
    private MemberStatus status = MemberStatus.FULL;
    private UUID memberUnit;
    private final Set<UUID> completed = new HashSet<>();
    private final Set<UUID> affiliations = new HashSet<>();

    public static Learners aMember() {
        return new Learners();
    }

    public static Learners aProbationaryMember() {
        return new Learners().withStatus(MemberStatus.PROBATIONARY);
    }

    public static Learners aNonMember() {
        return new Learners().withStatus(MemberStatus.NOT_A_MEMBER);
    }

    public Learners of(UUID homeOrganization) {
        this.home = homeOrganization;
        return this;
    }

    public Learners under(UUID ancestor) {
        ancestors.add(ancestor);
        return this;
    }

    public Learners withStatus(MemberStatus s) {
        this.status = s;
        return this;
    }

    public Learners workingFor(UUID unit) {
        this.memberUnit = unit;
        return this;
    }

    /** Affiliated to {@code branch}, a functional or temporary branch, which sits below {@code itsAncestors}. */
    public Learners affiliatedTo(UUID branch, UUID... itsAncestors) {
        affiliations.add(branch);
        affiliations.addAll(Set.of(itsAncestors));
        return this;
    }

    public Learners havingCompleted(UUID course) {
        completed.add(course);
        return this;
    }

    public Learner build() {
        Set<UUID> path = new HashSet<>(ancestors);
        if (home != null && status != MemberStatus.NOT_A_MEMBER) {
            path.add(home);
        }
        return new Learner(personId, status == MemberStatus.NOT_A_MEMBER ? null : home, path, status, memberUnit, completed,
                affiliations);
    }
}
