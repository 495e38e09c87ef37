package sh.grassroots.training.session.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.training.course.model.CourseKind;
import sh.grassroots.training.session.model.Eligibility;
import sh.grassroots.training.session.persistence.EligibilityRows;

import java.util.UUID;

/**
 * Who may enrol in a course's sessions, kept by the session feature (its enrolment rules and rules
 * cache read it); the course feature writes it when a course is created. In the caller's session.
 */
@ApplicationScoped
public class CourseEligibility {
    private final EligibilityRows rows;

    public CourseEligibility(EligibilityRows rows) {
        this.rows = rows;
    }

    public Uni<Void> save(UUID courseId, Eligibility eligibility) {
        return rows.save(courseId, eligibility);
    }

    public Uni<Eligibility> of(UUID courseId, CourseKind kind) {
        return rows.load(courseId, kind);
    }
}
