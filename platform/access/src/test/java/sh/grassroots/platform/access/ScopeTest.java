package sh.grassroots.platform.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeTest {
    static final String YANGPU = "310110";
    static final String HUANGPU = "310101";
    static final UUID BILIBILI_ID = UUID.randomUUID();
    static final Place BILIBILI = Place.root(YANGPU, BILIBILI_ID);
    static final UUID BRANCH_ID = UUID.randomUUID();
    static final Place BRANCH = BILIBILI.child(BRANCH_ID);
    static final Place OTHER_BRANCH = BILIBILI.child(UUID.randomUUID());
    static final Place LAOXIMEN = Place.root(HUANGPU, UUID.randomUUID());

    static Scope person(String roles, Place orgScope, String district) {
        Set<String> set = roles.isEmpty() ? Set.of() : Set.of(roles.split(","));
        return Scope.of(Caller.person("p-1", set, orgScope == null ? null : "id", district), orgScope);
    }

    @Test
    void a_district_admin_reaches_everything_of_their_district_and_nothing_of_another() {
        Scope admin = person(Roles.DISTRICT_ADMIN, null, YANGPU);
        for (Permission p : Permission.values()) {
            assertTrue(admin.reaches(p, BRANCH), p.name());
            assertFalse(admin.reaches(p, LAOXIMEN), p.name());
        }
    }

    @Test
    void an_organizer_reaches_their_subtree_only() {
        Scope organizer = person(Roles.ORGANIZER, BILIBILI, YANGPU);
        assertTrue(organizer.reaches(Permission.MANAGE_STRUCTURE, BILIBILI));
        assertTrue(organizer.reaches(Permission.MANAGE_TRAINING, BRANCH));
        assertFalse(organizer.reaches(Permission.READ_SUBTREE, LAOXIMEN));
        Scope branchOrganizer = person(Roles.ORGANIZER, BRANCH, YANGPU);
        assertFalse(branchOrganizer.reaches(Permission.READ_SUBTREE, BILIBILI), "not upwards");
        assertFalse(branchOrganizer.reaches(Permission.READ_SUBTREE, OTHER_BRANCH), "not sideways");
    }

    @Test
    void a_branch_secretary_manages_members_and_reads_but_never_restructures_or_runs_training() {
        Scope secretary = person(Roles.BRANCH_SECRETARY, BRANCH, null);
        assertTrue(secretary.reaches(Permission.MANAGE_MEMBERS, BRANCH));
        assertTrue(secretary.reaches(Permission.READ_TRAINING, BRANCH));
        assertFalse(secretary.reaches(Permission.MANAGE_STRUCTURE, BRANCH));
        assertFalse(secretary.reaches(Permission.MANAGE_TRAINING, BRANCH));
        assertEquals(Refusal.OUT_OF_SCOPE, secretary.allows(Permission.MANAGE_STRUCTURE, BRANCH).orElseThrow().slug());
    }

    @Test
    void a_training_admin_runs_training_in_their_subtree_but_does_not_manage_members() {
        Scope trainingAdmin = person(Roles.TRAINING_ADMIN, BILIBILI, YANGPU);
        assertTrue(trainingAdmin.reaches(Permission.MANAGE_TRAINING, BRANCH));
        assertTrue(trainingAdmin.reaches(Permission.READ_TRAINING, BRANCH));
        assertFalse(trainingAdmin.reaches(Permission.MANAGE_MEMBERS, BRANCH));
        assertFalse(trainingAdmin.reaches(Permission.READ_SUBTREE, BRANCH));
    }

    @Test
    void a_district_admins_district_does_not_extend_the_subtree_roles_they_also_hold() {
        Scope both = person(Roles.DISTRICT_ADMIN + "," + Roles.BRANCH_SECRETARY, BRANCH, HUANGPU);
        assertTrue(both.reaches(Permission.MANAGE_STRUCTURE, LAOXIMEN));
        assertTrue(both.reaches(Permission.MANAGE_MEMBERS, BRANCH));
        assertFalse(both.reaches(Permission.MANAGE_STRUCTURE, BRANCH), "a secretary never restructures");
    }

    @Test
    void a_member_reaches_no_place_but_their_own_records() {
        Scope member = Scope.of(Caller.person("m-1", Set.of(Roles.MEMBER), null, YANGPU), null);
        for (Permission p : Permission.values()) {
            assertFalse(member.reaches(p, BRANCH));
        }
        assertEquals(Optional.empty(), member.self("m-1", "accept this seat"));
        assertEquals(Refusal.NOT_YOURS, member.self("m-2", "accept this seat").orElseThrow().slug());
        assertEquals(Optional.empty(), member.selfOr("m-1", Permission.READ_TRAINING, BRANCH));
        assertEquals(Refusal.OUT_OF_SCOPE, member.selfOr("m-2", Permission.READ_TRAINING, BRANCH).orElseThrow().slug());
    }

    @Test
    void a_service_identity_is_refused_as_such_everywhere() {
        Scope service = Scope.of(new Caller("m-1", Caller.Kind.SERVICE, Set.of(Roles.DISTRICT_ADMIN), null, YANGPU), null);
        List<Optional<Refusal>> answers = List.of(service.allows(Permission.READ_SUBTREE, BRANCH), service.anyPerson(),
                service.self("m-1", "x"), service.selfOr("m-1", Permission.READ_TRAINING, BRANCH),
                service.conferenceOffice(YANGPU), service.managesStation(Set.of("m-1"), YANGPU));
        for (Optional<Refusal> answer : answers) {
            assertEquals(Refusal.SERVICE_IDENTITY_NOT_ALLOWED, answer.orElseThrow().slug());
        }
    }

    @Test
    void a_conference_office_is_the_host_districts_admin_or_organizers() {
        assertTrue(person(Roles.ORGANIZER, null, HUANGPU).conferenceOffice(HUANGPU).isEmpty());
        assertTrue(person(Roles.DISTRICT_ADMIN, null, HUANGPU).conferenceOffice(HUANGPU).isEmpty());
        assertFalse(person(Roles.ORGANIZER, null, YANGPU).conferenceOffice(HUANGPU).isEmpty());
        assertFalse(person(Roles.BRANCH_SECRETARY, null, HUANGPU).conferenceOffice(HUANGPU).isEmpty());
    }

    @Test
    void a_station_is_run_by_its_named_managers_and_its_districts_admin() {
        Scope manager = Scope.of(Caller.person("mgr-1", Set.of(Roles.STATION_MANAGER), null, HUANGPU), null);
        assertTrue(manager.managesStation(Set.of("mgr-1"), HUANGPU).isEmpty());
        assertFalse(manager.managesStation(Set.of("mgr-2"), HUANGPU).isEmpty(), "another station's manager");
        Scope namedWithoutRole = Scope.of(Caller.person("mgr-1", Set.of(Roles.MEMBER), null, HUANGPU), null);
        assertFalse(namedWithoutRole.managesStation(Set.of("mgr-1"), HUANGPU).isEmpty(), "the role is needed too");
        assertTrue(person(Roles.DISTRICT_ADMIN, null, HUANGPU).managesStation(Set.of(), HUANGPU).isEmpty());
        assertFalse(person(Roles.DISTRICT_ADMIN, null, YANGPU).managesStation(Set.of(), HUANGPU).isEmpty());
    }

    @Test
    void any_of_allows_when_one_alternative_allows_and_else_gives_the_first_refusal() {
        Refusal first = Refusal.notYours("first");
        Refusal second = Refusal.outOfScope("second");
        assertEquals(Optional.empty(), Scope.anyOf(Optional.of(first), Optional.empty()));
        assertEquals(Optional.of(first), Scope.anyOf(Optional.of(first), Optional.of(second)));
    }

    @Test
    void a_refusal_says_which_roles_would_do_when_the_caller_has_none_of_them() {
        Refusal refusal = person(Roles.MEMBER, null, null).allows(Permission.MANAGE_TRAINING, BRANCH).orElseThrow();
        assertTrue(refusal.detail().contains("district_admin, organizer, training_admin"), refusal.detail());
    }

    @Test
    void a_place_is_within_itself_and_its_ancestors_only() {
        assertTrue(BRANCH.within(BRANCH));
        assertTrue(BRANCH.within(BILIBILI));
        assertFalse(BILIBILI.within(BRANCH));
        assertEquals("/" + BILIBILI_ID + "/" + BRANCH_ID + "/", BRANCH.path());
    }
}
