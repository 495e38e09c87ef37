package sh.grassroots.org.affiliation.application;

import sh.grassroots.org.member.model.MemberStatus;

import java.util.Map;
import java.util.UUID;

/** A member who meets a functional branch's criteria and is not affiliated with it yet. */
public record CandidateView(UUID memberId, String name, MemberStatus status, UUID homeOrganizationId,
                            Map<String, String> attributes) {
}
