package sh.grassroots.training.enrolment.model;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Test data in domain words: {@code aMember().of(branch).under(committee).build()}. */
final class Learners {
    private UUID personId = UUID.randomUUID();
    private UUID home = UUID.randomUUID();
    private final Set<UUID> ancestors = new HashSet<>();
    private MemberStatus status = MemberStatus.FULL;
    private UUID memberUnit;
    private final Set<UUID> completed = new HashSet<>();
    private final Set<UUID> affiliations = new HashSet<>();

    static Learners aMember() {
        return new Learners();
    }

    static Learners aProbationaryMember() {
        return new Learners().withStatus(MemberStatus.PROBATIONARY);
    }

    static Learners aNonMember() {
        return new Learners().withStatus(MemberStatus.NOT_A_MEMBER);
    }

    Learners of(UUID homeOrganization) {
        this.home = homeOrganization;
        return this;
    }

    Learners under(UUID ancestor) {
        ancestors.add(ancestor);
        return this;
    }

    Learners withStatus(MemberStatus s) {
        this.status = s;
        return this;
    }

    Learners workingFor(UUID unit) {
        this.memberUnit = unit;
        return this;
    }

    /** Affiliated to {@code branch}, a functional or temporary branch, which sits below {@code itsAncestors}. */
    Learners affiliatedTo(UUID branch, UUID... itsAncestors) {
        affiliations.add(branch);
        affiliations.addAll(Set.of(itsAncestors));
        return this;
    }

    Learners havingCompleted(UUID course) {
        completed.add(course);
        return this;
    }

    Learner build() {
        Set<UUID> path = new HashSet<>(ancestors);
        if (home != null && status != MemberStatus.NOT_A_MEMBER) {
            path.add(home);
        }
        return new Learner(personId, status == MemberStatus.NOT_A_MEMBER ? null : home, path, status, memberUnit, completed,
                affiliations);
    }
}
