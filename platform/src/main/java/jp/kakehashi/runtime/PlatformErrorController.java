package jp.kakehashi.runtime;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakehashi.shared.ContentSecurityPolicy;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error path of the servlet container ({@code /error}), in place of Spring Boot's {@code BasicErrorController}
 * (B11): whatever was refused after the container took the request (a {@code sendError} of a filter, Spring
 * Security's firewall rejecting {@code ..;} or an encoded slash, an exception) is answered in the words of the area
 * the request was for ({@link ErrorArea}) — never Spring's default JSON ({@code timestamp}, {@code status},
 * {@code path}), whatever the {@code Accept} header. Asked for directly, {@code /error} is a page that does not exist.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class PlatformErrorController extends AbstractErrorController {

    PlatformErrorController(ErrorAttributes errorAttributes) {
        super(errorAttributes);
    }

    @RequestMapping
    Object error(HttpServletRequest request, HttpServletResponse response) {
        // a request refused before Spring Security's chain (MalformedRequests) reaches here without its headers
        if (!response.containsHeader(ContentSecurityPolicy.HEADER)) {
            response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status) || status < 400) {
            return page(HttpStatus.NOT_FOUND, Map.of());
        }
        String json = ErrorArea.of((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .json(request, status, oauthDescription(request));
        if (json != null) {
            return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                    .contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return page(HttpStatus.resolve(status) != null ? HttpStatus.valueOf(status) : HttpStatus.BAD_REQUEST,
                getErrorAttributes(request, ErrorAttributeOptions.defaults()));
    }

    private static ModelAndView page(HttpStatus status, Map<String, Object> attributes) {
        Map<String, Object> model = new LinkedHashMap<>(attributes);
        model.put("status", status.value());
        return new ModelAndView("error", model, status);
    }

    private static String oauthDescription(HttpServletRequest request) {
        return request.getAttribute(ErrorPageAttributes.OAUTH_ERROR)
                instanceof org.springframework.security.oauth2.core.OAuth2Error error ? error.getDescription() : null;
    }
}
