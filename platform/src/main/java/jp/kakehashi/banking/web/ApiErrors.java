package jp.kakehashi.banking.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    ResponseEntity<ErrorBody> refused(ApiException e) {
        return body(e.status(), e.body());
    }

    @ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMessageNotReadableException.class, ServletRequestBindingException.class,
            HttpMediaTypeNotSupportedException.class })
    ResponseEntity<ErrorBody> malformed(Exception e) {
        return refused(ApiException.invalidParameter(null, "the request is malformed"));
    }

    /** The database or the core system is briefly unreachable: the TPP may retry. */
    @ExceptionHandler
    ResponseEntity<ErrorBody> unavailable(TransientDataAccessException e) {
        log.warn("/v1 request failed on a transient data access error: {}", e.getMessage());
        return body(HttpStatus.SERVICE_UNAVAILABLE,
                new ErrorBody("SERVICE_UNAVAILABLE", "ただいまサービスを利用できません。しばらくしてから再度お試しください。"));
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> failed(Exception e) {
        log.error("/v1 request failed", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, new ErrorBody("INTERNAL_ERROR", "システムエラーが発生しました。"));
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, ErrorBody body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
