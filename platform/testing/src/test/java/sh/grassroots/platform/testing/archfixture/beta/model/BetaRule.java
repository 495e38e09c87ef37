package sh.grassroots.platform.testing.archfixture.beta.model;

import sh.grassroots.platform.testing.archfixture.beta.persistence.BetaRow;

/** A rule that knows a table: what the layering rule refuses. */
public class BetaRule {
    public boolean allows(BetaRow row) {
        return row.id != null;
    }
}
