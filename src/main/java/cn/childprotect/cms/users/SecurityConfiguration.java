package cn.childprotect.cms.users;

import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.TransientDatabaseFailures;
import cn.childprotect.cms.shared.web.ProblemWriter;
import cn.childprotect.cms.shared.web.ServiceUnavailable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains: the REST API (stateless: bearer tokens, API keys, and HTTP Basic for
 * compatibility; problem+json on 401/403), actuator
 * (health and info public, the rest for ADMIN) and the browser UI (form login, CSRF, sessions
 * in the database through Spring Session JDBC so that any instance can serve any request).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Content-Security-Policy of the pages (swagger-ui included): same-origin resources only. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Spring Security's own observations (one around each filter of the chain, the authentication and
     * the authorization) serve tracing, which this service does not export; each request is still
     * timed as {@code http.server.requests}. Off, they no longer cost a filing about 3 % of its CPU
     * (README, "Where the CPU goes").
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** bcrypt (as the delegating encoder's default), with a short memory of matched passwords for HTTP Basic. */
    @Bean
    PasswordEncoder passwordEncoder(AccountSecurityProperties security) {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                security.passwordCheckMemory());
    }

    @Bean
    AuthenticationEntryPoint problemEntryPoint(ProblemWriter writer, ServiceUnavailable unavailable) {
        return (request, response, failure) -> {
            if (TransientDatabaseFailures.isTransient(failure)) {
                // the account could not be read (database down): not a wrong password; retry later
                unavailable.write(request, response, failure);
                return;
            }
            String authorization = request.getHeader("Authorization");
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            if (bearer) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
            else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"cms\", charset=\"UTF-8\"");
            }
            if (failure instanceof LockedException) {
                writer.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.ACCOUNT_LOCKED,
                        "problem.account-locked.detail");
            }
            else {
                String detail = bearer ? "problem.unauthorized.token-detail"
                        : request.getHeader(ApiCredentials.API_KEY_HEADER) != null ? "problem.unauthorized.api-key-detail"
                        : "problem.unauthorized.detail";
                writer.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail);
            }
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDenied(ProblemWriter writer) {
        return (request, response, denied) -> writer.write(request, response, HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN, "problem.forbidden.detail");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint,
            AccessDeniedHandler problemAccessDenied, BearerTokens tokens, ApiCredentials credentials,
            ApplicationEventPublisher events) {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // coop (issue 16): the 12345 exchange account may call its endpoint and nothing else
                        .requestMatchers(HttpMethod.POST, "/api/v1/exchange/12345/tickets")
                        .hasRole(Role.EXCHANGE_12345.name())
                        .requestMatchers(SecurityConfiguration::isExchangeAccount).denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                // bearer tokens (POST /api/v1/auth/token) and API keys are cheap to check; Basic reads
                // the account per request and runs bcrypt only when the password was not matched lately
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(credentials::fromJwt))
                        .authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(problemAccessDenied))
                .addFilterBefore(credentials.apiKeyFilter(problemEntryPoint), BasicAuthenticationFilter.class)
                .addFilterAfter(new RefusalAudit(events), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(problemAccessDenied));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationEntryPoint problemEntryPoint,
            AccessDeniedHandler problemAccessDenied, ApplicationEventPublisher events) {
        http.securityMatcher("/actuator/**")
                .addFilterAfter(new RefusalAudit(events), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(problemAccessDenied));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browserChain(HttpSecurity http, ApplicationEventPublisher events) {
        http.addFilterAfter(new RefusalAudit(events), SecurityContextHolderFilter.class)
                // no inline script or style anywhere in the templates: everything comes from /css and /js
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** The caller is the 12345 platform's exchange account (authenticated by its API key). */
    private static boolean isExchangeAccount(jakarta.servlet.http.HttpServletRequest request) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(granted -> Role.EXCHANGE_12345.authority().equals(granted.getAuthority()));
    }
}
