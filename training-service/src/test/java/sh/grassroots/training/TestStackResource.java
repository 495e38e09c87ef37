package sh.grassroots.training;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import sh.grassroots.platform.testing.TestStack;

/**
 * Every Quarkus test of this service runs against bin/test's PostgreSQL and Kafka, or, without
 * them, against containers where Docker or Podman answers; with neither it stops with one line
 * that says to use bin/test (TestStack).
 */
@WithTestResource(value = TestStack.Resource.class, scope = TestResourceScope.GLOBAL)
public class TestStackResource {
}
