package sh.grassroots.training.session.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.training.enrolment.model.MemberStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A course's eligibility, stored as one row per restriction in course_eligibility. */
@ApplicationScoped
public class EligibilityRows {

    public Uni<Void> save(UUID courseId, Eligibility eligibility) {
        List<String[]> rows = new ArrayList<>();
        eligibility.subtreeRoots().forEach(id -> rows.add(new String[]{"SUBTREE", id.toString()}));
        eligibility.statuses().forEach(st -> rows.add(new String[]{"MEMBER_STATUS", st.name()}));
        eligibility.memberUnits().forEach(id -> rows.add(new String[]{"MEMBER_UNIT", id.toString()}));
        eligibility.prerequisites().forEach(id -> rows.add(new String[]{"PREREQUISITE", id.toString()}));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String[] row : rows) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "insert into course_eligibility (course_id, rule, value) values (?1, ?2, ?3)")
                    .setParameter(1, courseId).setParameter(2, row[0]).setParameter(3, row[1])
                    .executeUpdate())).replaceWithVoid();
        }
        return chain;
    }

    public Uni<Eligibility> load(UUID courseId, CourseKind kind) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                        "select rule, value from course_eligibility where course_id = ?1")
                .setParameter(1, courseId).getResultList())
                .map(rows -> {
                    Set<UUID> subtrees = new HashSet<>();
                    Set<MemberStatus> statuses = new HashSet<>();
                    Set<UUID> units = new HashSet<>();
                    Set<UUID> prerequisites = new HashSet<>();
                    for (Object[] row : rows) {
                        String rule = (String) row[0];
                        String value = (String) row[1];
                        if ("SUBTREE".equals(rule)) {
                            subtrees.add(UUID.fromString(value));
                        } else if ("MEMBER_STATUS".equals(rule)) {
                            statuses.add(MemberStatus.valueOf(value));
                        } else if ("MEMBER_UNIT".equals(rule)) {
                            units.add(UUID.fromString(value));
                        } else if ("PREREQUISITE".equals(rule)) {
                            prerequisites.add(UUID.fromString(value));
                        }
                    }
                    return new Eligibility(kind, subtrees, statuses, units, prerequisites);
                });
    }
}
