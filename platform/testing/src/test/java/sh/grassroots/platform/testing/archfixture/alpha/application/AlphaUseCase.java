package sh.grassroots.platform.testing.archfixture.alpha.application;

import sh.grassroots.platform.testing.archfixture.alpha.persistence.AlphaRow;

/** Feature alpha reads its own table: allowed. */
public class AlphaUseCase {
    public String idOf(AlphaRow row) {
        return row.id;
    }
}
