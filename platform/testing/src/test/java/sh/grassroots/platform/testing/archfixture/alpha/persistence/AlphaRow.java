package sh.grassroots.platform.testing.archfixture.alpha.persistence;

/** A table of feature alpha. */
public class AlphaRow {
    public String id;
}
