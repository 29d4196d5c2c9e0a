package org.weiquan.app.petition;

import org.weiquan.app.support.Petitions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.Petitions.path;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * Whistleblower material is never shown to the accused party (《信访工作条例》§30). The accused party is
 * the accused organisation and every organisation below it. A street union (szftu/gusu/pingjiang)
 * receives a report against the district federation above it (szftu/gusu): the district's officer
 * officer.li, and the street union's own officer, see the case (it is theirs) but not the
 * whistleblower's material or identity, and no history of it, neither at the petition's own history
 * nor at the cross-kind one. The city federation's supervisor sees it all. A report against a unit
 * below the case's organisation is not even visible to that unit.
 */
class PetitionWhistleblowerHttpTest extends PetitionHttpTest {
    private static final String PINGJIANG = "officer.pingjiang";
    private static final String PINGJIANG_PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private static final String ACCUSED = "szftu/gusu";
    private static final String WHISTLEBLOWER_NAME = "赵举报";

    /**
     * The demo users as in application.yml (a property source replaces a configured list as a whole)
     * plus a street-union officer; passwords are hashed here, with bcrypt's lowest cost for speed.
     */
    @DynamicPropertySource
    static void usersWithAStreetUnionOfficer(DynamicPropertyRegistry registry) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        List<String[]> users = List.of(
                new String[]{OFFICER_LI, "officer-demo", "OFFICER", "szftu/gusu"},
                new String[]{OFFICER_CHEN, "officer-demo", "OFFICER", "szftu/kunshan"},
                new String[]{SUPERVISOR_WANG, "supervisor-demo", "SUPERVISOR", "szftu"},
                new String[]{ApiClient.ANALYST_ZHAO, "analyst-demo", "ANALYST", "szftu"},
                new String[]{ApiClient.ADMIN, "admin-demo", "ADMIN", "szftu"},
                new String[]{PINGJIANG, PINGJIANG_PASSWORD, "OFFICER", "szftu/gusu/pingjiang"});
        for (int i = 0; i < users.size(); i++) {
            String[] user = users.get(i);
            String prefix = "weiquan.security.users[" + i + "].";
            String hash = "{bcrypt}" + bcrypt.encode(user[1]);
            registry.add(prefix + "username", () -> user[0]);
            registry.add(prefix + "password-hash", () -> hash);
            registry.add(prefix + "role", () -> user[2]);
            registry.add(prefix + "organisation", () -> user[3]);
        }
    }

    @Override
    protected ApiClient.Call as(String user) {
        return PINGJIANG.equals(user) ? api.as(user).password(PINGJIANG_PASSWORD) : api.as(user);
    }

    private String report;
    private String reportNumber;

    /** A whistleblower's report against szftu/gusu with one marked and one plain material, at version 2. */
    @BeforeEach
    void aReportAgainstTheDistrictFederation() {
        ObjectNode body = Petitions.letter(700).put("accusedOrganisation", ACCUSED).put("whistleblower", true)
                .put("channel", "ONLINE");
        ((ObjectNode) body.withArray("petitioners").get(0)).put("name", WHISTLEBLOWER_NAME);
        body.putArray("materials").add(Petitions.material("工资表.pdf", Petitions.PLAIN_SHA, false))
                .add(Petitions.material("内部会议记录.pdf", Petitions.WHISTLEBLOWER_SHA, true));
        JsonNode received = receiveAs(PINGJIANG, body);
        report = received.path("petitionId").asText();
        reportNumber = received.path("caseNumber").asText();
        awaitPetition(PINGJIANG, report, 2);
    }

    @Test
    void the_city_federation_above_the_accused_sees_the_whole_report() {
        JsonNode detail = awaitPetition(SUPERVISOR_WANG, report, 2).json();
        assertThat(detail.path("petitioners").get(0).path("name").asText()).isEqualTo(WHISTLEBLOWER_NAME);
        assertThat(detail.path("materials").findValuesAsText("sha256"))
                .containsExactly(Petitions.PLAIN_SHA, Petitions.WHISTLEBLOWER_SHA);
        JsonNode history = awaitPetitionHistory(SUPERVISOR_WANG, report, 3);
        assertThat(history.toString()).contains(WHISTLEBLOWER_NAME).contains(Petitions.WHISTLEBLOWER_SHA);
    }

    @Test
    void the_receiving_street_union_below_the_accused_sees_its_case_withheld_too_and_still_works_it() {
        ApiResponse response = awaitPetition(PINGJIANG, report, 2);
        assertThat(response.json().path("petitioners")).isEmpty();
        assertThat(response.json().path("materials").findValuesAsText("sha256")).containsExactly(Petitions.PLAIN_SHA);
        assertThat(response.body()).doesNotContain(WHISTLEBLOWER_NAME).doesNotContain(Petitions.WHISTLEBLOWER_SHA);
        assertProblem(as(PINGJIANG).get(path(report) + "/history"), 403, "petition.history-withheld");

        ApiResponse registered = as(PINGJIANG).ifMatch(2).post(path(report, "registration"),
                Petitions.registration().put("subject", "OFFICIALS_CONDUCT"));
        assertThat(registered.status()).as("%s", registered).isEqualTo(200);
        assertThat(awaitPetition(SUPERVISOR_WANG, report, 3).json().path("subject").asText())
                .isEqualTo("OFFICIALS_CONDUCT");
    }

    @Test
    void the_accused_federation_sees_the_report_without_the_whistleblower_or_the_marked_material() {
        ApiResponse response = awaitPetition(OFFICER_LI, report, 2);
        JsonNode detail = response.json();

        assertThat(detail.path("caseNumber").asText()).isEqualTo(reportNumber);
        assertThat(detail.path("whistleblower").asBoolean()).isTrue();
        assertThat(detail.path("accusedOrganisation").asText()).isEqualTo(ACCUSED);
        assertThat(detail.path("petitioners")).isEmpty();
        assertThat(detail.path("materials").findValuesAsText("sha256")).containsExactly(Petitions.PLAIN_SHA);
        assertThat(response.body()).doesNotContain(WHISTLEBLOWER_NAME).doesNotContain(Petitions.idNumber(700))
                .doesNotContain(Petitions.WHISTLEBLOWER_SHA).doesNotContain("内部会议记录");
        assertThat(response.etagVersion()).as("the version is still the case's").isEqualTo(2);
    }

    @Test
    void the_accused_federation_is_refused_the_history_at_the_petition_and_at_the_cross_kind_endpoint() {
        awaitPetitionHistory(SUPERVISOR_WANG, report, 3);

        for (String ref : List.of(path(report) + "/history", "/api/cases/" + report + "/history",
                "/api/cases/" + reportNumber + "/history", "/api/cases/" + reportNumber.toLowerCase() + "/history")) {
            ApiResponse refused = api.as(OFFICER_LI).get(ref);
            JsonNode problem = assertProblem(refused, 403, "petition.history-withheld");
            assertThat(problem.path("detail").asText()).as(ref).contains(reportNumber).contains("§30");
            assertThat(refused.body()).as(ref).doesNotContain(WHISTLEBLOWER_NAME)
                    .doesNotContain(Petitions.WHISTLEBLOWER_SHA);
        }
        assertThat(api.as(SUPERVISOR_WANG).get("/api/cases/" + reportNumber + "/history").status())
                .as("the city federation reads it at the cross-kind endpoint too").isEqualTo(200);
    }

    @Test
    void an_organisation_outside_the_case_gets_404_not_403() {
        assertProblem(api.as(OFFICER_CHEN).get(path(report)), 404, "case-not-found");
        assertProblem(api.as(OFFICER_CHEN).get(path(report) + "/history"), 404, "case-not-found");
        assertProblem(api.as(OFFICER_CHEN).get("/api/cases/" + reportNumber + "/history"), 404, "case-not-found");
    }

    @Test
    void the_accused_federation_s_list_names_nobody_for_the_report() {
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(row(OFFICER_LI, report)).isNotNull());
        JsonNode row = row(OFFICER_LI, report);
        assertThat(row.path("whistleblower").asBoolean()).isTrue();
        assertThat(row.path("leadPetitionerMasked").isNull()).isTrue();
        assertThat(row.toString()).doesNotContain("赵");
    }

    @Test
    void another_filing_naming_the_whistleblower_does_not_learn_of_the_report() {
        ObjectNode probe = Petitions.letter(700);
        probe.remove("employer");
        ApiResponse filed = api.as(OFFICER_LI).post(Petitions.PATH, probe);
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        assertThat(filed.json().path("possibleDuplicates").findValuesAsText("caseNumber")).doesNotContain(reportNumber);
    }

    @Test
    void material_marked_later_is_withheld_from_the_accused_from_then_on_and_an_ordinary_petition_keeps_its_petitioners() {
        ObjectNode complaint = Petitions.letter(701).put("accusedOrganisation", ACCUSED);
        complaint.putArray("materials").add(Petitions.material("投诉信.pdf", Petitions.PLAIN_SHA, false));
        String id = receiveAs(PINGJIANG, complaint).path("petitionId").asText();

        JsonNode before = awaitPetition(OFFICER_LI, id, 1).json();
        assertThat(before.path("petitioners").get(0).path("idNumber").asText()).isEqualTo(Petitions.idNumber(701));
        assertThat(before.path("materials")).hasSize(1);

        ApiResponse marked = as(PINGJIANG).ifMatch(1).post(path(id, "materials/1/whistleblower-mark"), "");
        assertThat(marked.status()).as("%s", marked).isEqualTo(200);
        JsonNode after = awaitPetition(OFFICER_LI, id, 2).json();
        assertThat(after.path("materials")).isEmpty();
        assertThat(after.path("petitioners")).hasSize(1);
        assertThat(awaitPetition(SUPERVISOR_WANG, id, 2).json().path("materials").get(0).path("whistleblower")
                .asBoolean()).isTrue();
        assertProblem(api.as(OFFICER_LI).get(path(id) + "/history"), 403, "petition.history-withheld");
    }

    @Test
    void a_report_against_a_unit_below_the_case_s_organisation_is_shown_in_full_above_it_and_not_at_all_to_the_unit() {
        ObjectNode body = Petitions.letter(702).put("accusedOrganisation", "szftu/gusu/pingjiang")
                .put("whistleblower", true);
        body.putArray("materials").add(Petitions.material("举报材料.pdf", Petitions.WHISTLEBLOWER_SHA, true));
        String id = receive(body).path("petitionId").asText();

        JsonNode detail = awaitPetition(OFFICER_LI, id, 1).json();
        assertThat(detail.path("petitioners")).hasSize(1);
        assertThat(detail.path("materials").findValuesAsText("sha256")).containsExactly(Petitions.WHISTLEBLOWER_SHA);
        assertThat(awaitPetitionHistory(OFFICER_LI, id, 2)).hasSize(2);

        assertProblem(as(PINGJIANG).get(path(id)), 404, "case-not-found");
        assertProblem(as(PINGJIANG).get(path(id) + "/history"), 404, "case-not-found");
        assertThat(as(PINGJIANG).get(Petitions.PATH + "?size=200").body()).doesNotContain(id);
    }

    private JsonNode row(String user, String id) {
        for (JsonNode item : as(user).get(Petitions.PATH + "?size=200").json().path("items")) {
            if (item.path("petitionId").asText().equals(id)) return item;
        }
        return null;
    }
}
