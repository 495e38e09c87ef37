package sh.grassroots.notifications.architecture;

import sh.grassroots.platform.testing.ServiceArchitectureTest;

/** The house rules, against this service (they are shown to fail in platform/testing's tests). */
class ArchitectureTest extends ServiceArchitectureTest {
    @Override
    protected String servicePackage() {
        return "sh.grassroots.notifications";
    }
}
