package sh.grassroots.training.learner.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import sh.grassroots.platform.outbox.Inbox;
import sh.grassroots.training.enrolment.application.CancelEnrolment;
import sh.grassroots.training.learner.model.AffiliationChange;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies org-service's AffiliationAdded and AffiliationEnded to learner_affiliation, each event at
 * most once. When an affiliation ends (the member left the branch, no longer meets its criteria,
 * the temporary branch was dissolved), the person's future enrolments are re-checked in the same
 * transaction, as after a transfer: those that stood only through the branch are cancelled and
 * their seats passed on.
 */
@ApplicationScoped
public class AffiliationProjector {
    static final String CONSUMER = "training.affiliation-projection";
    private static final Logger LOG = Logger.getLogger(AffiliationProjector.class);

    private final Inbox inbox;
    private final CancelEnrolment enrolments;
    private final Clock clock;

    public AffiliationProjector(Inbox inbox, CancelEnrolment enrolments, Clock clock) {
        this.inbox = inbox;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    public Uni<Boolean> onAdded(UUID eventId, UUID personId, UUID organizationId, String kind, LocalDate since) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () -> known(personId, organizationId)
                .chain(known -> {
                    AffiliationChange.Decision decision = AffiliationChange.added(known, since);
                    if (decision instanceof AffiliationChange.Ignore ignore) {
                        LOG.infof("Affiliation event %s ignored: %s", eventId, ignore.reason());
                        return Uni.createFrom().voidItem();
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery("""
                                    insert into learner_affiliation (person_id, organization_id, kind, since, updated_at)
                                    values (?1, ?2, ?3, cast(?4 as date), ?5)
                                    on conflict (person_id, organization_id) do update set kind = excluded.kind,
                                        since = excluded.since, ended_on = null, end_reason = null,
                                        updated_at = excluded.updated_at""")
                            .setParameter(1, personId).setParameter(2, organizationId).setParameter(3, kind)
                            .setParameter(4, since).setParameter(5, OffsetDateTime.now(clock))
                            .executeUpdate()).replaceWithVoid();
                })));
    }

    public Uni<Boolean> onEnded(UUID eventId, UUID personId, UUID organizationId, LocalDate endedOn, String reason) {
        return Panache.withTransaction(() -> inbox.once(CONSUMER, eventId, () -> known(personId, organizationId)
                .chain(known -> branchName(organizationId).chain(name -> {
                    AffiliationChange.Decision decision = AffiliationChange.ended(known, endedOn, name, reason);
                    if (decision instanceof AffiliationChange.Ignore ignore) {
                        LOG.infof("Affiliation event %s ignored: %s", eventId, ignore.reason());
                        return Uni.createFrom().voidItem();
                    }
                    AffiliationChange.End end = (AffiliationChange.End) decision;
                    return Panache.getSession().chain(s -> s.createNativeQuery("""
                                    update learner_affiliation set ended_on = ?3, end_reason = ?4, updated_at = ?5
                                    where person_id = ?1 and organization_id = ?2""")
                                    .setParameter(1, personId).setParameter(2, organizationId)
                                    .setParameter(3, end.endedOn()).setParameter(4, reason == null ? "UNKNOWN" : reason)
                                    .setParameter(5, OffsetDateTime.now(clock)).executeUpdate())
                            .chain(() -> enrolments.recheckFutureEnrolmentsOf(personId, end.why()))
                            .invoke(n -> LOG.infof("%d future enrolments of %s cancelled: %s", n, personId, end.why()))
                            .replaceWithVoid();
                }))));
    }

    private Uni<Optional<AffiliationChange.Known>> known(UUID personId, UUID organizationId) {
        return Panache.getSession().chain(s -> s.<Object[]>createNativeQuery(
                                "select since, ended_on from learner_affiliation where person_id = ?1 and organization_id = ?2",
                                Object[].class)
                        .setParameter(1, personId).setParameter(2, organizationId).getSingleResultOrNull())
                .map(row -> Optional.ofNullable(row).map(r -> new AffiliationChange.Known(date(r[0]), date(r[1]))));
    }

    private Uni<String> branchName(UUID organizationId) {
        return Panache.getSession().chain(s -> s.<Object>createNativeQuery(
                                "select name from known_organization where id = ?1")
                        .setParameter(1, organizationId).getSingleResultOrNull())
                .map(name -> name == null ? "organization " + organizationId : name.toString());
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
