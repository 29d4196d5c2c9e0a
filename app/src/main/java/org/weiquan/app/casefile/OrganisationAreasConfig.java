package org.weiquan.app.casefile;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.weiquan.api.common.District;
import org.weiquan.command.common.OrganisationAreas;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The districts each organisation files cases in: {@code weiquan.organisation-areas} (organisation
 * to districts, {@code ALL} for every one), or Suzhou's city and district federations when it is not set.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationAreasConfig {

    @Bean
    OrganisationAreas organisationAreas(Environment environment) {
        // keys with a slash are written in brackets: weiquan.organisation-areas.[szftu/gusu]: GUSU
        Map<String, String> configured = Binder.get(environment)
                .bind("weiquan.organisation-areas", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        if (configured.isEmpty()) return OrganisationAreas.cityFederation();
        Map<String, Set<District>> areas = new LinkedHashMap<>();
        configured.forEach((organisation, districts) -> {
            EnumSet<District> area = EnumSet.noneOf(District.class);
            for (String district : districts.strip().split("\\s*,\\s*")) {
                if (district.equals("ALL")) area.addAll(EnumSet.allOf(District.class));
                else area.add(District.valueOf(district));
            }
            areas.put(organisation, area);
        });
        return new OrganisationAreas(areas);
    }
}
