package sh.grassroots.stations.mediation.model;

import java.util.List;

/** A broken mediation rule, with the request fields it concerns. */
public record Refusal(MediationRule rule, String detail, List<String> fields) {
    public Refusal {
        fields = List.copyOf(fields);
    }
}
