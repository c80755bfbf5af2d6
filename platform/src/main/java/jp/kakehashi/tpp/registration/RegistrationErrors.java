package jp.kakehashi.tpp.registration;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 7591 §3.2.2 error responses for the registration endpoint, also for unreadable bodies. */
@RestControllerAdvice(assignableTypes = ClientRegistrationController.class)
class RegistrationErrors {

    @ExceptionHandler(RefusedRegistration.class)
    ResponseEntity<Map<String, Object>> refused(RefusedRegistration refused) {
        return ClientRegistrationController.error(HttpStatus.BAD_REQUEST, refused.code(), refused.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return ClientRegistrationController.error(HttpStatus.BAD_REQUEST, RegistrationErrorCode.INVALID_CLIENT_METADATA,
                "the body is not valid client metadata JSON");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(Exception e) {
        return ClientRegistrationController.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, RegistrationErrorCode.INVALID_REQUEST,
                "send the client metadata as application/json");
    }
}
