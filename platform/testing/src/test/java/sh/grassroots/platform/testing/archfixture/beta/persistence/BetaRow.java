package sh.grassroots.platform.testing.archfixture.beta.persistence;

/** A table of feature beta. */
public class BetaRow {
    public String id;
}
