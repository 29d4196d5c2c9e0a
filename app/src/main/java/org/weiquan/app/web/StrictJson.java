package org.weiquan.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Request bodies are read as they are written, never coerced: a number or a boolean is not a text,
 * a text is not a number or a boolean, an enum is its exact name (not its ordinal, not another
 * case), and a text is well-formed Unicode (no lone UTF-16 surrogate, which no database or export
 * can hold faithfully), and a date is not before {@code weiquan.input.earliest-date}. Each refusal
 * is a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    /**
     * {@code earliest}: no date before it is taken from a request (a mistyped year, 1026 for 2026,
     * would otherwise count a limitation period or a deadline from it).
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput(
            @Value("${weiquan.input.earliest-date:1950-01-01}") LocalDate earliest) {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .modulesToInstall(new SimpleModule("read-as-written")
                        .addDeserializer(String.class, new WellFormedText())
                        .addDeserializer(LocalDate.class, new NotBefore(earliest))
                        .setDeserializerModifier(new BeanDeserializerModifier() {
                            @Override
                            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                              BeanDescription description,
                                                                              JsonDeserializer<?> deserializer) {
                                return new ExactEnumName(deserializer);
                            }
                        }))
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Enum)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                        mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    }
                });
    }

    /** Jackson trims an enum's name before it looks it up: a padded name is refused here first. */
    static final class ExactEnumName extends DelegatingDeserializer {
        ExactEnumName(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnumName(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String name = parser.getText();
                if (!name.equals(name.strip())) {
                    return context.handleWeirdStringValue(handledType(), name, "is padded with spaces");
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** Jackson's own date reading, then a refusal of a date before the earliest accepted. */
    static final class NotBefore extends StdScalarDeserializer<LocalDate> {
        private final LocalDate earliest;

        NotBefore(LocalDate earliest) {
            super(LocalDate.class);
            this.earliest = earliest;
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (date != null && date.isBefore(earliest)) {
                throw new DateBeforeEarliestException(parser, date, earliest);
            }
            return date;
        }
    }

    /** A date before the earliest a request may give. */
    public static final class DateBeforeEarliestException extends InvalidFormatException {
        private final LocalDate earliest;

        DateBeforeEarliestException(JsonParser parser, LocalDate date, LocalDate earliest) {
            super(parser, date + " is before " + earliest, date.toString(), LocalDate.class);
            this.earliest = earliest;
        }

        public LocalDate earliest() {
            return earliest;
        }
    }

    /** Jackson's own text reading, then a refusal of unpaired surrogates. */
    static final class WellFormedText extends StdScalarDeserializer<String> {
        WellFormedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !wellFormed(text)) {
                return (String) context.handleWeirdStringValue(String.class, text,
                        "is not well-formed Unicode (a lone UTF-16 surrogate)");
            }
            return text;
        }

        static boolean wellFormed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
