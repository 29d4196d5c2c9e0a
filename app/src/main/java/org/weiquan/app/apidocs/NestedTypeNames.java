package org.weiquan.app.apidocs;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schema names in the API document that cannot collide: a record nested in another type is named
 * with it ({@code HazardRequests.Close}, {@code PetitionRequests.Close}), where the simple name
 * alone gave every kind's closure the schema of whichever was met first. Top-level types keep
 * their simple names, which are unique in the project.
 */
@Configuration(proxyBeanMethods = false)
class NestedTypeNames {

    @Bean
    ModelConverter nestedTypeNamesModelResolver() {
        return new ModelResolver(Json.mapper(), new EnclosingNames());
    }

    static final class EnclosingNames extends TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> type) {
            Class<?> enclosing = type.getEnclosingClass();
            return enclosing == null ? super.getNameOfClass(type) : getNameOfClass(enclosing) + "." + type.getSimpleName();
        }
    }
}
