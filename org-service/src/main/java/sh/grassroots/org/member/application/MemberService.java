package sh.grassroots.org.member.application;

import sh.grassroots.platform.web.ETags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.inject.Inject;
import sh.grassroots.events.MemberEvents;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.affiliation.application.AffiliationService;
import sh.grassroots.org.affiliation.model.EndReason;
import sh.grassroots.platform.persistence.DatabaseFailures;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.web.Page;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.platform.persistence.PersonalDataProtector;
import sh.grassroots.org.member.model.ActiveMember;
import sh.grassroots.org.member.model.IdNumber;
import sh.grassroots.org.member.model.LeaveReason;
import sh.grassroots.org.member.model.Member;
import sh.grassroots.org.member.model.MemberChange;
import sh.grassroots.org.member.model.MemberRule;
import sh.grassroots.org.member.model.MemberStatus;
import sh.grassroots.org.member.model.PhoneNumber;
import sh.grassroots.org.member.model.Registration;
import sh.grassroots.org.member.persistence.MemberEntity;
import sh.grassroots.org.tree.model.TreePath;
import sh.grassroots.org.tree.persistence.OrganizationEntity;
import sh.grassroots.org.tree.persistence.TreeStore;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.access.Permission;
import sh.grassroots.platform.outbox.Outbox;
import sh.grassroots.platform.web.Problem;
import sh.grassroots.platform.web.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The member register. Registering, status changes and leaving need MANAGE_MEMBERS at the
 * member's home (its branch secretary, an organizer above it, the district's admin); the member
 * themselves may also read their record and change their phone.
 */
@ApplicationScoped
public class MemberService {
    private static final String ONE_REGISTRATION_INDEX = "member_one_registration_per_person";

    private final Outbox outbox;
    private final Clock clock;
    private final TreeStore tree;
    private final PersonalDataProtector protector;
    private final Access access;
    @Inject
    AffiliationService affiliations;

    public MemberService(Outbox outbox, Clock clock, TreeStore tree, PersonalDataProtector protector, Access access) {
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.tree = tree;
        this.protector = protector;
    }

    /**
     * MANAGE_MEMBERS at the new member's home, checked under the district's shared tree lock, which
     * keeps the home from moving or being dissolved before this commits. An unknown home is the
     * operation's 422, not a refusal.
     */
    @WithTransaction
    public Uni<MemberView> register(Caller caller, RegisterMember command) {
        UUID homeId = command.homeOrganizationId();
        return tree.districtOf(homeId)
                .call(district -> district == null ? Uni.createFrom().voidItem() : tree.lockDistrictShared(district))
                .call(() -> access.toReferencedOrganization(caller, homeId, Permission.MANAGE_MEMBERS))
                .chain(district -> {
                    List<Problem.FieldError> invalid = new ArrayList<>();
                    if (!IdNumber.isValid(command.idNumber())) {
                        invalid.add(new Problem.FieldError("idNumber", "not a valid resident ID number"));
                    }
                    if (command.phone() != null && !PhoneNumber.isValid(command.phone())) {
                        invalid.add(new Problem.FieldError("phone", "not a mainland mobile number"));
                    }
                    if (!invalid.isEmpty()) {
                        return Uni.createFrom().failure(Rejections.exception(
                                MemberRule.INVALID_PERSONAL_DATA.rejects("The ID number or phone is not valid"), invalid));
                    }
                    if (district == null) {
                        return Uni.createFrom().failure(unknownOrganization(homeId));
                    }
                    return OrganizationEntity.<OrganizationEntity>findById(homeId)
                            .chain(home -> registerAt(command, home));
                });
    }

    private Uni<MemberView> registerAt(RegisterMember command, OrganizationEntity home) {
        Outcome<MemberChange.Registered> outcome = Registration.decide(UUID.randomUUID(),
                new Registration.Home(home.id, home.kind, home.dissolvedOn != null),
                command.admittedOn(), Optional.ofNullable(command.fullSince()), LocalDate.now(clock));
        if (outcome instanceof Outcome.Rejected<MemberChange.Registered> refused) {
            return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
        }
        var registered = ((Outcome.Done<MemberChange.Registered>) outcome).value();
        return persist(command, registered, IdNumber.parse(command.idNumber()),
                Optional.ofNullable(command.phone()).map(PhoneNumber::new), home);
    }

