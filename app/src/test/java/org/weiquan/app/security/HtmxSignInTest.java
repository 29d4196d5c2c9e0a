package org.weiquan.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** An expired session met by htmx: back to the page the user was on, never to somewhere else. */
class HtmxSignInTest {

    private static MockHttpServletRequest polled(String currentUrl) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/admin/processors/table");
        request.setServerName("localhost");
        request.addHeader("HX-Request", "true");
        if (currentUrl != null) request.addHeader("HX-Current-URL", currentUrl);
        return request;
    }

    @Test
    void a_polled_fragment_sends_the_browser_to_the_page_it_was_on_with_its_query() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        HtmxSignIn.entryPoint().commence(polled("http://localhost:8080/admin/processors?x=1"), response, null);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("HX-Redirect")).isEqualTo("/admin/processors?x=1");
    }

    @Test
    void a_page_of_another_host_or_no_page_at_all_sends_the_browser_to_sign_in() {
        assertThat(HtmxSignIn.pageTheUserWasOn(polled("https://elsewhere.example/admin"))).isEqualTo("/login");
        assertThat(HtmxSignIn.pageTheUserWasOn(polled("//elsewhere.example/admin"))).isEqualTo("/login");
        assertThat(HtmxSignIn.pageTheUserWasOn(polled("not a uri"))).isEqualTo("/login");
        assertThat(HtmxSignIn.pageTheUserWasOn(polled(null))).isEqualTo("/login");
    }

    @Test
    void htmx_requests_are_not_remembered_as_the_page_to_return_to_and_pages_are() {
        var cache = HtmxSignIn.requestCache();
        MockHttpServletRequest fragment = polled("http://localhost/admin/processors");
        cache.saveRequest(fragment, new MockHttpServletResponse());
        assertThat(fragment.getSession(false)).as("nothing saved, no session made").isNull();

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/admin/processors");
        cache.saveRequest(page, new MockHttpServletResponse());
        assertThat(cache.getRequest(page, new MockHttpServletResponse())).isNotNull();
    }
}
