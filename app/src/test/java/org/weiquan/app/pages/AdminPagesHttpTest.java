package org.weiquan.app.pages;

import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.PageClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's pages: the roster changed through the admin API's rules (a wrong phone or id
 * told beside its field, nothing saved), the configured users read-only, the dead letters of every
 * projection; none of them for anyone else.
 */
class AdminPagesHttpTest extends HttpIntegrationTest {
    @Test
    void the_administrator_adds_a_lawyer_changes_him_and_a_wrong_phone_or_id_saves_nothing() {
        PageClient admin = new PageClient(port).signIn(ApiClient.ADMIN);
        assertThat(admin.get("/admin/roster").body()).contains("职工律师团", "调解员名册");
        String id = "lawyer.page" + System.nanoTime() % 100000;
        PageClient.Page wrong = admin.post("/admin/roster/lawyers", Map.of("lawyerId", id, "name", "吴律师",
                "lawFirm", "江苏某律师事务所", "phone", "12345", "active", "true"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("应为11位手机号码或带区号的固定电话", "aria-invalid=\"true\"", "value=\"吴律师\"");
        assertThat(lawyer(id)).as("nothing saved").isNull();
        PageClient.Page badId = admin.post("/admin/roster/lawyers", Map.of("lawyerId", "Not An Id", "name", "吴律师",
                "lawFirm", "江苏某律师事务所", "active", "true"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body()).contains("编号只能由小写字母");

        PageClient.Page saved = admin.post("/admin/roster/lawyers", Map.of("lawyerId", id, "name", "吴律师",
                "lawFirm", "江苏某律师事务所", "phone", "13912340000", "active", "true"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(lawyer(id)).isNotNull();
        assertThat(lawyer(id).path("active").asBoolean()).isTrue();
        // an unticked box: no longer listed, and still there
        admin.get("/admin/roster");
        admin.post("/admin/roster/lawyers", Map.of("lawyerId", id, "name", "吴律师", "lawFirm", "江苏某律师事务所"));
        assertThat(lawyer(id).path("active").asBoolean()).isFalse();
        assertThat(admin.get("/admin/roster").body()).contains(id, "吴律师");
    }

    private com.fasterxml.jackson.databind.JsonNode lawyer(String id) {
        for (var lawyer : new ApiClient(port).as(ApiClient.ADMIN).get("/api/lawyers").json()) {
            if (lawyer.path("lawyerId").asText().equals(id)) return lawyer;
        }
        return null;
    }

    @Test
    void the_configured_users_and_every_projections_dead_letters_are_shown_to_the_administrator_alone() {
        PageClient admin = new PageClient(port).signIn(ApiClient.ADMIN);
        PageClient.Page users = admin.get("/admin/users");
        assertThat(users.body()).contains("officer.li", "李明", "经办人", "姑苏区总工会", "supervisor.wang")
                .doesNotContain("bcrypt").doesNotContain("<form method=\"post\" action=\"/admin/users");
        PageClient.Page deadLetters = admin.get("/admin/dead-letters");
        assertThat(deadLetters.status()).isEqualTo(200);
        assertThat(deadLetters.body()).contains("dispute-detail", "死信队列");
        PageClient wang = new PageClient(port).signIn(ApiClient.SUPERVISOR_WANG);
        assertThat(wang.get("/admin/users").status()).isEqualTo(403);
        assertThat(wang.get("/admin/roster").status()).isEqualTo(403);
        assertThat(wang.get("/admin/dead-letters").status()).isEqualTo(403);
    }
}
