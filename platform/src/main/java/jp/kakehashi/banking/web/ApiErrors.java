package jp.kakehashi.banking.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The HTTP mapping of every error of the {@code /v1} endpoints, in one place: the client's mistakes become 400/404
 * with a stable code; anything else is the platform's fault and becomes 500 or 503 without a trace of its insides.
 * (Token and scope refusals never reach a controller: the resource server's chain answers them in the same shape.)
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler
    void refused(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiErrorResponses.write(request, response, e.error());
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMessageNotReadableException.class, ServletRequestBindingException.class,
            HttpMediaTypeNotSupportedException.class })
    void malformed(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        refused(ApiException.invalidParameter(null, "the request is malformed"), request, response);
    }

    /** The database or the core system is briefly unreachable: the TPP may retry. */
    @ExceptionHandler
    void unavailable(TransientDataAccessException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn("/v1 request failed on a transient data access error: {}", e.getMessage());
        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.SERVICE_UNAVAILABLE));
    }

    @ExceptionHandler
    void failed(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.error("/v1 request failed", e);
        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.INTERNAL_ERROR));
    }
}
