package org.weiquan.command.common;

import org.junit.jupiter.api.Test;
import org.weiquan.api.common.District;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.OrganisationId;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationAreasTest {
    private final OrganisationAreas suzhou = OrganisationAreas.cityFederation();

    @Test
    void the_city_federation_covers_every_district_and_a_district_federation_its_own() {
        assertThat(suzhou.areaOf(new OrganisationId("szftu"))).containsExactlyInAnyOrder(District.values());
        assertThat(suzhou.areaOf(new OrganisationId("szftu/gusu"))).containsExactly(District.GUSU);
        assertThat(suzhou.areaOf(new OrganisationId("szftu/kunshan"))).containsExactly(District.KUNSHAN);
    }

    @Test
    void an_organisation_without_an_entry_works_where_its_nearest_ancestor_does() {
        assertThat(suzhou.areaOf(new OrganisationId("szftu/gusu/pingjiang"))).containsExactly(District.GUSU);
        assertThat(suzhou.areaOf(new OrganisationId("szftu/kunshan/zhoushi/workshop"))).containsExactly(District.KUNSHAN);
        assertThat(suzhou.areaOf(new OrganisationId("another-federation"))).isEmpty();
    }

    @Test
    void a_district_outside_the_area_is_refused_naming_the_field_and_one_inside_is_not() {
        assertThatThrownBy(() -> suzhou.requireWithinArea(new OrganisationId("szftu/kunshan"), District.GUSU))
                .isInstanceOfSatisfying(InvalidCaseDataException.class, e -> {
                    assertThat(e.code()).isEqualTo("case.district-outside-organisation");
                    assertThat(e.field()).isEqualTo("district");
                });
        assertThatCode(() -> suzhou.requireWithinArea(new OrganisationId("szftu/kunshan/zhoushi"), District.KUNSHAN))
                .doesNotThrowAnyException();
        assertThatCode(() -> suzhou.requireWithinArea(new OrganisationId("szftu"), District.TAICANG))
                .doesNotThrowAnyException();
    }

    @Test
    void a_configured_entry_below_overrides_its_parent() {
        OrganisationAreas areas = new OrganisationAreas(Map.of("szftu", EnumSet.allOf(District.class),
                "szftu/sip", EnumSet.of(District.SIP, District.WUZHONG)));
        assertThat(areas.areaOf(new OrganisationId("szftu/sip/dushu-lake"))).containsExactlyInAnyOrder(District.SIP, District.WUZHONG);
        assertThatThrownBy(() -> areas.requireWithinArea(new OrganisationId("szftu/sip"), District.GUSU))
                .isInstanceOf(InvalidCaseDataException.class);
    }
}
