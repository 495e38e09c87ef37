package sh.grassroots.platform.testing.archfixture.beta.application;

import sh.grassroots.platform.testing.archfixture.alpha.persistence.AlphaRow;

/** Feature beta reads feature alpha's table: what the feature rule refuses. */
public class BetaUseCase {
    public String peek(AlphaRow row) {
        return row.id;
    }
}
