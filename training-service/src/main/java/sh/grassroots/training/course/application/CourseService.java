package sh.grassroots.training.course.application;

import sh.grassroots.training.course.model.CourseRule;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.ETags;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Rejection;
import sh.grassroots.training.course.model.ProviderKind;
import sh.grassroots.training.course.persistence.CourseEntity;
import sh.grassroots.training.session.application.CourseEligibility;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
public class CourseService {
    private final CourseEligibility eligibility;
    private final TrainingAccess access;
    private final Clock clock;

    public CourseService(CourseEligibility eligibility, TrainingAccess access, Clock clock) {
        this.eligibility = eligibility;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The provider's organizers create its courses. A provider training does not know is the
     * request's mistake, or the projection has not caught up with org-service yet: 422 naming the
     * field either way.
     */
    @WithTransaction
    public Uni<CourseView> create(Caller caller, CreateCourse command) {
        return access.scope(caller)
                .chain(scope -> access.provider(command.providerKind(), command.providerId()).chain(provider -> {
                    if (provider instanceof TrainingAccessPolicy.UnknownProvider) {
                        return Uni.createFrom().failure(unknownProvider(command));
                    }
                    return TrainingAccess.enforce(TrainingAccessPolicy.organizers(scope, provider));
                }))
                .chain(() -> createAllowed(command));
    }

    private static ProblemException unknownProvider(CreateCourse command) {
        String what = command.providerKind() == ProviderKind.JOINT_CONFERENCE
                ? "joint conference" : "organization";
        return Rejections.exception(new Rejection(CourseRule.PROVIDER_UNKNOWN,
                "Training knows no " + what + " " + command.providerId() + ". One just created in org-service "
                        + "reaches training within seconds: try again shortly if it is new"),
                "providerId", "no such " + what + " known to training");
    }

    private Uni<CourseView> createAllowed(CreateCourse command) {
        if (command.creditHours().signum() < 0 || command.creditHours().scale() > 1
                || command.creditHours().compareTo(BigDecimal.valueOf(999)) > 0) {
            return Uni.createFrom().failure(Rejections.exception(new Rejection(CourseRule.CREDIT_HOURS_INVALID,
                    "Credit hours are between 0 and 999, in steps of 0.1")));
        }
        CourseEntity course = new CourseEntity();
        course.id = UUID.randomUUID();
        course.title = command.title().strip();
        course.kind = command.kind();
        course.providerKind = command.providerKind();
        course.providerId = command.providerId();
        course.creditHours = command.creditHours();
        course.description = command.description();
        course.createdAt = OffsetDateTime.now(clock);
        // flushed first: the eligibility rows are written by native SQL, which does not flush the session
        return course.persistAndFlush()
                .chain(() -> eligibility.save(course.id, command.eligibility()))
                .replaceWith(() -> CourseView.of(course, command.eligibility()));
    }

    /** The course in the caller's session; null when there is none. */
    public Uni<CourseSummary> summary(UUID id) {
        return CourseEntity.<CourseEntity>findById(id).map(c -> c == null ? null
                : new CourseSummary(c.id, c.title, c.kind, c.providerKind, c.providerId, c.creditHours));
    }

    /** Any person reads a course. */
    @WithSession
    public Uni<CourseView> get(Caller caller, UUID id) {
        return CourseEntity.<CourseEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Course", id))
                .call(() -> access.scope(caller).chain(scope ->
                        TrainingAccess.enforce(TrainingAccessPolicy.readOpenCatalogue(scope))))
                .chain(course -> eligibility.of(course.id, course.kind).map(e -> CourseView.of(course, e)));
    }

    /**
     * The course's organizers correct its title or description (a value left out stays as it is).
     * With {@code expectedVersion} (If-Match) a course corrected meanwhile is 412, not overwritten;
     * two corrections at the same moment lose one to the version check (409 changed-concurrently).
     */
    @WithTransaction
    public Uni<CourseView> correct(Caller caller, UUID id, String title, String description, Long expectedVersion) {
        return CourseEntity.<CourseEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Course", id))
                .call(course -> access.scope(caller).chain(scope -> access.providerOf(course)
                        .chain(provider -> TrainingAccess.enforce(TrainingAccessPolicy.organizers(scope, provider)))))
                .chain(course -> {
                    ETags.requireCurrent(expectedVersion, course.version);
                    if (title != null) {
                        course.title = title.strip();
                    }
                    if (description != null) {
                        course.description = description;
                    }
                    return course.<CourseEntity>persistAndFlush();
                })
                .chain(course -> eligibility.of(course.id, course.kind).map(e -> CourseView.of(course, e)));
    }
}
