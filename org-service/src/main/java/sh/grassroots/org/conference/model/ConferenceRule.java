package sh.grassroots.org.conference.model;

import sh.grassroots.platform.rules.Rule;
import sh.grassroots.platform.rules.RuleKind;

/** The rules of a joint conference (区域化党建联席会议); the slugs are what clients switch on. */
public enum ConferenceRule implements Rule {
    JOINED_BEFORE_FOUNDING("unit-joined-before-founding", RuleKind.INVALID),
    UNIT_ALREADY_MEMBER("unit-already-member", RuleKind.CONFLICT),
    LEAVE_NOT_AFTER_JOIN("unit-leave-not-after-join", RuleKind.INVALID),
    UNIT_ALREADY_LEFT("unit-already-left", RuleKind.CONFLICT),
    UNIT_HOLDS_LATER_CHAIR_TERM("unit-holds-later-chair-term", RuleKind.CONFLICT),
    CHAIR_TERM_ENDS_BEFORE_START("chair-term-ends-before-start", RuleKind.INVALID),
    CHAIR_UNIT_NOT_MEMBER("chair-unit-not-member-during-term", RuleKind.CONFLICT),
    CHAIR_TERMS_OVERLAP("chair-terms-overlap", RuleKind.CONFLICT),
    LISTING_WINDOW_ENDS_BEFORE_START("listing-window-ends-before-start", RuleKind.INVALID),
    LISTING_QUANTITY_NOT_POSITIVE("listing-quantity-not-positive", RuleKind.INVALID),
    LISTING_UNIT_NOT_MEMBER("listing-unit-not-member-during-window", RuleKind.CONFLICT),
    LISTING_NOT_OPEN("listing-not-open", RuleKind.CONFLICT),
    MATCH_NOT_OFFER_AND_NEED("match-not-offer-and-need", RuleKind.INVALID),
    MATCH_SAME_UNIT("match-same-unit", RuleKind.INVALID),
    MATCH_CATEGORY_DIFFERS("match-category-differs", RuleKind.INVALID),
    MATCH_WINDOWS_DISJOINT("match-windows-disjoint", RuleKind.INVALID),
    MATCH_QUANTITY_NOT_POSITIVE("match-quantity-not-positive", RuleKind.INVALID),
    MATCH_QUANTITY_EXCEEDS_REMAINING("match-quantity-exceeds-remaining", RuleKind.CONFLICT),
    PROJECT_ACTIVATED_BEFORE_PROPOSAL("project-activate-before-proposal", RuleKind.INVALID),
    PROJECT_ACTIVATE_ONLY_PROPOSED("project-activate-only-when-proposed", RuleKind.CONFLICT),
    PROJECT_CLOSE_ONLY_ACTIVE("project-close-only-when-active", RuleKind.CONFLICT),
    PROJECT_CLOSED_BEFORE_ACTIVATED("project-close-before-activation", RuleKind.INVALID),
    STAFF_UNIT_NOT_MEMBER("staff-unit-not-member", RuleKind.CONFLICT),
    STAFF_NAME_MISSING("staff-name-missing", RuleKind.INVALID),
    STAFF_PARTY_MEMBER_MISMATCH("staff-party-member-mismatch", RuleKind.INVALID),
    STAFF_MEMBER_HAS_LEFT("staff-member-has-left", RuleKind.CONFLICT),
    STAFF_ALREADY_REGISTERED("staff-already-registered", RuleKind.CONFLICT),
    STAFF_ALREADY_LEFT("staff-already-left", RuleKind.CONFLICT),
    STAFF_PHONE_INVALID("invalid-field", RuleKind.MALFORMED),
    NO_CHAIR_ON_DATE("no-chair-on-date", RuleKind.NOT_FOUND),
    UNKNOWN_UNIT("unknown-unit", RuleKind.INVALID),
    UNKNOWN_LISTING("unknown-listing", RuleKind.INVALID),
    UNKNOWN_ORGANIZATION("unknown-organization", RuleKind.INVALID),
    UNKNOWN_MEMBER("unknown-member", RuleKind.INVALID);

    private final String slug;
    private final RuleKind kind;

    ConferenceRule(String slug, RuleKind kind) {
        this.slug = slug;
        this.kind = kind;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public RuleKind kind() {
        return kind;
    }
}
