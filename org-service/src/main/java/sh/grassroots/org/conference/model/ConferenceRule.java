package sh.grassroots.org.conference.model;

import sh.grassroots.org.common.model.Rule;

/** The rules of a joint conference (区域化党建联席会议); the slugs are what clients switch on. */
public enum ConferenceRule implements Rule {
    JOINED_BEFORE_FOUNDING("unit-joined-before-founding", false),
    UNIT_ALREADY_MEMBER("unit-already-member", true),
    LEAVE_NOT_AFTER_JOIN("unit-leave-not-after-join", false),
    UNIT_ALREADY_LEFT("unit-already-left", true),
    UNIT_HOLDS_LATER_CHAIR_TERM("unit-holds-later-chair-term", true),
    CHAIR_TERM_ENDS_BEFORE_START("chair-term-ends-before-start", false),
    CHAIR_UNIT_NOT_MEMBER("chair-unit-not-member-during-term", true),
    CHAIR_TERMS_OVERLAP("chair-terms-overlap", true),
    LISTING_WINDOW_ENDS_BEFORE_START("listing-window-ends-before-start", false),
    LISTING_QUANTITY_NOT_POSITIVE("listing-quantity-not-positive", false),
    LISTING_UNIT_NOT_MEMBER("listing-unit-not-member-during-window", true),
    LISTING_NOT_OPEN("listing-not-open", true),
    MATCH_NOT_OFFER_AND_NEED("match-not-offer-and-need", false),
    MATCH_SAME_UNIT("match-same-unit", false),
    MATCH_CATEGORY_DIFFERS("match-category-differs", false),
    MATCH_WINDOWS_DISJOINT("match-windows-disjoint", false),
    MATCH_QUANTITY_NOT_POSITIVE("match-quantity-not-positive", false),
    MATCH_QUANTITY_EXCEEDS_REMAINING("match-quantity-exceeds-remaining", true),
    PROJECT_ACTIVATED_BEFORE_PROPOSAL("project-activate-before-proposal", false),
    PROJECT_ACTIVATE_ONLY_PROPOSED("project-activate-only-when-proposed", true),
    PROJECT_CLOSE_ONLY_ACTIVE("project-close-only-when-active", true),
    PROJECT_CLOSED_BEFORE_ACTIVATED("project-close-before-activation", false),
    STAFF_UNIT_NOT_MEMBER("staff-unit-not-member", true),
    STAFF_NAME_MISSING("staff-name-missing", false),
    STAFF_PARTY_MEMBER_MISMATCH("staff-party-member-mismatch", false),
    STAFF_MEMBER_HAS_LEFT("staff-member-has-left", true),
    STAFF_ALREADY_REGISTERED("staff-already-registered", true),
    STAFF_ALREADY_LEFT("staff-already-left", true);

    private final String slug;
    private final boolean dependsOnState;

    ConferenceRule(String slug, boolean dependsOnState) {
        this.slug = slug;
        this.dependsOnState = dependsOnState;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public boolean dependsOnState() {
        return dependsOnState;
    }
}
