package cn.childprotect.cms.users;

import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.TransientDatabaseFailures;
import cn.childprotect.cms.shared.web.ProblemWriter;
import cn.childprotect.cms.shared.web.ServiceUnavailable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Three filter chains: the REST API (stateless HTTP Basic, problem+json on 401/403), actuator
 * (health and info public, the rest for ADMIN) and the browser UI (form login, CSRF, sessions
 * in the database through Spring Session JDBC so that any instance can serve any request).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEntryPoint problemEntryPoint(ProblemWriter writer, ServiceUnavailable unavailable) {
        return (request, response, failure) -> {
            if (TransientDatabaseFailures.isTransient(failure)) {
                // the account could not be read (database down): not a wrong password; retry later
                unavailable.write(request, response, failure);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"cms\", charset=\"UTF-8\"");
            if (failure instanceof LockedException) {
                writer.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.ACCOUNT_LOCKED,
                        "problem.account-locked.detail");
            }
            else {
                writer.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                        "problem.unauthorized.detail");
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
            AccessDeniedHandler problemAccessDenied) {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
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
            AccessDeniedHandler problemAccessDenied) {
        http.securityMatcher("/actuator/**")
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
    SecurityFilterChain browserChain(HttpSecurity http) {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }
}
