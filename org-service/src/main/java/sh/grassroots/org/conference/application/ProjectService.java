package sh.grassroots.org.conference.application;

import sh.grassroots.org.conference.model.ConferenceRule;
import sh.grassroots.platform.web.ETags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import jakarta.persistence.LockModeType;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.conference.application.Views.ProjectMatchView;
import sh.grassroots.org.conference.application.Views.ProjectUnitView;
import sh.grassroots.org.conference.application.Views.ProjectView;
import sh.grassroots.org.conference.model.Listing;
import sh.grassroots.org.conference.model.Matching;
import sh.grassroots.org.conference.model.Project;
import sh.grassroots.org.conference.model.ProjectStatus;
import sh.grassroots.org.conference.persistence.ListingEntity;
import sh.grassroots.org.conference.persistence.MemberUnitEntity;
import sh.grassroots.org.conference.persistence.ProjectEntity;
import sh.grassroots.org.conference.persistence.ProjectMatchEntity;
import sh.grassroots.org.conference.persistence.ProjectUnitEntity;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** 共建项目: accepting offer/need matches into a project, and its lifecycle. */
@ApplicationScoped
public class ProjectService {
    private final Clock clock;

    public ProjectService(Clock clock) {
        this.clock = clock;
    }

    public record MatchRequest(UUID offerId, UUID needId, Integer quantity) {
    }

    /**
     * Accepts the matches and sets the project up, PROPOSED. The listings are locked (in id
     * order, so two acceptances cannot deadlock) before the model checks what remains of them.
     */
    @WithTransaction
    public Uni<ProjectView> propose(Caller caller, UUID conferenceId, String name, String description,
                                    List<MatchRequest> matches) {
        List<UUID> ids = matches.stream().flatMap(m -> Stream.of(m.offerId(), m.needId())).distinct().sorted().toList();
        return Conferences.loadForWrite(conferenceId, caller)
                .chain(conference -> ListingEntity.<ListingEntity>find("id in ?1 order by id", ids)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list())
                .chain(rows -> {
                    Map<UUID, ListingEntity> byId = rows.stream()
                            .filter(l -> l.conferenceId.equals(conferenceId))
                            .collect(Collectors.toMap(l -> l.id, Function.identity()));
                    checkKnown(matches, byId);
                    return Conferences.unitsById(rows.stream().map(l -> l.unitId).toList()).chain(units -> {
                        List<Matching.Pair> pairs = matches.stream().map(m -> new Matching.Pair(
                                byId.get(m.offerId()).toModel(units.get(byId.get(m.offerId()).unitId).name),
                                byId.get(m.needId()).toModel(units.get(byId.get(m.needId()).unitId).name),
                                Optional.ofNullable(m.quantity()))).toList();
                        Outcome<Matching.Accepted> outcome = Matching.accept(pairs);
                        if (outcome instanceof Outcome.Rejected<Matching.Accepted> refused) {
                            return Conferences.<ProjectView>refuse(refused);
                        }
                        Matching.Accepted accepted = ((Outcome.Done<Matching.Accepted>) outcome).value();
                        for (Listing listing : accepted.listings()) {
                            byId.get(listing.id()).apply(listing);
                        }
                        return persist(conferenceId, name, description, accepted);
                    });
                });
    }

    private Uni<ProjectView> persist(UUID conferenceId, String name, String description, Matching.Accepted accepted) {
        LocalDate today = LocalDate.now(clock);
        Project proposed = new Project.Proposed(UUID.randomUUID(), name.strip(), today);
        ProjectEntity project = new ProjectEntity();
        project.id = proposed.id();
        project.conferenceId = conferenceId;
        project.name = proposed.name();
        project.description = description == null || description.isBlank() ? null : description.strip();
        project.status = ProjectStatus.PROPOSED;
        project.proposedOn = today;
        project.createdAt = OffsetDateTime.now(clock);
        List<Object> rows = new ArrayList<>();
        rows.add(project);
        for (Matching.Consumption c : accepted.consumptions()) {
            ProjectMatchEntity match = new ProjectMatchEntity();
            match.id = UUID.randomUUID();
            match.projectId = project.id;
            match.offerId = c.offerId();
            match.needId = c.needId();
            match.quantity = c.quantity();
            rows.add(match);
        }
        for (UUID unitId : accepted.unitIds()) {
            ProjectUnitEntity unit = new ProjectUnitEntity();
            unit.projectId = project.id;
            unit.unitId = unitId;
            rows.add(unit);
        }
        return Panache.getSession()
                .chain(session -> session.persistAll(rows.toArray()).chain(session::flush))
                .chain(() -> view(project));
    }

