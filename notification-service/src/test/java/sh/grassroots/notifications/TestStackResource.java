package sh.grassroots.notifications;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import sh.grassroots.notifications.support.SmtpServer;
import sh.grassroots.platform.testing.TestStack;

/**
 * Every Quarkus test of this service runs against bin/test's PostgreSQL and Kafka (TestStack) and
 * a real SMTP server in the test JVM (GreenMail, see SmtpServer).
 */
@WithTestResource(value = TestStack.Resource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
public class TestStackResource {
}
