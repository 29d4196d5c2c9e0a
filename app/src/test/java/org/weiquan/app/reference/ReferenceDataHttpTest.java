package org.weiquan.app.reference;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.ADMIN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;
import static org.weiquan.app.support.Problems.errorFields;

/** The lawyer panel and mediator roster: administrators keep them, officers read them, cases use them. */
class ReferenceDataHttpTest extends HttpIntegrationTest {

    @Test
    void an_administrator_adds_and_deactivates_a_panel_lawyer_and_officers_see_the_change() {
        ApiResponse added = api.as(ADMIN).put("/api/admin/lawyers/lawyer.zheng",
                Map.of("name", "郑律师", "lawFirm", "苏州某律师事务所", "phone", "13800000009", "active", true));
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        assertThat(lawyer("lawyer.zheng").path("active").asBoolean()).isTrue();

        api.as(ADMIN).put("/api/admin/lawyers/lawyer.zheng",
                Map.of("name", "郑律师", "lawFirm", "苏州某律师事务所", "active", false));

        JsonNode after = lawyer("lawyer.zheng");
        assertThat(after.path("active").asBoolean()).isFalse();
        assertThat(after.path("phone").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT changed_by FROM lawyer_panel WHERE lawyer_id = 'lawyer.zheng'", String.class))
                .isEqualTo(ADMIN);
    }

    @Test
    void officers_may_not_change_the_panel_and_bad_entries_are_refused_with_field_errors() {
        assertProblem(api.as(OFFICER_LI).put("/api/admin/lawyers/lawyer.x",
                Map.of("name", "x", "lawFirm", "y", "active", true)), 403, "forbidden");
        JsonNode problem = assertProblem(api.as(ADMIN).put("/api/admin/mediators/mediator.new",
                Map.of("name", "", "organisation", "Not A Path", "active", true)), 400, "validation-failed");
        assertThat(errorFields(problem)).contains("name");
        assertProblem(api.as(ADMIN).put("/api/admin/lawyers/Bad%20Id",
                Map.of("name", "x", "lawFirm", "y", "active", true)), 400, "validation-failed");
    }

    @Test
    void only_an_active_mediator_of_the_roster_can_be_assigned_to_a_dispute() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(id, "acceptance"), Disputes.acceptance());
        api.as(ADMIN).put("/api/admin/mediators/mediator.retired",
                Map.of("name", "退休调解员", "organisation", "szftu/gusu", "active", false));
        long events = storedEvents();

        JsonNode unknown = assertProblem(api.as(OFFICER_LI).ifMatch(1).post(Disputes.path(id, "mediator"),
                Disputes.mediator("nobody.at.all")), 400, "validation-failed");
        assertThat(errorFields(unknown)).containsExactly("mediator");
        assertProblem(api.as(OFFICER_LI).ifMatch(1).post(Disputes.path(id, "mediator"),
                Disputes.mediator("mediator.retired")), 400, "validation-failed");
        assertThat(storedEvents()).isEqualTo(events);

        assertThat(api.as(OFFICER_LI).ifMatch(1).post(Disputes.path(id, "mediator"), Disputes.mediator("mediator.sun"))
                .status()).isEqualTo(200);
    }

    private JsonNode lawyer(String id) {
        List<JsonNode> found = new ArrayList<>();
        api.as(OFFICER_LI).get("/api/lawyers").json().forEach(l -> {
            if (l.path("lawyerId").asText().equals(id)) found.add(l);
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
