package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.childprotect.cms.shared.Refusal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Which failures become which HTML error page, and that the API is left to its problem+json handler. */
class BrowserErrorPagesTests {

    private final BrowserErrorPages pages = new BrowserErrorPages();

    private ModelAndView resolve(String path, Exception failure) {
        return pages.resolveException(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), null, failure);
    }

    @Test
    void aBugInAPageIsThe500PageWithAnIncidentNumber() {
        ModelAndView page = resolve("/cases/1", new IllegalStateException("boom"));
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(page.getStatus().value()).isEqualTo(500);
        assertThat(page.getModel()).containsEntry("status", 500).containsKey("incident");
    }

    @Test
    void knownFailuresKeepTheirStatus() {
        assertThat(resolve("/nope", new NoResourceFoundException(org.springframework.http.HttpMethod.GET, "/nope", "nope"))
                .getStatus().value()).isEqualTo(404);
        assertThat(resolve("/admin", new AccessDeniedException("no")).getStatus().value()).isEqualTo(403);
        assertThat(resolve("/cases/1", Refusal.notFound("x")).getModel()).containsEntry("status", 404)
                .doesNotContainKey("incident");
    }

    @Test
    void theApiIsLeftToItsProblemJsonHandler() {
        assertThat(resolve("/api/v1/cases/1", new IllegalStateException("boom"))).isNull();
        assertThat(resolve("/actuator/metrics", new IllegalStateException("boom"))).isNull();
    }
}
