package org.weiquan.app.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;

/**
 * The four kinds of case together: one list and search, one history by number, links between kinds
 * recorded on both sides, and each kind as it stood at an instant.
 */
class CrossKindHttpTest extends HttpIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_petition_that_became_a_legal_aid_case_is_linked_on_both_sides_and_every_kind_is_listed_and_searchable() {
        String marker = "marker" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode dispute = filed("/api/disputes", Disputes.filing().put("claim", "欠薪 " + marker), "disputeId");
        JsonNode hazard = filed("/api/hazards", Hazards.report().put("description", "冲床 " + marker), "hazardId");
        JsonNode legalAid = filed("/api/legal-aid-cases", legalAidApplication(marker), "legalAidCaseId");
        JsonNode petition = filed("/api/petitions", petitionLetter(marker), "petitionId");

        await("all four kinds in one search").atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode page = api.as(OFFICER_LI).get("/api/cases?q=" + marker).json();
            List<String> kinds = new ArrayList<>();
            page.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
            assertThat(kinds).containsExactlyInAnyOrder("LABOUR_DISPUTE", "SAFETY_HAZARD", "LEGAL_AID", "PETITION");
        });
        assertThat(api.as(OFFICER_LI).get("/api/cases?kind=PETITION&q=" + marker).json().path("totalItems").asLong())
                .isEqualTo(1);

        ApiResponse link = api.as(OFFICER_LI).post("/api/cases/" + petition.path("caseNumber").asText() + "/links",
                Map.of("linkedCase", legalAid.path("caseNumber").asText(), "relation", "LED_TO",
                        "note", "信访人申请法律援助"));
        assertThat(link.status()).as("%s", link).isEqualTo(201);
        assertThat(link.json().path("kind").asText()).isEqualTo("LEGAL_AID");
        assertThat(link.json().path("detail").asText()).startsWith("/api/legal-aid-cases/");

        await("the link on both sides").atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode petitionDetail = api.as(OFFICER_LI).get("/api/petitions/" + petition.path("petitionId").asText()).json();
            JsonNode legalAidDetail = api.as(OFFICER_LI)
                    .get("/api/legal-aid-cases/" + legalAid.path("legalAidCaseId").asText()).json();
            assertThat(petitionDetail.path("links").path(0).path("linkedCaseNumber").asText())
                    .isEqualTo(legalAid.path("caseNumber").asText());
            assertThat(petitionDetail.path("links").path(0).path("relation").asText()).isEqualTo("LED_TO");
            assertThat(legalAidDetail.path("links").path(0).path("linkedKind").asText()).isEqualTo("PETITION");
            assertThat(legalAidDetail.path("links").path(0).path("relation").asText()).isEqualTo("AROSE_FROM");
        });

        for (JsonNode filed : List.of(dispute, hazard, legalAid, petition)) {
            String number = filed.path("caseNumber").asText();
            await("history of " + number).atMost(READ_SIDE).untilAsserted(() -> {
                JsonNode history = api.as(SUPERVISOR_WANG).get("/api/cases/" + number + "/history").json();
                assertThat(history.size()).as(number).isGreaterThanOrEqualTo(1);
                assertThat(history.path(0).path("summaryEn").asText()).as(number).contains(number);
                assertThat(history.path(0).path("actor").asText()).isEqualTo(OFFICER_LI);
            });
            JsonNode now = api.as(SUPERVISOR_WANG).get("/api/cases/" + number + "/as-of?at=" + Instant.now()).json();
            assertThat(now.path("caseNumber").asText()).as("as-of of %s", number).isEqualTo(number);
        }
    }

    private JsonNode filed(String path, ObjectNode body, String idField) {
        ApiResponse response = api.as(OFFICER_LI).post(path, body);
        assertThat(response.status()).as("%s %s", path, response).isEqualTo(201);
        assertThat(response.json().path(idField).asText()).isNotBlank();
        assertThat(response.json().path("caseNumber").asText()).matches("[A-Z]{2}-\\d{4}-\\d{6}");
        return response.json();
    }

    private static ObjectNode legalAidApplication(String marker) {
        ObjectNode body = JSON.createObjectNode();
        body.put("district", "GUSU");
        body.putObject("applicant").put("name", "李小红").put("idNumber", Disputes.idNumber(601)).put("phone", "13912345678");
        body.put("migrantWorker", true);
        body.put("matterCategory", "WAGES");
        body.put("matter", "追索劳动报酬 " + marker);
        body.put("grounds", "农民工追索劳动报酬");
        body.putObject("employer").put("name", "苏州某建筑劳务有限公司").put("creditCode", Disputes.creditCode("91320505MA1K2L3M4"));
        body.put("appliedOn", Disputes.daysAgo(2).toString());
        return body;
    }

    private static ObjectNode petitionLetter(String marker) {
        ObjectNode body = JSON.createObjectNode();
        body.put("district", "GUSU");
        body.put("channel", "LETTER");
        body.put("receivedOn", Disputes.daysAgo(3).toString());
        body.putArray("petitioners").addObject().put("name", "李小红").put("idNumber", Disputes.idNumber(601));
        body.put("claim", "公司拖欠工资，请求工会协调 " + marker);
        return body;
    }
}
