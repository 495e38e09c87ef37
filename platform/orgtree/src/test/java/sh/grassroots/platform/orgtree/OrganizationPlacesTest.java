package sh.grassroots.platform.orgtree;

import org.junit.jupiter.api.Test;
import sh.grassroots.platform.access.Place;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OrganizationPlacesTest {

    @Test
    void the_path_runs_from_the_top_down_to_the_organization_in_its_own_district() {
        Place branch = OrganizationPlaces.place(List.of(
                new Object[]{"b", "310110"}, new Object[]{"c", "310110"}, new Object[]{"r", "310110"}));
        assertEquals(new Place("310110", "/r/c/b/"), branch);
    }

    @Test
    void a_padded_district_code_is_trimmed() {
        assertEquals("310101", OrganizationPlaces.place(List.<Object[]>of(new Object[]{"x", "310101 "})).districtCode());
    }

    @Test
    void an_unknown_organization_has_no_place() {
        assertNull(OrganizationPlaces.place(List.of()));
    }
}
