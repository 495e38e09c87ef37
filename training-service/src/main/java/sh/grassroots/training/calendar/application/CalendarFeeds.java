package sh.grassroots.training.calendar.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import sh.grassroots.training.calendar.model.FeedTokens;
import sh.grassroots.training.calendar.model.SubscribedCalendar;
import sh.grassroots.training.calendar.model.SubscribedCalendar.Booking;
import sh.grassroots.training.calendar.model.SubscribedCalendar.Lesson;
import sh.grassroots.training.calendar.model.SubscribedCalendar.SubjectKind;
import sh.grassroots.training.calendar.persistence.CalendarSubscriptionEntity;
import sh.grassroots.training.calendar.persistence.StationBookingEntity;
import sh.grassroots.training.session.application.Sessions;
import sh.grassroots.training.enrolment.model.EnrolmentStatus;
import sh.grassroots.training.memberview.application.MemberViewService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A feed by its secret: the token is the whole of the access check (whoever holds the URL reads
 * that calendar), so it is looked up by its hash and nothing else. An unknown, revoked or
 * malformed token is one and the same empty answer.
 */
@ApplicationScoped
public class CalendarFeeds {
    private final MemberViewService memberView;
    private final Sessions sessions;
    private final Clock clock;

    public CalendarFeeds(MemberViewService memberView, Sessions sessions, Clock clock) {
        this.memberView = memberView;
        this.sessions = sessions;
        this.clock = clock;
    }

    @WithSession
    public Uni<Optional<SubscribedCalendar.Feed>> byToken(String token) {
        if (!FeedTokens.wellFormed(token)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return CalendarSubscriptionEntity.<CalendarSubscriptionEntity>find("tokenHash = ?1", (Object) FeedTokens.hash(token))
                .firstResult()
                .chain(s -> s == null ? Uni.createFrom().item(Optional.<SubscribedCalendar.Feed>empty())
                        : feedOf(s).map(Optional::of));
    }

    private Uni<SubscribedCalendar.Feed> feedOf(CalendarSubscriptionEntity s) {
        if (s.subjectKind == SubjectKind.PERSON) {
            return memberView.seatsOf(s.subjectId).map(seats -> seats.stream()
                            .map(m -> new Lesson(m.enrolmentId() + "@training.grassroots.sh", m.courseTitle(), m.venue(),
                                    m.startsAt().toInstant(), m.endsAt().toInstant(),
                                    m.status() == EnrolmentStatus.OFFERED))
                            .toList())
                    .chain(lessons -> bookings("MEMBER", s)
                            .map(bookings -> SubscribedCalendar.render("我的党课与预约", lessons, bookings, clock.instant())));
        }
        return sessions.providedBy(s.subjectId).map(sessions -> sessions.stream()
                        .map(p -> new Lesson(p.sessionId() + "@training.grassroots.sh", p.title(), p.venue(),
                                p.startsAt().toInstant(), p.endsAt().toInstant(), p.venuePending()))
                        .toList())
                .chain(lessons -> bookings("ORGANIZATION", s)
                        .map(bookings -> SubscribedCalendar.render("组织的党课与预约", lessons, bookings, clock.instant())));
    }

    private Uni<List<Booking>> bookings(String bookerKind, CalendarSubscriptionEntity s) {
        return StationBookingEntity.<StationBookingEntity>find(
                        "bookerKind = ?1 and bookerId = ?2 and endsAt > ?3 order by startsAt, bookingId",
                        bookerKind, s.subjectId, OffsetDateTime.now(clock))
                .range(0, 999).list()
                .map(rows -> rows.stream().map(b -> new Booking(b.bookingId, b.startsAt.toInstant(), b.endsAt.toInstant(),
                        b.attendees, b.confirmed)).toList());
    }
}
