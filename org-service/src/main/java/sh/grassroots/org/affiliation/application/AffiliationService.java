package sh.grassroots.org.affiliation.application;

import sh.grassroots.org.branch.model.BranchFormRule;
import sh.grassroots.org.member.model.MemberRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import sh.grassroots.events.MemberEvents;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.affiliation.model.AffiliationRule;
import sh.grassroots.org.affiliation.model.Affiliations;
import sh.grassroots.org.affiliation.model.EndReason;
import sh.grassroots.org.affiliation.model.MemberAttributes;
import sh.grassroots.org.affiliation.persistence.AffiliationEntity;
import sh.grassroots.org.affiliation.persistence.CriteriaSql;
import sh.grassroots.org.affiliation.persistence.MemberAttributeEntity;
import sh.grassroots.org.branch.model.BranchForm;
import sh.grassroots.org.branch.persistence.BranchFormColumns;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.org.member.model.MemberStatus;
import sh.grassroots.org.member.persistence.MemberEntity;
import sh.grassroots.org.tree.model.TreePath;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.org.tree.persistence.TreeStore;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Affiliations with functional and temporary branches, on top of the home branch. Every add and
 * end records its AffiliationAdded/AffiliationEnded event (keyed by the member) in the same
 * transaction. Managing a branch's affiliations needs MANAGE_MEMBERS at the branch, reading them
 * READ_SUBTREE; a member's attributes and affiliations are read by the member or with READ_SUBTREE
 * at their home, and set with MANAGE_MEMBERS there.
 */
@ApplicationScoped
public class AffiliationService {
    private static final String ONE_ACTIVE_INDEX = "affiliation_one_active_per_member_and_branch";

    private final Outbox outbox;
    private final Clock clock;
    private final TreeStore tree;
    private final Access access;

    public AffiliationService(Outbox outbox, Clock clock, TreeStore tree, Access access) {
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.tree = tree;
    }

    public record RecheckView(UUID organizationId, int checked, List<UUID> ended) {
    }

    public record AttributesView(UUID memberId, Map<String, String> attributes, List<UUID> endedAffiliationsWith) {
    }

