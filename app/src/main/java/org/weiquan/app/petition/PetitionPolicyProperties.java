package org.weiquan.app.petition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The petition periods as configuration ({@code weiquan.petition.*}); the defaults are those of
 * 《信访工作条例》. Periods read as {@code "15 calendar-days"} or {@code "5 working-days"}.
 * {@code collective-visit-minimum}: a visit of at least this many is a collective visit (ADR 40).
 */
@ConfigurationProperties("weiquan.petition")
public record PetitionPolicyProperties(
        @DefaultValue("15 calendar-days") String assignment,
        @DefaultValue("15 calendar-days") String acceptanceNotice,
        @DefaultValue("5 working-days") String competenceObjection,
        @DefaultValue("60 calendar-days") String reply,
        @DefaultValue("30") int maxReplyExtensionDays,
        @DefaultValue("30 calendar-days") String reviewRequest,
        @DefaultValue("30 calendar-days") String reviewAnswer,
        @DefaultValue("30 calendar-days") String reexaminationRequest,
        @DefaultValue("30 calendar-days") String reexaminationAnswer,
        @DefaultValue("5") int collectiveVisitMinimum) {
}
