package org.weiquan.app.hazard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;

import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Hazards.SHA256_PHOTO;
import static org.weiquan.app.support.Hazards.path;
import static org.weiquan.app.support.Problems.assertProblem;
import static org.weiquan.app.support.Problems.errorFields;

/**
 * Every class of error is problem+json with a stable {@code code}, and a refused command stores
 * nothing: the event log and the case registry have as many rows after it as before.
 */
class HazardErrorsHttpTest extends HazardHttpTest {

    /** A general hazard of officer.li (szftu/gusu) with a notice out: at version 1. */
    private String rectifying;

    @BeforeEach
    void aHazardUnderNotice() {
        rectifying = reportHazardId(Hazards.report());
        advance(rectifying, "rectification-notice", Hazards.notice(10, 30), 0);
    }

    @Test
    void a_report_with_invalid_fields_is_refused_with_400_and_a_message_for_each_field() {
        ObjectNode body = Hazards.report();
        ((ObjectNode) body.get("employer")).put("creditCode", "91320508MA1H2N3D40"); // too long
        body.put("location", " ");
        body.put("foundOn", Disputes.today().plusDays(1).toString());
        body.remove("severity");

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Hazards.PATH, body), 400,
                "validation-failed");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("employer.creditCode", "location", "foundOn",
                "severity");
    }

    @Test
    void a_report_without_the_employer_s_credit_code_is_refused() {
        ObjectNode body = Hazards.report();
        ((ObjectNode) body.get("employer")).remove("creditCode");

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Hazards.PATH, body), 400,
                "validation-failed");

        assertThat(errorFields(problem)).containsExactly("employer.creditCode");
    }

    @Test
    void a_report_naming_its_own_inspector_is_refused_because_the_inspector_is_who_signs_in() {
        ObjectNode body = Hazards.report().put("inspector", "officer.chen");

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Hazards.PATH, body), 400,
                "validation-failed");

        assertThat(errorFields(problem)).containsExactly("inspector");
    }

    @Test
    void an_unknown_severity_is_refused_naming_the_severities_there_are() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Hazards.PATH,
                Hazards.report().put("severity", "CRITICAL")), 400, "validation-failed");

        assertThat(errorFields(problem)).containsExactly("severity");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("GENERAL").contains("MAJOR");
    }

    @Test
    void a_notice_whose_deadline_is_not_after_its_date_is_refused_by_the_case_with_400_naming_the_field() {
        String reported = reportHazardId(Hazards.report());

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(reported, "rectification-notice"), Hazards.notice(3, -3)), 400,
                "hazard.deadline-not-after-notice");

        assertThat(errorFields(problem)).containsExactly("deadline");
    }

    @Test
    void evidence_without_a_proper_hash_or_with_none_at_all_is_refused() {
        JsonNode badHash = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(rectifying, "rectification"), Hazards.rectification(1, "not-a-hash")), 400,
                "validation-failed");
        assertThat(errorFields(badHash)).containsExactly("evidence[0].sha256");

        JsonNode none = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(rectifying, "rectification"), Hazards.rectification(1)), 400, "validation-failed");
        assertThat(errorFields(none)).containsExactly("evidence");

        JsonNode twice = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                        .post(path(rectifying, "rectification"), Hazards.rectification(1, SHA256_PHOTO, SHA256_PHOTO)),
                400, "hazard.duplicate-evidence");
        assertThat(errorFields(twice)).containsExactly("evidence[1].sha256");

        ObjectNode badType = Hazards.rectification(1, SHA256_PHOTO);
        ((ObjectNode) badType.withArray("evidence").get(0)).put("mediaType", "jpeg");
        JsonNode type = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(rectifying, "rectification"), badType), 400, "hazard.invalid-evidence");
        assertThat(errorFields(type)).containsExactly("evidence[0].mediaType");
    }

    @Test
    void a_failed_verification_without_a_new_deadline_and_a_passed_one_with_a_new_deadline_are_refused() {
        advance(rectifying, "rectification", Hazards.rectification(2, SHA256_PHOTO), 1);

        ObjectNode failedWithoutDeadline = Hazards.failed(1, 20);
        failedWithoutDeadline.remove("newDeadline");
        JsonNode missing = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(2)
                .post(path(rectifying, "verification"), failedWithoutDeadline), 400, "hazard.missing-field");
        assertThat(errorFields(missing)).containsExactly("newDeadline");

        ObjectNode passedWithDeadline = Hazards.passed(1).put("newDeadline", Disputes.today().plusDays(9).toString());
        JsonNode unexpected = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(2)
                .post(path(rectifying, "verification"), passedWithDeadline), 400, "hazard.unexpected-field");
        assertThat(errorFields(unexpected)).containsExactly("newDeadline");
    }

    @Test
    void an_unknown_hazard_answers_404_for_its_detail_its_history_and_its_transitions() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(api.as(OFFICER_LI).get(path(unknown)), 404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get(path(unknown) + "/history"), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(path(unknown, "rectification-notice"),
                Hazards.notice(1, 10)), 404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get(path("not-a-hazard-id")), 404, "case-not-found");
    }

    @Test
    void a_dispute_is_not_a_hazard_and_answers_404_at_the_hazard_path() {
        String disputeId = file(Disputes.filing()).path("disputeId").asText();

        assertProblem(api.as(OFFICER_LI).get(path(disputeId)), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(path(disputeId, "evacuation-recommendations"),
                Hazards.evacuation(1)), 404, "case-not-found");
    }

    @Test
    void a_hazard_of_another_organisation_answers_404_exactly_like_an_unknown_one() {
        JsonNode problem = assertProblem(api.as(OFFICER_CHEN).get(path(rectifying)), 404, "case-not-found");
        JsonNode unknown = api.as(OFFICER_CHEN).get(path(UUID.randomUUID().toString())).json();
        assertThat(problem.path("detail")).isEqualTo(unknown.path("detail"));

        assertProblem(api.as(OFFICER_CHEN).get(path(rectifying) + "/history"), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_CHEN).ifMatch(1).post(path(rectifying, "evacuation-recommendations"),
                Hazards.evacuation(1)), 404, "case-not-found");
    }

    @Test
    void transitions_the_case_is_not_ready_for_are_refused_with_409_and_store_nothing() {
        JsonNode notSubmitted = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(rectifying, "verification"), Hazards.passed(1)), 409, "hazard.illegal-transition");
        assertThat(notSubmitted.path("detail").asText()).contains("RECTIFYING");

        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(rectifying, "major-hazard-reports"),
                Hazards.majorReport("WORK_SAFETY_AUTHORITY", 1)), 409, "hazard.not-major");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(rectifying, "closure"),
                Hazards.closure("WITHDRAWN_AS_MISTAKEN", 1, "误报")), 409, "hazard.cannot-close");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(rectifying, "closure"),
                Hazards.closure("RECTIFIED", 1, null)), 409, "hazard.not-verified");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(rectifying, "rectification-notice"),
                Hazards.notice(1, 10)), 409, "hazard.illegal-transition");
    }

    @Test
    void a_verified_major_hazard_is_not_closed_before_both_reports_are_recorded() {
        String major = reportHazardId(Hazards.report("MAJOR", Hazards.OTHER_CREDIT_CODE));
        advance(major, "rectification-notice", Hazards.notice(10, 30), 0);
        advance(major, "rectification", Hazards.rectification(3, SHA256_PHOTO), 1);
        advance(major, "verification", Hazards.passed(2), 2);
        advance(major, "major-hazard-reports", Hazards.majorReport("WORK_SAFETY_AUTHORITY", 2), 3);

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(4).post(path(major, "closure"),
                Hazards.closure("RECTIFIED", 1, null)), 409, "hazard.reports-missing");
        assertThat(problem.path("detail").asText()).contains("WORKERS_CONGRESS").doesNotContain("WORK_SAFETY_AUTHORITY");

        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(4).post(path(major, "major-hazard-reports"),
                Hazards.majorReport("WORK_SAFETY_AUTHORITY", 1)), 409, "hazard.already-reported");
        advance(major, "major-hazard-reports", Hazards.majorReport("WORKERS_CONGRESS", 1), 4);
        advance(major, "closure", Hazards.closure("RECTIFIED", 0, null), 5);
    }

    @Test
    void a_closure_without_rectification_needs_a_note() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(rectifying, "closure"),
                Hazards.closure("EMPLOYER_CEASED_OPERATIONS", 0, null)), 400, "hazard.missing-field");
        assertThat(errorFields(problem)).containsExactly("note");

        advance(rectifying, "closure", Hazards.closure("EMPLOYER_CEASED_OPERATIONS", 0, "营业执照已注销"), 1);
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(2).post(path(rectifying, "closure"),
                Hazards.closure("EMPLOYER_CEASED_OPERATIONS", 0, "again")), 409, "hazard.already-closed");
    }

    @Test
    void a_transition_on_a_stale_version_is_refused_with_409_stale_version_and_stores_nothing() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(rectifying, "employer-answer"), Hazards.answer(2)), 409, "stale-version");
        assertThat(problem.path("detail").asText()).contains("0").contains("1");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).header("If-Match", "\"latest\"")
                .post(path(rectifying, "employer-answer"), Hazards.answer(2)), 400, "malformed-if-match");

        ApiResponse current = api.as(OFFICER_LI).ifMatch(1).post(path(rectifying, "employer-answer"), Hazards.answer(2));
        assertThat(current.status()).as("%s", current).isEqualTo(200);
        assertThat(current.etagVersion()).isEqualTo(2);
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(2).post(path(rectifying, "employer-answer"),
                Hazards.answer(1)), 409, "hazard.already-answered");
    }

    @Test
    void an_analyst_may_not_read_a_hazard_s_detail_or_history_and_gets_403() {
        assertProblem(api.as(ANALYST_ZHAO).get(path(rectifying)), 403, "forbidden");
        assertProblem(api.as(ANALYST_ZHAO).get(path(rectifying) + "/history"), 403, "forbidden");
        assertThat(api.as(ANALYST_ZHAO).get(Hazards.PATH).status()).as("the list is theirs to read").isEqualTo(200);
    }

    @Test
    void a_supervisor_reads_but_may_not_report_or_advance_a_hazard() {
        assertThat(awaitHazard(SUPERVISOR_WANG, rectifying, 1).json().path("status").asText()).isEqualTo("RECTIFYING");
        refusedWithoutStoring(() -> api.as(SUPERVISOR_WANG).ifMatch(1).post(path(rectifying, "evacuation-recommendations"),
                Hazards.evacuation(1)), 403, "forbidden");
        refusedWithoutStoring(() -> api.as(SUPERVISOR_WANG).post(Hazards.PATH, Hazards.report()), 403, "forbidden");
    }

    @Test
    void list_parameters_out_of_range_are_refused_with_400_naming_the_parameter() {
        JsonNode size = assertProblem(api.as(OFFICER_LI).get(Hazards.PATH + "?size=500"), 400, "validation-failed");
        assertThat(errorFields(size)).containsExactly("size");
        JsonNode severity = assertProblem(api.as(OFFICER_LI).get(Hazards.PATH + "?severity=HUGE"), 400,
                "validation-failed");
        assertThat(errorFields(severity)).containsExactly("severity");
    }

    /** The call is refused with this problem, and the event log and registry are unchanged by it. */
    @Test
    void a_stale_if_match_is_refused_as_stale_version_before_the_hazard_decides() {
        String reported = reportHazardId(Hazards.report());
        advance(reported, "rectification-notice", Hazards.notice(3, 30), 0);

        // a second notice is illegal now, but the client's version is what is wrong: it must reload
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(reported, "rectification-notice"), Hazards.notice(3, 30)), 409, "stale-version");
    }

    private JsonNode refusedWithoutStoring(Supplier<ApiResponse> call, int status, String code) {
        long eventsBefore = storedEvents();
        long casesBefore = registeredCases();
        JsonNode problem = assertProblem(call.get(), status, code);
        assertThat(storedEvents()).as("events stored by a refused request").isEqualTo(eventsBefore);
        assertThat(registeredCases()).as("cases registered by a refused request").isEqualTo(casesBefore);
        return problem;
    }
}
