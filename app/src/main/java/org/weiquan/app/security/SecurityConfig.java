package org.weiquan.app.security;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.weiquan.api.common.OrganisationId;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HTTP Basic against hashed passwords, once per session: the authenticated context is kept in the
 * HTTP session, so a client that keeps the session cookie pays for the password hash only on its
 * first request (ADR 0006). The cookie is HttpOnly and SameSite=Strict, which is what stands in for
 * CSRF tokens on this JSON API.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    /** The lists of every case kind. */
    static final String[] CASE_LISTS = {"/api/cases", "/api/disputes", "/api/hazards", "/api/legal-aid-cases",
            "/api/petitions"};
    /** Every case kind's resources. */
    static final String[] CASE_PATHS = {"/api/disputes", "/api/disputes/**", "/api/hazards", "/api/hazards/**",
            "/api/legal-aid-cases", "/api/legal-aid-cases/**", "/api/petitions", "/api/petitions/**"};

    /** What the API chain serves; everything else is the pages'. */
    static final String[] API_PATHS = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationHandlers problems,
                            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints)
            throws Exception {
        SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        http.securityMatcher(API_PATHS)
                .csrf(csrf -> csrf.disable())
                .securityContext(context -> context.securityContextRepository(sessions))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .httpBasic(basic -> basic.realmName("Weiquan").securityContextRepository(sessions)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // Officers file and advance cases of every kind, and link them.
                        .requestMatchers(HttpMethod.POST, CASE_PATHS).hasRole(Role.OFFICER.name())
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/links").hasRole(Role.OFFICER.name())
                        // Lists show personal data masked: analysts may read them.
                        .requestMatchers(HttpMethod.GET, CASE_LISTS)
                        .hasAnyRole(Role.OFFICER.name(), Role.SUPERVISOR.name(), Role.ANALYST.name())
                        // Details and histories hold personal data: not for analysts (they get pseudonyms).
                        .requestMatchers(HttpMethod.GET, CASE_PATHS).hasAnyRole(Role.OFFICER.name(), Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/cases/**").hasAnyRole(Role.OFFICER.name(), Role.SUPERVISOR.name())
                        // Monitoring, alerts and reports are counts and rates, no personal data.
                        .requestMatchers(HttpMethod.GET, "/api/monitoring/**", "/api/alerts/**", "/api/reports/**")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.ANALYST.name(), Role.ADMIN.name(), Role.OFFICER.name())
                        .requestMatchers(HttpMethod.GET, "/api/analytics/**").hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/audit").hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/me").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/lawyers", "/api/mediators").authenticated()
                        .requestMatchers("/actuator/**", "/api/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().access(new NoEndpointHere(endpoints)));
        return http.build();
    }

    /**
     * The web pages (ADR 35): sign-in with a form, a CSRF token on every form, sign-out, and back to
     * the page asked for after signing in. The session is the API's: a page's session may call the
     * API, whose cookie is SameSite=Strict and which takes JSON only.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        http.securityContext(context -> context.securityContextRepository(sessions))
                .formLogin(form -> form.loginPage("/login").securityContextRepository(sessions).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.requestCache(HtmxSignIn.requestCache()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        HtmxSignIn.entryPoint(), HtmxSignIn.HTMX))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                + " frame-ancestors 'none'; form-action 'self'")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        // a case page shows the case and its history in full: not for analysts
                        // officers act on cases, as in the API
                        .requestMatchers(HttpMethod.POST, "/cases/**").hasRole(Role.OFFICER.name())
                        .requestMatchers("/cases/new", "/cases/new/**").hasRole(Role.OFFICER.name())
                        .requestMatchers("/cases/**").hasAnyRole(Role.OFFICER.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/analytics", "/analytics/**").hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
                        .requestMatchers("/audit", "/audit/**").hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(UserProperties properties) {
        Map<String, WeiquanUser> byName = properties.users().stream()
                .map(u -> new WeiquanUser(u.username(), u.passwordHash(), u.role(), new OrganisationId(u.organisation())))
                .collect(Collectors.toUnmodifiableMap(WeiquanUser::username, Function.identity()));
        return username -> {
            WeiquanUser user = byName.get(username);
            if (user == null) throw new UsernameNotFoundException("no such user");
            return user;
        };
    }
}
