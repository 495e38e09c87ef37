-- Who is affiliated to which functional or temporary branch on top of their home, from
-- org.member.v1 (AffiliationAdded, AffiliationEnded): "members of this branch" covers them too. An
-- ended affiliation keeps its row with the date, so that a late AffiliationAdded older than the
-- end does not bring it back.
create table learner_affiliation (
    person_id       uuid        not null,
    organization_id uuid        not null,
    kind            text        not null check (kind in ('FUNCTIONAL', 'TEMPORARY')),
    since           date,
    ended_on        date,
    end_reason      text,
    updated_at      timestamptz not null,
    primary key (person_id, organization_id)
);

create index learner_affiliation_active on learner_affiliation (organization_id, person_id) where ended_on is null;

-- Learners a member unit registered (UnitStaffRegistered) are found by unit when it leaves or
-- when its staff are listed.
create index learner_member_unit on learner (member_unit_id, person_id) where member_unit_id is not null;

-- A dissolved organization's sessions are found by their provider.
create index course_provider on course (provider_kind, provider_id);
