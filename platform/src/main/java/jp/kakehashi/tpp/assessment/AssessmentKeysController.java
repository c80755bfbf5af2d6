package jp.kakehashi.tpp.assessment;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public key of this bank's signed assessments (A4, A7), for the banks that rely on them. */
@RestController
class AssessmentKeysController {

    private final AssessmentSigner signer;

    AssessmentKeysController(AssessmentSigner signer) {
        this.signer = signer;
    }

    @GetMapping(path = AssessmentConfiguration.JWKS_PATH, produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .contentType(MediaType.parseMediaType("application/jwk-set+json"))
                .body(signer.publicKeys().toJSONObject(true));
    }
}
