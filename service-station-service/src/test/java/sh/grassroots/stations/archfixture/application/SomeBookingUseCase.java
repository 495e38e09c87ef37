package sh.grassroots.stations.archfixture.application;

/** An outer-layer class that the bad model example depends on. */
public class SomeBookingUseCase {
}