    @WithSession
    public Uni<ProjectView> get(Caller caller, UUID conferenceId, UUID id) {
        return Conferences.checkRead(caller).chain(() -> load(conferenceId, id)).chain(ProjectService::view);
    }

    @WithSession
    public Uni<Page<ProjectView>> list(Caller caller, UUID conferenceId, ProjectStatus status, int limit,
                                       String cursor) {
        return Conferences.checkRead(caller).chain(() -> Conferences.load(conferenceId))
                .chain(conference -> Conferences.after(cursor))
                .chain(after -> (status == null
                        ? ProjectEntity.<ProjectEntity>find("conferenceId = ?1 and seq > ?2 order by seq", conferenceId, after)
                        : ProjectEntity.<ProjectEntity>find("conferenceId = ?1 and status = ?2 and seq > ?3 order by seq",
                        conferenceId, status, after))
                        .page(0, limit + 1).list())
                .chain(rows -> {
                    Page<ProjectEntity> page = Page.of(rows, limit, (ProjectEntity last) -> Cursors.encode(last.seq.toString()));
                    Uni<List<ProjectView>> views = Uni.createFrom().item(new ArrayList<>());
                    for (ProjectEntity project : page.items()) {
                        views = views.chain(list -> view(project).map(v -> {
                            list.add(v);
                            return list;
                        }));
                    }
                    return views.map(list -> new Page<>(List.copyOf(list), page.nextCursor()));
                });
    }

    @WithTransaction
    public Uni<ProjectView> activate(Caller caller, UUID conferenceId, UUID id, LocalDate on,
                                     Long expectedVersion) {
        return transition(caller, conferenceId, id, expectedVersion, project -> Project.activate(project, day(on)),
                "The project cannot be activated");
    }

    @WithTransaction
    public Uni<ProjectView> close(Caller caller, UUID conferenceId, UUID id, LocalDate on,
                                  Long expectedVersion) {
        return transition(caller, conferenceId, id, expectedVersion, project -> Project.close(project, day(on)),
                "The project cannot be closed");
    }

    private <T extends Project> Uni<ProjectView> transition(Caller caller, UUID conferenceId, UUID id,
                                                            Long expectedVersion, Function<Project, Outcome<T>> rule,
                                                            String title) {
        return Conferences.loadForWrite(conferenceId, caller)
                .chain(conference -> load(conferenceId, id))
                .invoke(project -> ETags.requireCurrent(expectedVersion, project.version))
                .chain(project -> {
                    Outcome<T> outcome = rule.apply(project.toModel());
                    if (outcome instanceof Outcome.Rejected<T> refused) {
                        return Conferences.<ProjectView>refuse(refused);
                    }
                    project.apply(((Outcome.Done<T>) outcome).value());
                    return Panache.getSession().chain(s -> s.flush()).chain(() -> view(project));
                });
    }

    private LocalDate day(LocalDate on) {
        return on == null ? LocalDate.now(clock) : on;
    }

    private static void checkKnown(List<MatchRequest> matches, Map<UUID, ListingEntity> byId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            if (!byId.containsKey(matches.get(i).offerId())) {
                errors.add(new Problem.FieldError("matches[" + i + "].offerId", "no such listing in this conference"));
            }
            if (!byId.containsKey(matches.get(i).needId())) {
                errors.add(new Problem.FieldError("matches[" + i + "].needId", "no such listing in this conference"));
            }
        }
        if (!errors.isEmpty()) {
            throw Rejections.exception(
                    ConferenceRule.UNKNOWN_LISTING.rejects("The conference has no such offer or need"), errors);
        }
    }

    private static Uni<ProjectEntity> load(UUID conferenceId, UUID id) {
        return ProjectEntity.<ProjectEntity>findById(id)
                .map(p -> p != null && p.conferenceId.equals(conferenceId) ? p : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Project", id));
    }

    private static Uni<ProjectView> view(ProjectEntity project) {
        return ProjectUnitEntity.<ProjectUnitEntity>list("projectId", project.id)
                .chain(links -> Conferences.unitsById(links.stream().map(l -> l.unitId).toList()))
                .chain(units -> ProjectMatchEntity.<ProjectMatchEntity>list("projectId", project.id).map(matches ->
                        ProjectView.of(project,
                                units.values().stream().sorted(Comparator.comparing((MemberUnitEntity u) -> u.seq))
                                        .map(u -> new ProjectUnitView(u.id, u.name, u.sector)).toList(),
                                matches.stream().map(m -> new ProjectMatchView(m.offerId, m.needId, m.quantity)).toList())));
    }
}