    private Uni<MemberView> persist(RegisterMember command, MemberChange.Registered registered, IdNumber idNumber,
                                    Optional<PhoneNumber> phone, OrganizationEntity home) {
        MemberEntity member = new MemberEntity();
        member.id = registered.memberId();
        member.homeOrganizationId = home.id;
        member.homePath = home.path;
        member.name = command.name().strip();
        member.status = registered.status();
        member.admittedOn = registered.admittedOn();
        member.fullSince = registered.fullSince();
        member.idNumberEncrypted = protector.encrypt(idNumber.value());
        member.idNumberHash = protector.blindIndex(idNumber.value());
        member.idNumberMasked = idNumber.masked();
        member.phoneEncrypted = phone.map(p -> protector.encrypt(p.value())).orElse(null);
        member.phoneMasked = phone.map(PhoneNumber::masked).orElse(null);
        member.registeredAt = OffsetDateTime.now(clock);
        var event = outbox.envelope(MemberEvents.REGISTERED, MemberEvents.REGISTERED_VERSION,
                member.id.toString(), home.districtCode, new MemberEvents.MemberRegistered(member.id, home.id,
                        member.name, member.status.name(), member.admittedOn));
        return MemberEntity.count("idNumberHash = ?1 and leftOn is null", member.idNumberHash)
                .chain(existing -> existing > 0
                        ? Uni.createFrom().failure(alreadyRegistered())
                        : member.<MemberEntity>persistAndFlush())
                // A concurrent registration of the same person passes the count and meets the index.
                .onFailure(f -> DatabaseFailures.violates(f, ONE_REGISTRATION_INDEX)).transform(e -> alreadyRegistered())
                .chain(() -> outbox.record(MemberEvents.TOPIC, event))
                .replaceWith(() -> MemberView.of(member));
    }

    /**
     * A new mobile number (stored encrypted, shown masked) or none ({@code phone} null removes it).
     * The phone is never in an event, so no other service needs to hear of it.
     */
    @WithTransaction
    public Uni<MemberView> changePhone(Caller caller, UUID id, String phone, Long expectedVersion) {
        return load(id).call(member -> access.toMember(caller, id, member.homeOrganizationId, Permission.MANAGE_MEMBERS,
                true)).map(member -> {
            if (phone != null && !PhoneNumber.isValid(phone)) {
                throw Rejections.exception(MemberRule.INVALID_PERSONAL_DATA.rejects("The phone is not valid"),
                        "phone", "not a mainland mobile number");
            }
            ETags.requireCurrent(expectedVersion, member.version);
            active(member);
            Optional<PhoneNumber> number = Optional.ofNullable(phone).map(PhoneNumber::new);
            member.phoneEncrypted = number.map(p -> protector.encrypt(p.value())).orElse(null);
            member.phoneMasked = number.map(PhoneNumber::masked).orElse(null);
            return member;
        }).call(member -> Panache.getSession().chain(s -> s.flush())).map(MemberView::of);
    }

    /** The member themselves, or READ_SUBTREE at their home. */
    @WithSession
    public Uni<MemberView> get(Caller caller, UUID id) {
        return load(id).call(member -> access.toMember(caller, id, member.homeOrganizationId, Permission.READ_SUBTREE,
                true)).map(MemberView::of);
    }

    @WithTransaction
    public Uni<MemberView> changeStatus(Caller caller, UUID id, MemberStatus target, LocalDate effectiveOn,
                                        Long expectedVersion) {
        return managed(caller, id).chain(member -> {
            ETags.requireCurrent(expectedVersion, member.version);
            Outcome<MemberChange.BecameFull> outcome = active(member).changeStatus(target, effectiveOn, LocalDate.now(clock));
            if (outcome instanceof Outcome.Rejected<MemberChange.BecameFull> refused) {
                return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
            }
            var full = ((Outcome.Done<MemberChange.BecameFull>) outcome).value();
            MemberStatus old = member.status;
            member.status = MemberStatus.FULL;
            member.fullSince = full.effectiveOn();
            return publish(member, MemberEvents.STATUS_CHANGED, MemberEvents.STATUS_CHANGED_VERSION,
                    new MemberEvents.MemberStatusChanged(id, member.homeOrganizationId, old.name(),
                            member.status.name(), full.effectiveOn()));
        });
    }

    @WithTransaction
    public Uni<MemberView> leave(Caller caller, UUID id, LocalDate on, LeaveReason reason, Long expectedVersion) {
        return managed(caller, id).chain(member -> {
            ETags.requireCurrent(expectedVersion, member.version);
            Outcome<MemberChange.Left> outcome = active(member).leave(on, reason, LocalDate.now(clock));
            if (outcome instanceof Outcome.Rejected<MemberChange.Left> refused) {
                return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
            }
            var left = ((Outcome.Done<MemberChange.Left>) outcome).value();
            // Affiliations end first: the database refuses a former member who still has one.
            return affiliations.endAllOf(id, left.leftOn(), EndReason.MEMBER_LEFT).chain(() -> {
                member.leftOn = left.leftOn();
                member.leaveReason = left.reason();
                return publish(member, MemberEvents.LEFT, MemberEvents.LEFT_VERSION,
                        new MemberEvents.MemberLeft(id, member.homeOrganizationId, left.leftOn(), left.reason().name()));
            });
        });
    }

