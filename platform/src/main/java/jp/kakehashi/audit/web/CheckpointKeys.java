package jp.kakehashi.audit.web;

import java.time.Duration;
import java.util.Map;
import jp.kakehashi.audit.CheckpointSigner;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public key of the audit checkpoints (C1, C4, D5) at {@value #PATH}, without credentials: an auditor
 * (or a regulator) checks a checkpoint file with any JOSE tool and this key, without trusting the bank's software.
 * An auditor should keep a copy: a key that changes without notice is itself a finding.
 */
@RestController
class CheckpointKeys {

    static final String PATH = "/audit/checkpoints/jwks.json";

    private final CheckpointSigner signer;

    CheckpointKeys(CheckpointSigner signer) {
        this.signer = signer;
    }

    @GetMapping(path = PATH, produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .contentType(MediaType.parseMediaType("application/jwk-set+json"))
                .body(signer.publicKeys().toJSONObject(true));
    }
}
