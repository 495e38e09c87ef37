package sh.grassroots.org.common.model;

/** A named business rule; the slug is what clients and tests switch on, so it never changes. */
public interface Rule {
    String slug();

    /**
     * True when the rule refuses because of the current state of things (the same request may
     * succeed later, e.g. once the children are dissolved), false when the request itself can
     * never be right.
     */
    boolean dependsOnState();
}