    /** Active members whose home is the organization, by id: READ_SUBTREE there. */
    @WithSession
    public Uni<Page<MemberView>> membersOf(Caller caller, UUID organizationId, int limit, String cursor) {
        return readableOrganization(caller, organizationId).chain(org -> {
            UUID after;
            try {
                after = cursor == null ? new UUID(0, 0) : UUID.fromString(Cursors.decode(cursor));
            } catch (IllegalArgumentException | ProblemException e) {
                return Uni.createFrom().failure(Cursors.invalid());
            }
            return MemberEntity.<MemberEntity>find(
                            "homeOrganizationId = ?1 and leftOn is null and id > ?2 order by id", organizationId, after)
                    .page(0, limit + 1).list()
                    .map(rows -> Page.of(rows, limit, (MemberEntity last) -> Cursors.encode(last.id.toString()))
                            .map(MemberView::of));
        });
    }

    /**
     * Active members whose home is the organization or anything below it (a district's or a
     * committee's list), in tree order: one range of the (home_path, id) index, keyset-paged by
     * the last row's path and id, so that page 1000 costs what page 1 costs. READ_SUBTREE there.
     */
    @WithSession
    public Uni<Page<MemberView>> membersWithin(Caller caller, UUID organizationId, int limit, String cursor) {
        return readableOrganization(caller, organizationId)
                .chain(org -> {
                    TreePath subtree = new TreePath(org.path);
                    String afterPath = subtree.value();
                    UUID afterId = new UUID(0, 0);
                    if (cursor != null) {
                        String last = Cursors.decode(cursor);
                        int split = last.length() - 36;
                        try {
                            afterPath = last.substring(0, Math.max(split, 0));
                            afterId = UUID.fromString(last.substring(Math.max(split, 0)));
                        } catch (IllegalArgumentException e) {
                            return Uni.createFrom().failure(Cursors.invalid());
                        }
                        if (!afterPath.startsWith(subtree.value())) {
                            return Uni.createFrom().failure(Cursors.invalid());
                        }
                    }
                    return MemberEntity.<MemberEntity>find("leftOn is null and (homePath, id) > (?1, ?2) "
                                            + "and homePath < ?3 order by homePath, id",
                                    afterPath, afterId, subtree.subtreeUpperBound())
                            .page(0, limit + 1).list();
                })
                .map(rows -> Page.of(rows, limit, (MemberEntity last) -> Cursors.encode(last.homePath + last.id))
                        .map(MemberView::of));
    }

    private <P> Uni<MemberView> publish(MemberEntity member, String type, int version, P payload) {
        return tree.districtOf(member.homeOrganizationId)
                .chain(district -> outbox.record(MemberEvents.TOPIC,
                        outbox.envelope(type, version, member.id.toString(), district, payload)))
                .chain(() -> Panache.getSession().chain(session -> session.flush()))
                .map(ignored -> MemberView.of(member));
    }

    private static ActiveMember active(MemberEntity entity) {
        Member member = entity.toModel();
        if (member instanceof ActiveMember active) {
            return active;
        }
        throw Rejections.exception(MemberRule.MEMBER_HAS_LEFT.rejects("The member's record was closed on " + entity.leftOn));
    }

    private Uni<OrganizationEntity> readableOrganization(Caller caller, UUID organizationId) {
        return OrganizationEntity.<OrganizationEntity>findById(organizationId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Organization", organizationId))
                .call(org -> access.toOrganization(caller, Permission.READ_SUBTREE, org.place()));
    }

    /**
     * The member, once the caller may manage the members of their home; the row is locked, so that
     * a change of status or a leaving and a transfer's completion at the same moment take turns.
     */
    private Uni<MemberEntity> managed(Caller caller, UUID id) {
        return MemberEntity.<MemberEntity>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member", id)).call(member -> access.toMember(caller, id, member.homeOrganizationId,
                Permission.MANAGE_MEMBERS, false));
    }

    private static Uni<MemberEntity> load(UUID id) {
        return MemberEntity.<MemberEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member", id));
    }

    private static ProblemException alreadyRegistered() {
        return Rejections.exception(MemberRule.ALREADY_REGISTERED.rejects(
                "A member with this ID number is already on the register"), "idNumber", "already registered");
    }

    private static ProblemException unknownOrganization(UUID id) {
        return Rejections.exception(MemberRule.UNKNOWN_HOME.rejects("No organization with id " + id),
                "homeOrganizationId", "no such organization");
    }
}
