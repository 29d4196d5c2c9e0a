package org.weiquan.app.legalaid;

import org.weiquan.app.support.LegalAidCases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.LegalAidCases.path;
import static org.weiquan.app.support.LegalAidCases.today;
import static org.weiquan.app.support.ApiClient.ADMIN;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;
import static org.weiquan.app.support.Problems.errorFields;

/**
 * Every class of error on legal-aid cases is problem+json with a stable {@code code}, and a refused
 * command stores nothing: the event log has as many rows after it as before.
 */
class LegalAidErrorsHttpTest extends LegalAidHttpTest {
    private static int applicants = 100;

    /** A case of officer.li (szftu/gusu), applied for and approved: at version 1. */
    private String approved;

    @BeforeEach
    void anApprovedCase() {
        approved = applied(LegalAidCases.application(applicants++));
        advance(approved, "approval", LegalAidCases.approval(true), 0);
    }

    @Test
    void an_application_with_invalid_fields_is_refused_with_400_and_a_message_for_each_field() {
        ObjectNode body = LegalAidCases.application(applicants++);
        ((ObjectNode) body.get("applicant")).put("idNumber", "320502198801010010"); // wrong check character
        body.put("matter", "  ");
        body.put("appliedOn", today().plusDays(1).toString());
        body.remove("migrantWorker");

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(LegalAidCases.PATH, body),
                400, "validation-failed");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("applicant.idNumber", "matter", "appliedOn",
                "migrantWorker");
    }

    @Test
    void an_unknown_matter_category_is_refused_with_400_naming_the_categories_there_are() {
        ObjectNode body = LegalAidCases.application(applicants++).put("matterCategory", "DIVORCE");
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(LegalAidCases.PATH, body),
                400, "validation-failed");
        assertThat(errorFields(problem)).containsExactly("matterCategory");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("WORK_INJURY");
    }

    @Test
    void a_claim_that_the_applicant_is_exempt_from_the_means_test_is_not_a_field_of_the_application() {
        ObjectNode body = LegalAidCases.application(applicants++).put("meansTestExempt", true);
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(LegalAidCases.PATH, body),
                400, "validation-failed");
        assertThat(errorFields(problem)).containsExactly("meansTestExempt");
    }

    @Test
    void a_lawyer_who_is_not_on_the_panel_is_refused_with_400_naming_the_field() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(approved, "lawyer"), LegalAidCases.lawyer("lawyer.nobody")), 400, "validation-failed");
        assertThat(errorFields(problem)).containsExactly("lawyerId");
        assertThat(problem.path("detail").asText()).contains("lawyer.nobody");
    }

    @Test
    void a_lawyer_the_administrator_deactivated_is_refused_and_an_active_one_is_assigned() {
        ObjectNode inactive = JsonNodeFactory.instance.objectNode()
                .put("name", "郑律师").put("lawFirm", "江苏示例律师事务所").put("active", false);
        ApiResponse put = putLawyerAsAdmin("lawyer.zheng", inactive);
        assertThat(put.status()).as("%s", put).isEqualTo(200);

        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(approved, "lawyer"),
                LegalAidCases.lawyer("lawyer.zheng")), 400, "validation-failed");
        ApiResponse assigned = advance(approved, "lawyer", LegalAidCases.lawyer("lawyer.wu"), 1);
        assertThat(assigned.etagVersion()).isEqualTo(2);
    }

    @Test
    void the_lawyer_check_of_a_case_the_officer_may_not_see_answers_404_not_400() {
        refusedWithoutStoring(() -> api.as(OFFICER_CHEN).ifMatch(1).post(path(approved, "lawyer"),
                LegalAidCases.lawyer("lawyer.nobody")), 404, "case-not-found");
    }

    @Test
    void urgent_aid_with_seven_or_more_days_to_the_deadline_is_refused_with_400_on_the_deadline() {
        String id = applied(LegalAidCases.application(applicants++));
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(id, "urgent-aid"), LegalAidCases.urgentAid(7)), 400, "legal-aid.not-urgent");
        assertThat(errorFields(problem)).containsExactly("deadlineOn");
        assertThat(problem.path("detail").asText()).contains("7 days remain").contains("§44");

        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(id, "urgent-aid"), LegalAidCases.urgentAid(-1)), 400, "legal-aid.deadline-passed");
        assertThat(advance(id, "urgent-aid", LegalAidCases.urgentAid(6), 0).etagVersion()).isEqualTo(1);
    }

    @Test
    void approving_an_applicant_who_is_not_exempt_without_a_means_test_is_refused_with_400() {
        String id = applied(LegalAidCases.application(applicants++));
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(id, "approval"), LegalAidCases.approval(false)), 400, "legal-aid.means-test-required");
        assertThat(errorFields(problem)).containsExactly("meansTest");

        ObjectNode noHardship = LegalAidCases.approval(true);
        ((ObjectNode) noHardship.get("meansTest")).put("hardshipEstablished", false);
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0).post(path(id, "approval"), noHardship),
                400, "legal-aid.means-test-not-met");
    }

    @Test
    void a_materials_notice_without_items_is_refused_with_400() {
        String id = applied(LegalAidCases.application(applicants++));
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(id, "materials-request"), LegalAidCases.materialsRequest()), 400, "validation-failed");
        assertThat(errorFields(problem)).containsExactly("items");
    }

    @Test
    void a_second_materials_notice_is_refused_with_409_and_stores_nothing() {
        String id = applied(LegalAidCases.application(applicants++));
        advance(id, "materials-request", LegalAidCases.materialsRequest("工资条"), 0);
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                        .post(path(id, "materials-request"), LegalAidCases.materialsRequest("身份证复印件")),
                409, "legal-aid.materials-already-requested");
        assertThat(problem.path("detail").asText()).contains("one notice");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(id, "approval"), LegalAidCases.approval(true)), 409, "legal-aid.awaiting-materials");
    }

    @Test
    void transitions_out_of_order_are_refused_with_409_and_store_nothing() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(approved, "outcome"), LegalAidCases.outcome("WON", "100.00")), 409,
                "legal-aid.illegal-transition");
        assertThat(problem.path("detail").asText()).contains("APPROVED");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(approved, "closure"),
                LegalAidCases.closure("COMPLETED")), 409, "legal-aid.cannot-close");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(approved, "objection"),
                LegalAidCases.objection()), 409, "legal-aid.illegal-transition");
    }

    @Test
    void a_transition_on_a_stale_version_is_refused_with_409_stale_version_and_stores_nothing() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(approved, "lawyer"), LegalAidCases.lawyer("lawyer.zhou")), 409, "stale-version");
        assertThat(problem.path("detail").asText()).contains("0").contains("1");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).header("If-Match", "\"newest\"")
                .post(path(approved, "lawyer"), LegalAidCases.lawyer("lawyer.zhou")), 400, "malformed-if-match");

        assertThat(advance(approved, "lawyer", LegalAidCases.lawyer("lawyer.zhou"), 1).etagVersion()).isEqualTo(2);
    }

    @Test
    void an_unknown_case_answers_404_for_its_detail_its_history_and_its_transitions() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(api.as(OFFICER_LI).get(path(unknown)), 404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get(path(unknown) + "/history"), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(path(unknown, "rejection"), LegalAidCases.rejection()),
                404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get(path("not-a-case-id")), 404, "case-not-found");
    }

    @Test
    void a_case_of_another_organisation_answers_404_exactly_like_an_unknown_one() {
        JsonNode problem = assertProblem(api.as(OFFICER_CHEN).get(path(approved)), 404, "case-not-found");
        JsonNode unknown = api.as(OFFICER_CHEN).get(path(UUID.randomUUID().toString())).json();
        assertThat(problem.path("detail")).isEqualTo(unknown.path("detail"));
        assertProblem(api.as(OFFICER_CHEN).get(path(approved) + "/history"), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_CHEN).ifMatch(1).post(path(approved, "closure"),
                LegalAidCases.closure("WITHDRAWN")), 404, "case-not-found");
    }

    @Test
    void a_dispute_s_id_is_not_a_legal_aid_case() {
        String dispute = file(Disputes.filing()).path("disputeId").asText();
        assertProblem(api.as(OFFICER_LI).get(path(dispute)), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(path(dispute, "rejection"), LegalAidCases.rejection()),
                404, "case-not-found");
    }

    @Test
    void an_analyst_may_not_read_a_legal_aid_detail_or_history_and_gets_403() {
        assertProblem(api.as(ANALYST_ZHAO).get(path(approved)), 403, "forbidden");
        assertProblem(api.as(ANALYST_ZHAO).get(path(approved) + "/history"), 403, "forbidden");
        assertThat(api.as(ANALYST_ZHAO).get(LegalAidCases.PATH).status()).as("the list is theirs to read")
                .isEqualTo(200);
    }

    @Test
    void a_supervisor_may_not_apply_or_advance_and_gets_403() {
        refusedWithoutStoring(() -> api.as(SUPERVISOR_WANG).post(LegalAidCases.PATH,
                LegalAidCases.application(applicants++)), 403, "forbidden");
        refusedWithoutStoring(() -> api.as(SUPERVISOR_WANG).ifMatch(1).post(path(approved, "lawyer"),
                LegalAidCases.lawyer("lawyer.zhou")), 403, "forbidden");
    }

    @Test
    void list_parameters_out_of_range_are_refused_with_400_naming_the_parameter() {
        JsonNode size = assertProblem(api.as(OFFICER_LI).get(LegalAidCases.PATH + "?size=201"), 400,
                "validation-failed");
        assertThat(errorFields(size)).containsExactly("size");
        JsonNode status = assertProblem(api.as(OFFICER_LI).get(LegalAidCases.PATH + "?status=DONE"), 400,
                "validation-failed");
        assertThat(errorFields(status)).containsExactly("status");
    }

    /** The administrator's PUT (the test client speaks GET and POST only). */
    private ApiResponse putLawyerAsAdmin(String lawyerId, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/lawyers/"
                        + lawyerId))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN + ":admin-demo").getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_stale_if_match_is_refused_as_stale_version_before_the_case_decides() {
        String id = applied(LegalAidCases.application(applicants++));
        assertThat(advance(id, "rejection", LegalAidCases.rejection(), 0).status()).isEqualTo(200);

        // approving a rejected case is illegal, but the client's version is what is wrong: it must reload
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(id, "approval"), LegalAidCases.approval(true)), 409, "stale-version");
    }
}
