package sh.grassroots.org.transfer.application;

import sh.grassroots.platform.rules.RuleKind;
import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.web.ETags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import sh.grassroots.events.MemberEvents;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.access.model.OrgAccessPolicy;
import sh.grassroots.org.access.model.OrgAccessPolicy.TransferStep;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.org.common.model.Actor;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.member.persistence.MemberEntity;
import sh.grassroots.org.transfer.model.Target;
import sh.grassroots.org.transfer.model.Transfer;
import sh.grassroots.org.transfer.model.TransferChange;
import sh.grassroots.org.transfer.model.TransferRule;
import sh.grassroots.org.transfer.model.TransferStatus;
import sh.grassroots.org.transfer.persistence.TransferEntity;
import sh.grassroots.org.tree.model.TreePath;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.org.tree.persistence.TreeStore;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * 组织关系转接: request, accept or reject, complete or cancel; the transfer rows are the history.
 * Who may take which step is {@link OrgAccessPolicy#transfer} for people and
 * {@link OrgAccessPolicy#interDistrictTransfer} for another district's system.
 */
@ApplicationScoped
public class TransferService {
    private static final String ONE_OPEN_INDEX = "transfer_one_open_per_member";
    /** The trigger that refuses to complete the transfer of a member who left (V22). */
    private static final String MEMBER_HAS_LEFT_CHECK = "transfer_member_has_left";

    /** Who takes a step: people under {@code /api/v1}, or a district's system under {@code /inter-district/v1}. */
    public enum Channel {
        PEOPLE,
        DISTRICT_SYSTEM
    }

    private final Outbox outbox;
    private final Clock clock;
    private final TreeStore tree;
    private final Access access;

    public TransferService(Outbox outbox, Clock clock, TreeStore tree, Access access) {
        this.outbox = outbox;
        this.clock = clock;
        this.tree = tree;
        this.access = access;
    }

    /**
     * The member themselves, or MANAGE_MEMBERS at their home. An unknown member or receiving
     * organization is the operation's 422, not a refusal.
     */
    @WithTransaction
    public Uni<TransferView> request(Caller caller, UUID memberId, UUID toOrganizationId, String note) {
        return MemberEntity.<MemberEntity>findById(memberId)
                .onItem().ifNull().failWith(() -> unknown("memberId", "member", memberId))
                .call(member -> access.toMember(caller, memberId, member.homeOrganizationId, Permission.MANAGE_MEMBERS,
                        true))
                .chain(member -> OrganizationEntity.<OrganizationEntity>findById(toOrganizationId)
                        .onItem().ifNull().failWith(() -> unknown("toOrganizationId", "organization", toOrganizationId))
                        .chain(target -> TransferEntity.count("memberId = ?1 and status in ?2", memberId,
                                        List.of(TransferStatus.REQUESTED, TransferStatus.ACCEPTED))
                                .chain(open -> {
                                    Outcome<TransferChange.Requested> outcome = Transfer.request(UUID.randomUUID(),
                                            memberId, member.leftOn == null, member.homeOrganizationId,
                                            target(target), open > 0);
                                    if (outcome instanceof Outcome.Rejected<TransferChange.Requested> refused) {
                                        return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                                    }
                                    return tree.districtOf(member.homeOrganizationId).chain(fromDistrict -> persist(
                                            ((Outcome.Done<TransferChange.Requested>) outcome).value(), note,
                                            fromDistrict, target.districtCode, Actor.of(caller)));
                                })));
    }

    private Uni<TransferView> persist(TransferChange.Requested requested, String note, String fromDistrict,
                                      String toDistrict, Actor requestedBy) {
        TransferEntity transfer = new TransferEntity();
        transfer.id = requested.transferId();
        transfer.memberId = requested.memberId();
        transfer.fromOrganizationId = requested.fromOrganizationId();
        transfer.toOrganizationId = requested.toOrganizationId();
        transfer.fromDistrictCode = fromDistrict.trim();
        transfer.toDistrictCode = toDistrict.trim();
        transfer.status = TransferStatus.REQUESTED;
        transfer.note = note;
        transfer.requestedAt = OffsetDateTime.now(clock);
        transfer.requestedBy(requestedBy);
        // Two concurrent requests both pass the count; the partial unique index stops the second.
        return transfer.<TransferEntity>persistAndFlush()
                .onFailure(f -> DatabaseFailures.violates(f, ONE_OPEN_INDEX)).transform(e -> Rejections.exception(
                        TransferRule.ALREADY_OPEN.rejects("The member already has an open transfer")))
                .map(TransferView::of);
    }

    @WithTransaction
    public Uni<TransferView> accept(Caller caller, Channel channel, UUID id, Long expectedVersion) {
        return load(caller, channel, TransferStep.DECIDE, id, expectedVersion).chain(transfer -> {
            if (!(transfer.toModel() instanceof Transfer.Requested requested)) {
                return refuse(TransferRule.NOT_AWAITING_DECISION, "The transfer is " + transfer.status);
            }
            return OrganizationEntity.<OrganizationEntity>findById(transfer.toOrganizationId).chain(target -> {
                Outcome<TransferChange.Accepted> outcome = requested.accept(target(target));
                if (outcome instanceof Outcome.Rejected<TransferChange.Accepted> refused) {
                    return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                }
                transfer.status = TransferStatus.ACCEPTED;
                transfer.decidedAt = OffsetDateTime.now(clock);
                transfer.decidedBy(Actor.of(caller));
                return flushed(transfer);
            });
        });
    }

    @WithTransaction
    public Uni<TransferView> reject(Caller caller, Channel channel, UUID id, String reason, Long expectedVersion) {
        return load(caller, channel, TransferStep.DECIDE, id, expectedVersion).chain(transfer -> {
            if (!(transfer.toModel() instanceof Transfer.Requested requested)) {
                return refuse(TransferRule.NOT_AWAITING_DECISION, "The transfer is " + transfer.status);
            }
            TransferChange.Rejected rejected = requested.reject(reason);
            transfer.status = TransferStatus.REJECTED;
            transfer.rejectionReason = rejected.reason();
            transfer.decidedAt = OffsetDateTime.now(clock);
            transfer.closedAt = transfer.decidedAt;
            transfer.decidedBy(Actor.of(caller));
            transfer.closedBy(Actor.of(caller));
            return flushed(transfer);
        });
    }

    /** Only people cancel: the requesting side. */
    @WithTransaction
    public Uni<TransferView> cancel(Caller caller, UUID id, Long expectedVersion) {
        return load(caller, Channel.PEOPLE, TransferStep.CANCEL, id, expectedVersion).chain(transfer -> {
            if (!(transfer.toModel() instanceof Transfer.Requested requested)) {
                return refuse(TransferRule.NO_LONGER_CANCELLABLE, "The transfer is " + transfer.status
                        + "; only a requested transfer can be cancelled");
            }
            requested.cancel();
            transfer.status = TransferStatus.CANCELLED;
            transfer.closedAt = OffsetDateTime.now(clock);
            transfer.closedBy(Actor.of(caller));
            return flushed(transfer);
        });
    }

    /**
     * Moves the member's home to the receiving organization. Locks the member's row before it
     * looks at them, so that a member leaving at the same moment is either seen as gone (409
     * {@code transfer-member-has-left}) or leaves after the move, from their new home; the trigger
     * {@code transfer_member_has_left} refuses the completion in the database as well. Holds the
     * receiving district's tree lock (shared) so that the path copied to the member is still the
     * organization's path at commit.
     */
    @WithTransaction
    public Uni<TransferView> complete(Caller caller, Channel channel, UUID id, Long expectedVersion) {
        return load(caller, channel, TransferStep.COMPLETE, id, expectedVersion).chain(transfer -> {
            if (!(transfer.toModel() instanceof Transfer.Accepted accepted)) {
                return refuse(TransferRule.NOT_ACCEPTED, "The transfer is " + transfer.status
                        + "; the receiving organization must accept it first");
            }
            return tree.districtOf(transfer.toOrganizationId)
                    .call(tree::lockDistrictShared)
                    .chain(toDistrict -> MemberEntity.<MemberEntity>findById(transfer.memberId, LockModeType.PESSIMISTIC_WRITE)
                            .chain(member -> OrganizationEntity.<OrganizationEntity>findById(transfer.toOrganizationId)
                            .chain(target -> {
                                Outcome<TransferChange.Completed> outcome = accepted.complete(target(target),
                                        member.leftOn == null);
                                if (outcome instanceof Outcome.Rejected<TransferChange.Completed> refused) {
                                    return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                                }
                                var completed = ((Outcome.Done<TransferChange.Completed>) outcome).value();
                                return tree.districtOf(completed.fromOrganizationId()).chain(fromDistrict -> {
                                    member.homeOrganizationId = target.id;
                                    member.homePath = target.path;
                                    transfer.status = TransferStatus.COMPLETED;
                                    transfer.closedAt = OffsetDateTime.now(clock);
                                    transfer.closedBy(Actor.of(caller));
                                    var event = outbox.envelope(MemberEvents.TRANSFER_COMPLETED,
                                            MemberEvents.TRANSFER_COMPLETED_VERSION, member.id.toString(),
                                            toDistrict, new MemberEvents.MemberTransferCompleted(transfer.id,
                                                    member.id, completed.fromOrganizationId(), target.id,
                                                    fromDistrict, toDistrict));
                                    return outbox.record(MemberEvents.TOPIC, event).chain(() -> flushed(transfer));
                                });
                            })))
                    .onFailure(f -> DatabaseFailures.violates(f, MEMBER_HAS_LEFT_CHECK)).transform(f -> Rejections.exception(
                            TransferRule.MEMBER_HAS_LEFT.rejects("The member left before the transfer completed")));
        });
    }

    @WithSession
    public Uni<TransferView> get(Caller caller, Channel channel, UUID id) {
        return load(caller, channel, TransferStep.READ, id, null).map(TransferView::of);
    }

    /**
     * A member's transfers, oldest first: the history of their home membership. The member, or
     * READ_SUBTREE at their current home.
     */
    @WithSession
    public Uni<Page<TransferView>> ofMember(Caller caller, UUID memberId, int limit, String cursor) {
        return MemberEntity.<MemberEntity>findById(memberId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member", memberId))
                .call(member -> access.toMember(caller, memberId, member.homeOrganizationId, Permission.READ_SUBTREE,
                        true))
                .chain(member -> {
                    long after;
                    try {
                        after = cursor == null ? 0 : Long.parseLong(Cursors.decode(cursor));
                    } catch (IllegalArgumentException | ProblemException e) {
                        return Uni.createFrom().failure(Cursors.invalid());
                    }
                    return TransferEntity.<TransferEntity>find("memberId = ?1 and seq > ?2 order by seq", memberId, after)
                            .page(0, limit + 1).list()
                            .map(rows -> Page.of(rows, limit, (TransferEntity last) -> Cursors.encode(last.seq.toString()))
                                    .map(TransferView::of));
                });
    }

    /**
     * The open transfers (requested, or accepted and not yet completed) whose receiving
     * organization lies in {@code organizationId}'s subtree, oldest first: what waits for a
     * decision there. READ_SUBTREE at {@code organizationId}, as for reading each of them.
     */
    @WithSession
    public Uni<Page<TransferView>> awaitingDecision(Caller caller, UUID organizationId, int limit, String cursor) {
        return OrganizationEntity.<OrganizationEntity>findById(organizationId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", organizationId))
                .call(organization -> access.placeOf(organizationId)
                        .chain(place -> access.toOrganization(caller, Permission.READ_SUBTREE, place)))
                .chain(organization -> {
                    long after;
                    try {
                        after = cursor == null ? 0 : Long.parseLong(Cursors.decode(cursor));
                    } catch (IllegalArgumentException | ProblemException e) {
                        return Uni.createFrom().failure(Cursors.invalid());
                    }
                    TreePath subtree = new TreePath(organization.path);
                    return TransferEntity.<TransferEntity>find("from TransferEntity t where t.status in ?1 and t.seq > ?2"
                                            + " and t.toOrganizationId in (select o.id from OrganizationEntity o"
                                            + " where o.path >= ?3 and o.path < ?4) order by t.seq",
                                    List.of(TransferStatus.REQUESTED, TransferStatus.ACCEPTED), after, subtree.value(),
                                    subtree.subtreeUpperBound())
                            .page(0, limit + 1).list()
                            .map(rows -> Page.of(rows, limit, (TransferEntity last) -> Cursors.encode(last.seq.toString()))
                                    .map(TransferView::of));
                });
    }

    /**
     * The transfers addressed from other districts to {@code district}, oldest first; only the
     * open ones unless {@code status} names another. For that district's system only.
     */
    @WithSession
    public Uni<Page<TransferView>> addressedToMe(Caller caller, TransferStatus status, int limit, String cursor) {
        return Access.checkCaller(caller, OrgAccessPolicy::districtSystem)
                .chain(() -> addressedTo(caller.district(), status, limit, cursor));
    }

    private static Uni<Page<TransferView>> addressedTo(String district, TransferStatus status, int limit, String cursor) {
        long after;
        try {
            after = cursor == null ? 0 : Long.parseLong(Cursors.decode(cursor));
        } catch (IllegalArgumentException | ProblemException e) {
            return Uni.createFrom().failure(Cursors.invalid());
        }
        List<TransferStatus> statuses = status == null
                ? List.of(TransferStatus.REQUESTED, TransferStatus.ACCEPTED) : List.of(status);
        return TransferEntity.<TransferEntity>find("toDistrictCode = ?1 and fromDistrictCode <> toDistrictCode "
                        + "and status in ?2 and seq > ?3 order by seq", district, statuses, after)
                .page(0, limit + 1).list()
                .map(rows -> Page.of(rows, limit, (TransferEntity last) -> Cursors.encode(last.seq.toString()))
                        .map(TransferView::of));
    }

    /**
     * What the receiving district's system sees of the member being transferred: who they are
     * in the party (name, status, dates) and where they come from; the ID number only masked,
     * no phone. Not once the transfer was rejected or cancelled.
     */
    @WithSession
    public Uni<TransferringMemberCard> memberCard(Caller caller, UUID transferId) {
        return TransferEntity.<TransferEntity>findById(transferId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Transfer", transferId))
                .call(transfer -> access.toInterDistrictTransfer(caller, transfer.memberId, transfer.fromOrganizationId,
                        transfer.toOrganizationId, true, closedWithoutMove(transfer)))
                .chain(transfer -> MemberEntity.<MemberEntity>findById(transfer.memberId)
                        .chain(member -> OrganizationEntity.<OrganizationEntity>findById(transfer.fromOrganizationId)
                                .map(from -> new TransferringMemberCard(transfer.id, member.id, member.name,
                                        member.status, member.admittedOn, member.fullSince, member.idNumberMasked,
                                        member.leftOn != null, from.id, from.name, transfer.fromDistrictCode))));
    }

    private static Target target(OrganizationEntity organization) {
        return new Target(organization.id, organization.kind, organization.dissolvedOn != null);
    }

    /**
     * The transfer (404 when there is none), once the caller may take {@code step} on it through
     * {@code channel}; then the If-Match version, when given. A step that changes the transfer
     * locks its row first: of two steps at once (an accept and a cancel) the second waits and then
     * sees what the first did (409 naming the rule, or 412 for its stale If-Match), instead of
     * both deciding on the same old state.
     */
    private Uni<TransferEntity> load(Caller caller, Channel channel, TransferStep step, UUID id, Long expectedVersion) {
        return (step == TransferStep.READ
                ? TransferEntity.<TransferEntity>findById(id)
                : TransferEntity.<TransferEntity>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Transfer", id))
                .call(transfer -> channel == Channel.PEOPLE
                        ? access.toTransfer(caller, step, transfer.memberId, transfer.fromOrganizationId,
                        transfer.toOrganizationId)
                        : access.toInterDistrictTransfer(caller, transfer.memberId, transfer.fromOrganizationId,
                        transfer.toOrganizationId, false, closedWithoutMove(transfer)))
                .invoke(transfer -> ETags.requireCurrent(expectedVersion, transfer.version));
    }

    private static boolean closedWithoutMove(TransferEntity transfer) {
        return transfer.status == TransferStatus.REJECTED || transfer.status == TransferStatus.CANCELLED;
    }

    private static Uni<TransferView> flushed(TransferEntity transfer) {
        return Panache.getSession().chain(session -> session.flush()).map(ignored -> TransferView.of(transfer));
    }

    private static <T> Uni<T> refuse(TransferRule rule, String detail) {
        return Uni.createFrom().failure(Rejections.exception(rule.rejects(detail)));
    }

    private static ProblemException unknown(String field, String what, UUID id) {
        return Rejections.exception(Rule.of("unknown-" + what, RuleKind.INVALID).rejects("No " + what + " with id " + id),
                field, "no such " + what);
    }
}
