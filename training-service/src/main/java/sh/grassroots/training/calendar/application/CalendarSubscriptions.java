package sh.grassroots.training.calendar.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Place;
import sh.grassroots.platform.access.Refusal;
import sh.grassroots.platform.web.ProblemException;
import sh.grassroots.training.access.application.TrainingAccess;
import sh.grassroots.training.access.model.TrainingAccessPolicy;
import sh.grassroots.training.calendar.model.FeedTokens;
import sh.grassroots.training.calendar.model.SubscribedCalendar.SubjectKind;
import sh.grassroots.training.calendar.persistence.CalendarSubscriptionEntity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Secret feed URLs: a person makes one of their own calendar (lessons and room bookings), a
 * manager one of an organization's (READ_TRAINING there); each lists the ones they made and
 * revokes them. The token is shown once, in the answer that creates it.
 */
@ApplicationScoped
public class CalendarSubscriptions {
    /** More than a phone, a tablet and a desk calendar or two need; a leak is revoked, not outnumbered. */
    static final int MAX_PER_OWNER = 20;

    public record Created(UUID id, String token, SubjectKind kind, UUID subjectId, OffsetDateTime createdAt) {
    }

    public record Listed(UUID id, SubjectKind kind, UUID subjectId, OffsetDateTime createdAt) {
    }

    private final TrainingAccess access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CalendarSubscriptions(TrainingAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** The caller's own calendar when {@code organizationId} is null, else that organization's. */
    @WithTransaction
    public Uni<Created> create(Caller caller, UUID organizationId) {
        Uni<Void> allowed;
        if (organizationId == null) {
            allowed = access.scope(caller).chain(scope -> TrainingAccess.enforce(
                    TrainingAccessPolicy.subscribeToOwnCalendar(scope)));
        } else {
            allowed = access.placeOf(organizationId).chain(place -> place == null
                    ? Uni.createFrom().failure(ProblemException.unprocessable("organization-unknown",
                    "Organization unknown", "Training does not know organization " + organizationId))
                    : access.scope(caller).chain(scope -> TrainingAccess.enforce(
                    TrainingAccessPolicy.subscribeToOrganizationCalendar(scope, place))));
        }
        return allowed.chain(() -> organizationId == null ? member(caller) : Uni.createFrom().item(organizationId))
                .chain(subjectId -> CalendarSubscriptionEntity.count("ownerId", caller.subject()).chain(count -> {
                    if (count >= MAX_PER_OWNER) {
                        return Uni.createFrom().failure(ProblemException.conflict("calendar-subscriptions-limit",
                                "Calendar subscriptions limit", "At most " + MAX_PER_OWNER
                                        + " calendar feeds per person; revoke one first"));
                    }
                    String token = FeedTokens.newToken(random);
                    CalendarSubscriptionEntity s = new CalendarSubscriptionEntity();
                    s.id = UUID.randomUUID();
                    s.tokenHash = FeedTokens.hash(token);
                    s.ownerId = caller.subject();
                    s.subjectKind = organizationId == null ? SubjectKind.PERSON : SubjectKind.ORGANIZATION;
                    s.subjectId = subjectId;
                    s.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                    return s.<CalendarSubscriptionEntity>persist()
                            .map(saved -> new Created(s.id, token, s.subjectKind, s.subjectId, s.createdAt));
                }));
    }

    /** The feeds the caller made, oldest first (never their tokens). */
    @WithSession
    public Uni<List<Listed>> mine(Caller caller) {
        return access.scope(caller).chain(scope -> TrainingAccess.enforce(TrainingAccessPolicy.subscribeToOwnCalendar(scope)))
                .chain(() -> CalendarSubscriptionEntity.<CalendarSubscriptionEntity>list(
                        "ownerId = ?1 order by createdAt, id", caller.subject()))
                .map(rows -> rows.stream().map(s -> new Listed(s.id, s.subjectKind, s.subjectId, s.createdAt)).toList());
    }

    /** Ends a feed: its URL answers 404 from now on, like one never made. */
    @WithTransaction
    public Uni<Void> revoke(Caller caller, UUID id) {
        return CalendarSubscriptionEntity.<CalendarSubscriptionEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Calendar subscription", id))
                .chain(s -> placeOfSubject(s)
                        .chain(place -> access.scope(caller).chain(scope -> TrainingAccess.enforce(
                                TrainingAccessPolicy.revokeCalendarSubscription(scope, s.ownerId, place))))
                        .chain(() -> s.delete()));
    }

    private Uni<Place> placeOfSubject(CalendarSubscriptionEntity s) {
        return s.subjectKind == SubjectKind.ORGANIZATION ? access.placeOf(s.subjectId) : Uni.createFrom().nullItem();
    }

    /** A person's own calendar is kept by member id; someone signed in under another kind of subject has none. */
    private static Uni<UUID> member(Caller caller) {
        try {
            return Uni.createFrom().item(UUID.fromString(caller.subject()));
        } catch (IllegalArgumentException notAMemberId) {
            return TrainingAccess.enforce(Optional.of(Refusal.notYours(
                    "Calendar feeds are made for members, named by their member id"))).replaceWith((UUID) null);
        }
    }
}
