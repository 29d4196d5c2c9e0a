package org.weiquan.app.casefile;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.command.common.OrganisationAreas;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationAreasConfigTest {

    @Test
    void configured_areas_are_read_with_bracketed_keys_lists_and_all() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("weiquan.organisation-areas.[szftu]", "ALL")
                .withProperty("weiquan.organisation-areas.[szftu/sip]", "SIP, WUZHONG");
        OrganisationAreas areas = new OrganisationAreasConfig().organisationAreas(environment);

        assertThat(areas.areaOf(new OrganisationId("szftu"))).containsExactlyInAnyOrder(District.values());
        assertThat(areas.areaOf(new OrganisationId("szftu/sip/dushu-lake")))
                .containsExactlyInAnyOrder(District.SIP, District.WUZHONG);
        assertThat(areas.areaOf(new OrganisationId("szftu/gusu"))).as("the parent's: ALL").hasSize(10);
    }

    @Test
    void without_configuration_the_city_and_district_federations_of_suzhou_apply() {
        OrganisationAreas areas = new OrganisationAreasConfig().organisationAreas(new MockEnvironment());
        assertThat(areas.areaOf(new OrganisationId("szftu/kunshan"))).containsExactly(District.KUNSHAN);
    }
}
