package sh.grassroots.org.conference.application;

import sh.grassroots.org.conference.model.ConferenceRule;
import io.smallrye.mutiny.Uni;
import sh.grassroots.org.access.application.Access;
import sh.grassroots.org.access.model.OrgAccessPolicy;
import sh.grassroots.platform.access.Caller;
import sh.grassroots.platform.web.Cursors;
import sh.grassroots.platform.rules.Outcome;
import sh.grassroots.platform.web.Rejections;
import sh.grassroots.org.conference.persistence.ConferenceEntity;
import sh.grassroots.org.conference.persistence.MemberUnitEntity;
import sh.grassroots.platform.web.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loading and guarding shared by the conference use cases; call inside a session. A conference
 * belongs to its host district, not to a subtree of the tree: its office (that district's admin
 * or organizers) runs it, any person reads it, and other districts' systems have no business here.
 */
final class Conferences {
    private Conferences() {
    }

    static Uni<ConferenceEntity> load(UUID id) {
        return ConferenceEntity.<ConferenceEntity>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Conference", id));
    }

    /** Loads the conference and refuses a caller who may not change it (403). */
    static Uni<ConferenceEntity> loadForWrite(UUID id, Caller caller) {
        return load(id).call(conference -> checkWrite(caller, conference.hostDistrict));
    }

    /** The conference's office only. */
    static Uni<Void> checkWrite(Caller caller, String hostDistrict) {
        return Access.checkCaller(caller, scope -> OrgAccessPolicy.runConference(scope, hostDistrict));
    }

    /** Any person; not another district's system. */
    static Uni<Void> checkRead(Caller caller) {
        return Access.checkCaller(caller, OrgAccessPolicy::openRead);
    }

    /** A unit of this conference named in a request body; another conference's unit is just as unknown. */
    static Uni<MemberUnitEntity> unitOf(UUID conferenceId, UUID unitId, String field) {
        return MemberUnitEntity.<MemberUnitEntity>findById(unitId)
                .map(unit -> unit != null && unit.conferenceId.equals(conferenceId) ? unit : null)
                .onItem().ifNull().failWith(() -> Rejections.exception(ConferenceRule.UNKNOWN_UNIT.rejects(
                        "The conference has no member unit " + unitId), field, "no such unit in this conference"));
    }

    static Uni<Map<UUID, MemberUnitEntity>> unitsById(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return MemberUnitEntity.<MemberUnitEntity>list("id in ?1", ids.stream().distinct().toList())
                .map(units -> units.stream().collect(Collectors.toMap(u -> u.id, Function.identity())));
    }

    static <T> Uni<T> refuse(Outcome.Rejected<?> refused) {
        return Uni.createFrom().failure(Rejections.exception(refused.rejection()));
    }

    /** The seq a cursor points after, 0 for the first page; a failure for a cursor of another list. */
    static Uni<Long> after(String cursor) {
        return Uni.createFrom().item(() -> afterSeq(cursor));
    }

    static long afterSeq(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Long.parseLong(Cursors.decode(cursor));
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