    /** Affiliates the members (all or none) with a functional or temporary branch. */
    @WithTransaction
    public Uni<List<AffiliationView>> affiliate(Caller caller, UUID branchId, List<UUID> memberIds) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(memberIds));
        return tree.districtOf(branchId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", branchId))
                // The shared tree lock keeps the branch from being dissolved before this commits.
                .call(tree::lockDistrictShared)
                .chain(district -> managedBranch(caller, branchId))
                .chain(branch -> Multi.createFrom().iterable(distinct)
                        .onItem().transformToUniAndConcatenate(memberId -> affiliateOne(branch, memberId, today))
                        .collect().asList());
    }

    private Uni<AffiliationView> affiliateOne(OrganizationEntity branch, UUID memberId, LocalDate today) {
        return MemberEntity.<MemberEntity>findById(memberId)
                .onItem().ifNull().failWith(() -> Rejections.exception(AffiliationRule.UNKNOWN_MEMBER.rejects(
                        "No member with id " + memberId), "memberIds", "no member " + memberId))
                .chain(member -> tree.districtOf(member.homeOrganizationId).chain(homeDistrict ->
                        attributesOf(memberId).chain(attributes -> activeAffiliation(memberId, branch.id).chain(active -> {
                            Outcome<Affiliations.Added> outcome = Affiliations.affiliate(branchOf(branch),
                                    new Affiliations.Candidate(memberId, member.leftOn == null, member.homeOrganizationId,
                                            homeDistrict.trim(), attributes, active != null), today);
                            if (outcome instanceof Outcome.Rejected<Affiliations.Added> refused) {
                                return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
                            }
                            Affiliations.Added added = ((Outcome.Done<Affiliations.Added>) outcome).value();
                            AffiliationEntity row = new AffiliationEntity();
                            row.id = UUID.randomUUID();
                            row.memberId = memberId;
                            row.organizationId = branch.id;
                            row.kind = added.kind();
                            row.since = added.since();
                            row.createdAt = OffsetDateTime.now(clock);
                            var event = outbox.envelope(MemberEvents.AFFILIATION_ADDED, MemberEvents.AFFILIATION_ADDED_VERSION,
                                    memberId.toString(), branch.districtCode, new MemberEvents.AffiliationAdded(
                                            memberId, branch.id, added.kind(), added.since()));
                            return row.<AffiliationEntity>persistAndFlush()
                                    // A concurrent request for the same member and branch meets the index.
                                    .onFailure(f -> DatabaseFailures.violates(f, ONE_ACTIVE_INDEX)).transform(f -> alreadyAffiliated(memberId))
                                    .onFailure(f -> DatabaseFailures.violates(f, "affiliation_")).transform(AffiliationService::invariant)
                                    .chain(() -> outbox.record(MemberEvents.TOPIC, event))
                                    .map(ignored -> view(row, member.name, branch.name));
                        }))));
    }

    /** Ends one member's affiliation with the branch at their or the branch's request. */
    @WithTransaction
    public Uni<AffiliationView> end(Caller caller, UUID branchId, UUID memberId) {
        LocalDate today = LocalDate.now(clock);
        return managedBranch(caller, branchId).chain(branch -> activeAffiliation(memberId, branchId).chain(active -> {
            if (active == null) {
                return Uni.createFrom().failure(Rejections.exception(AffiliationRule.NOT_AFFILIATED.rejects(
                        "Member " + memberId + " has no active affiliation with " + branch.name)));
            }
            return endRow(active, today, EndReason.LEFT_BY_MEMBER, branch.districtCode)
                    .chain(() -> MemberEntity.<MemberEntity>findById(memberId))
                    .map(member -> view(active, member.name, branch.name));
        }));
    }

    /**
     * Ends every active affiliation with the organization, in the caller's transaction (a
     * dissolution); flushed, so that the organization row may be marked dissolved afterwards.
     */
    public Uni<Integer> endAllAt(UUID organizationId, LocalDate on, EndReason reason) {
        return AffiliationEntity.<AffiliationEntity>list("organizationId = ?1 and endedOn is null order by memberId",
                        organizationId)
                .chain(rows -> tree.districtOf(organizationId).chain(district -> endRows(rows, on, reason, district)));
    }

    /** Ends every active affiliation of a member who leaves, in the caller's transaction; flushed. */
    public Uni<Integer> endAllOf(UUID memberId, LocalDate on, EndReason reason) {
        return AffiliationEntity.<AffiliationEntity>list("memberId = ?1 and endedOn is null order by organizationId",
                        memberId)
                .chain(rows -> MemberEntity.<MemberEntity>findById(memberId)
                        .chain(member -> tree.districtOf(member.homeOrganizationId))
                        .chain(district -> endRows(rows, on, reason, district)));
    }

    private Uni<Integer> endRows(List<AffiliationEntity> rows, LocalDate on, EndReason reason, String district) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> endRow(row, on, reason, district).replaceWith(1))
                .collect().asList()
                .call(() -> Panache.getSession().chain(s -> s.flush()))
                .map(List::size);
    }

    private Uni<Void> endRow(AffiliationEntity row, LocalDate on, EndReason reason, String district) {
        row.endedOn = on.isBefore(row.since) ? row.since : on;
        row.endReason = reason;
        var event = outbox.envelope(MemberEvents.AFFILIATION_ENDED, MemberEvents.AFFILIATION_ENDED_VERSION,
                row.memberId.toString(), district == null ? null : district.trim(),
                new MemberEvents.AffiliationEnded(row.memberId, row.organizationId, row.endedOn, reason.name()));
        return outbox.record(MemberEvents.TOPIC, event);
    }

    /** Re-checks every active affiliation of a functional branch against its members' current attributes. */
    @WithTransaction
    public Uni<RecheckView> recheck(Caller caller, UUID branchId) {
        return managedBranch(caller, branchId).chain(this::recheck);
    }

    /** Re-checks in the caller's transaction, e.g. right after the branch's criteria changed. */
    public Uni<RecheckView> recheck(OrganizationEntity branch) {
        LocalDate today = LocalDate.now(clock);
        UUID branchId = branch.id;
        BranchForm.Functional form = functional(branch);
        return AffiliationEntity.<AffiliationEntity>list("organizationId = ?1 and endedOn is null order by memberId", branchId)
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> attributesOf(row.memberId).chain(attributes -> {
                            var ended = Affiliations.recheck(form, branchId, row.memberId, attributes, today);
                            if (ended.isEmpty()) {
                                return Uni.createFrom().item(Optional.<UUID>empty());
                            }
                            return endRow(row, today, ended.get().reason(), branch.districtCode)
                                    .replaceWith(Optional.of(row.memberId));
                        }))
                        .collect().asList()
                        .call(() -> Panache.getSession().chain(s -> s.flush()))
                        .map(results -> new RecheckView(branchId, rows.size(),
                                results.stream().flatMap(Optional::stream).toList())));
    }

    /**
     * Replaces a member's attributes and re-checks their functional affiliations against them,
     * ending those whose criteria they no longer meet.
     */
    @WithTransaction
    public Uni<AttributesView> setAttributes(Caller caller, UUID memberId, Map<String, String> attributes) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> sorted = new TreeMap<>(attributes);
        // The member's row is locked: two replacements at once used to both delete and then both
        // insert the same keys (a duplicate key, 500); now the second waits and replaces the first's.
        return MemberEntity.<MemberEntity>findById(memberId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member", memberId))
                .call(member -> access.toMember(caller, memberId, member.homeOrganizationId,
                Permission.MANAGE_MEMBERS, false)).chain(member -> {
            List<MemberAttributes.Invalid> invalid = MemberAttributes.check(attributes);
            if (!invalid.isEmpty()) {
                return Uni.createFrom().failure(Rejections.exception(
                        AffiliationRule.INVALID_ATTRIBUTES.rejects("Some attributes cannot be recorded"), invalid.stream()
                                .map(i -> new Problem.FieldError(i.key(), i.message())).toList()));
            }
            if (member.leftOn != null) {
                return Uni.createFrom().failure(Rejections.exception(MemberRule.MEMBER_HAS_LEFT.rejects(
                        "The member's record was closed on " + member.leftOn)));
            }
            return MemberAttributeEntity.delete("memberId", memberId)
                    .chain(() -> Multi.createFrom().iterable(sorted.entrySet())
                            .onItem().transformToUniAndConcatenate(e ->
                                    MemberAttributeEntity.of(memberId, e.getKey(), e.getValue()).persist())
                            .collect().asList())
                    .chain(() -> Panache.getSession().chain(s -> s.flush()))
                    .chain(() -> recheckMember(memberId, sorted, today))
                    .map(ended -> new AttributesView(memberId, sorted, ended));
        });
    }

    private Uni<List<UUID>> recheckMember(UUID memberId, Map<String, String> attributes, LocalDate today) {
        return AffiliationEntity.<AffiliationEntity>list("memberId = ?1 and endedOn is null and kind = 'FUNCTIONAL' "
                        + "order by organizationId", memberId)
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> loadBranch(row.organizationId).chain(branch -> {
                            Optional<BranchForm> form = BranchFormColumns.toModel(branch.form);
                            if (form.isEmpty() || !(form.get() instanceof BranchForm.Functional functional)) {
                                return Uni.createFrom().item(Optional.<UUID>empty());
                            }
                            var ended = Affiliations.recheck(functional, branch.id, memberId, attributes, today);
                            if (ended.isEmpty()) {
                                return Uni.createFrom().item(Optional.<UUID>empty());
                            }
                            return endRow(row, today, ended.get().reason(), branch.districtCode)
                                    .replaceWith(Optional.of(branch.id));
                        }))
                        .collect().asList()
                        .call(() -> Panache.getSession().chain(s -> s.flush()))
                        .map(results -> results.stream().flatMap(Optional::stream).toList()));
    }

    @WithSession
    public Uni<Map<String, String>> attributes(Caller caller, UUID memberId) {
        return readableMember(caller, memberId).chain(member -> attributesOf(memberId));
    }

    /**
     * Members who meet a functional branch's criteria and are not affiliated with it, from the
     * subtree of the branch's parent (the unit the branch recruits in), by id.
     */
    @WithSession
    public Uni<Page<CandidateView>> candidates(Caller caller, UUID branchId, int limit, String cursor) {
        return managedBranch(caller, branchId).chain(branch -> {
            UUID after = uuidCursor(cursor);
            BranchForm.Functional form = functional(branch);
            List<UUID> ids = new TreePath(branch.path).ids();
            TreePath unit = TreePath.root(ids.get(0));
            for (UUID id : ids.subList(1, Math.max(1, ids.size() - 1))) {
                unit = unit.child(id);
            }
            CriteriaSql.Fragment criteria = CriteriaSql.of(form.criteria(), 6);
            TreePath scope = unit;
            return Panache.getSession().chain(s -> {
                var query = s.createNativeQuery("select m.id, m.name, m.status, m.home_organization_id from member m "
                                + "where m.left_on is null and m.home_path >= ?1 and m.home_path < ?2 "
                                + "and m.home_organization_id <> ?3 and m.id > ?4 and not exists (select 1 from affiliation af "
                                + "where af.member_id = m.id and af.organization_id = ?3 and af.ended_on is null) "
                                + "and " + criteria.sql() + " order by m.id limit ?5", Object[].class)
                        .setParameter(1, scope.value())
                        .setParameter(2, scope.subtreeUpperBound())
                        .setParameter(3, branchId)
                        .setParameter(4, after)
                        .setParameter(5, limit + 1);
                for (int i = 0; i < criteria.parameters().size(); i++) {
                    query.setParameter(6 + i, criteria.parameters().get(i));
                }
                return query.getResultList();
            }).chain(rows -> {
                List<UUID> memberIds = rows.stream().map(r -> UUID.fromString(r[0].toString())).toList();
                return attributesOf(memberIds).map(attributes -> rows.stream().map(r -> {
                    UUID id = UUID.fromString(r[0].toString());
                    return new CandidateView(id, (String) r[1], MemberStatus.valueOf((String) r[2]),
                            UUID.fromString(r[3].toString()), attributes.getOrDefault(id, Map.of()));
                }).toList());
            }).map(found -> Page.of(found, limit, (CandidateView last) -> Cursors.encode(last.memberId().toString())));
        });
    }

    /** The active affiliations with a branch, by member id. */
    @WithSession
    public Uni<Page<AffiliationView>> affiliationsAt(Caller caller, UUID branchId, int limit, String cursor) {
        return loadBranch(branchId)
                .call(branch -> access.toOrganization(caller, Permission.READ_SUBTREE, branch.place()))
                .chain(branch -> {
                    UUID after = uuidCursor(cursor);
                    return Panache.getSession().chain(s -> s.createNativeQuery(
                                    SELECT + "where a.organization_id = ?1 and a.ended_on is null and a.member_id > ?2 "
                                            + "order by a.member_id limit ?3", Object[].class)
                            .setParameter(1, branchId).setParameter(2, after).setParameter(3, limit + 1).getResultList());
                })
                .map(rows -> Page.of(rows.stream().map(AffiliationService::view).toList(), limit,
                        (AffiliationView last) -> Cursors.encode(last.memberId().toString())));
    }

    /** A member's affiliations, active and ended, oldest first. */
    @WithSession
    public Uni<Page<AffiliationView>> affiliationsOf(Caller caller, UUID memberId, int limit, String cursor) {
        return readableMember(caller, memberId).chain(member -> {
                    long after;
                    try {
                        after = cursor == null ? 0 : Long.parseLong(Cursors.decode(cursor));
                    } catch (IllegalArgumentException | ProblemException e) {
                        return Uni.createFrom().failure(Cursors.invalid());
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery(
                                    SELECT_WITH_SEQ + "where a.member_id = ?1 and a.seq > ?2 order by a.seq limit ?3",
                                    Object[].class)
                            .setParameter(1, memberId).setParameter(2, after).setParameter(3, limit + 1).getResultList());
                })
                .map(rows -> {
                    Page<Object[]> page = Page.of(rows, limit, (Object[] last) -> Cursors.encode(last[9].toString()));
                    return page.map(AffiliationService::view);
                });
    }

    private static final String SELECT = "select a.id, a.member_id, m.name, a.organization_id, o.name, a.kind, a.since, "
            + "a.ended_on, a.end_reason from affiliation a join member m on m.id = a.member_id "
            + "join organization o on o.id = a.organization_id ";
    private static final String SELECT_WITH_SEQ = SELECT.replace("a.end_reason from", "a.end_reason, a.seq from");

    private static AffiliationView view(Object[] r) {
        return new AffiliationView(UUID.fromString(r[0].toString()), UUID.fromString(r[1].toString()), (String) r[2],
                UUID.fromString(r[3].toString()), (String) r[4], (String) r[5], date(r[6]), date(r[7]),
                r[8] == null ? null : EndReason.valueOf((String) r[8]));
    }

    private static AffiliationView view(AffiliationEntity row, String memberName, String organizationName) {
        return new AffiliationView(row.id, row.memberId, memberName, row.organizationId, organizationName, row.kind,
                row.since, row.endedOn, row.endReason);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }

    private static Uni<Map<String, String>> attributesOf(UUID memberId) {
        return MemberAttributeEntity.<MemberAttributeEntity>list("memberId = ?1", memberId)
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> r.name, r -> r.text, (a, b) -> a, TreeMap::new)));
    }

    private static Uni<Map<UUID, Map<String, String>>> attributesOf(List<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return MemberAttributeEntity.<MemberAttributeEntity>list("memberId in ?1", memberIds)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> r.memberId,
                        Collectors.toMap(r -> r.name, r -> r.text, (a, b) -> a, TreeMap::new))));
    }

    private static Uni<AffiliationEntity> activeAffiliation(UUID memberId, UUID branchId) {
        return AffiliationEntity.<AffiliationEntity>find("memberId = ?1 and organizationId = ?2 and endedOn is null",
                memberId, branchId).firstResult();
    }

    static Affiliations.Branch branchOf(OrganizationEntity branch) {
        return new Affiliations.Branch(branch.id, branch.name, branch.districtCode.trim(), branch.dissolvedOn != null,
                BranchFormColumns.toModel(branch.form));
    }

    private static BranchForm.Functional functional(OrganizationEntity branch) {
        Optional<BranchForm> form = BranchFormColumns.toModel(branch.form);
        if (form.isPresent() && form.get() instanceof BranchForm.Functional functional) {
            return functional;
        }
        throw Rejections.exception(BranchFormRule.NOT_FUNCTIONAL.rejects(
                branch.name + " has no criteria; only a functional branch has candidates and re-checks"));
    }

    private static UUID uuidCursor(String cursor) {
        try {
            return cursor == null ? new UUID(0, 0) : UUID.fromString(Cursors.decode(cursor));
        } catch (IllegalArgumentException | ProblemException e) {
            throw Cursors.invalid();
        }
    }

    /** The branch, once the caller may manage its members. */
    private Uni<OrganizationEntity> managedBranch(Caller caller, UUID id) {
        return loadBranch(id).call(branch -> access.toOrganization(caller, Permission.MANAGE_MEMBERS, branch.place()));
    }

    /** The member, once the caller is them or may read their home. */
    private Uni<MemberEntity> readableMember(Caller caller, UUID id) {
        return loadMember(id).call(member -> access.toMember(caller, id, member.homeOrganizationId,
                Permission.READ_SUBTREE, true));
    }

    private static Uni<OrganizationEntity> loadBranch(UUID id) {
        return OrganizationEntity.<OrganizationEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", id));
    }

    private static Uni<MemberEntity> loadMember(UUID id) {
        return MemberEntity.<MemberEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member", id));
    }

    private static ProblemException alreadyAffiliated(UUID memberId) {
        return Rejections.exception(AffiliationRule.ALREADY_AFFILIATED.rejects(
                "Member " + memberId + " is already affiliated with this branch"));
    }

    /** The database refused what the rules above let through: a concurrent dissolution or leaving. */
    private static ProblemException invariant(Throwable failure) {
        AffiliationRule rule = DatabaseFailures.violates(failure, "affiliation_to_dissolved_branch")
                ? AffiliationRule.BRANCH_DISSOLVED
                : DatabaseFailures.violates(failure, "affiliation_of_former_member") ? AffiliationRule.MEMBER_HAS_LEFT
                : DatabaseFailures.violates(failure, "affiliation_to_own_home") ? AffiliationRule.OWN_HOME
                : AffiliationRule.BRANCH_TAKES_NO_AFFILIATIONS;
        return Rejections.exception(rule.rejects("The branch or the member changed while the affiliation was being made"));
    }
}
