package sh.grassroots.stations.mediation.model;

/** How a mediation ended: the family and the expropriation side agreed, partly agreed, or did not. */
public enum Outcome {
    AGREED,
    PARTIAL,
    NOT_AGREED
}
