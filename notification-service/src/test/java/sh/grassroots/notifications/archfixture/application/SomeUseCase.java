package sh.grassroots.notifications.archfixture.application;

/** Test fixture: an application-layer class the bad model below reaches into. */
public class SomeUseCase {
}
