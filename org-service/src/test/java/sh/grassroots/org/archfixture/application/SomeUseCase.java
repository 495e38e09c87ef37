package sh.grassroots.org.archfixture.application;

/** An outer-layer class that the bad model example depends on. */
public class SomeUseCase {
}
