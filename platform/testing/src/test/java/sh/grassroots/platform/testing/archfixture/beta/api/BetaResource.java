package sh.grassroots.platform.testing.archfixture.beta.api;

import sh.grassroots.platform.testing.archfixture.beta.persistence.BetaRow;

/** A resource that reads its feature's table itself: what the api rule refuses. */
public class BetaResource {
    public String get(BetaRow row) {
        return row.id;
    }
}
