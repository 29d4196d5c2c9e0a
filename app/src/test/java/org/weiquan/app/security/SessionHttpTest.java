package org.weiquan.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SESSION_COOKIE;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * HTTP Basic once per session (ADR 0006): after one login the session cookie alone authenticates,
 * and the bcrypt hash is not checked again for the session's requests.
 */
class SessionHttpTest extends HttpIntegrationTest {

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    @Test
    void after_one_basic_login_the_session_cookie_alone_authenticates_without_checking_the_password_again() {
        ApiResponse login = api.as(OFFICER_LI).withoutSession().get("/api/me");
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        String setCookie = login.headers("Set-Cookie").stream().filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + login));
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        verify(passwordEncoder, times(1)).matches(any(), any());

        for (int i = 0; i < 3; i++) {
            ApiResponse me = api.as(OFFICER_LI).withoutCredentials().get("/api/me");
            assertThat(me.status()).as("%s", me).isEqualTo(200);
            assertThat(me.json().path("username").asText()).isEqualTo(OFFICER_LI);
            assertThat(me.json().path("organisation").asText()).isEqualTo("szftu/gusu");
        }
        ApiResponse filed = api.as(OFFICER_LI).withoutCredentials().post(Disputes.PATH, Disputes.filing());
        assertThat(filed.status()).as("a command with the cookie alone: %s", filed).isEqualTo(201);
        String id = filed.json().path("disputeId").asText();
        assertThat(awaitHistory(id, 1).get(0).path("actor").asText()).isEqualTo(OFFICER_LI);

        ApiResponse both = api.as(OFFICER_LI).get("/api/me"); // cookie and the same Basic credentials
        assertThat(both.status()).isEqualTo(200);

        verify(passwordEncoder, times(1)).matches(any(), any());
    }

    @Test
    void without_the_cookie_every_basic_request_pays_for_the_password_check() {
        for (int i = 0; i < 2; i++) {
            assertThat(api.as(OFFICER_LI).withoutSession().get("/api/me").status()).isEqualTo(200);
        }
        verify(passwordEncoder, times(2)).matches(any(), any());
    }

    @Test
    void a_cookie_of_no_session_and_no_credentials_is_refused_with_401() {
        ApiResponse response = api.anonymous().cookie(SESSION_COOKIE + "=0123456789ABCDEF0123456789ABCDEF").get("/api/me");
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }
}
