package sh.grassroots.org.testing;

import io.restassured.specification.RequestSpecification;
import sh.grassroots.platform.testing.AsCaller;

/** The districts org-service's tests make their trees in, and the caller of tests about other rules. */
public final class Districts {
    public static final String YANGPU = "310110";
    public static final String HUANGPU = "310101";

    private Districts() {
    }

    /**
     * Yangpu's district admin: the caller of the tests whose subject is a rule other than scope
     * (every organization those tests make is in Yangpu).
     */
    public static RequestSpecification asAdmin() {
        return AsCaller.districtAdmin(YANGPU);
    }
}
