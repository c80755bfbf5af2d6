package jp.kakehashi.banking.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import jp.kakehashi.banking.publicinfo.Atm;
import jp.kakehashi.banking.publicinfo.Branch;
import jp.kakehashi.banking.publicinfo.PublicInformation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public information without customer authorisation (B2's exception): branches, ATMs and the API's own OpenAPI
 * description. Shared caches may keep it ({@code Cache-Control: public}); the ETag lets a client revalidate with
 * {@code If-None-Match} and get a 304 without the body (Spring answers conditional GETs of a ResponseEntity).
 */
@RestController
class PublicInformationController {

    private static final CacheControl CACHEABLE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);
    private static final String DOCUMENT = "openapi/kakehashi-v1.yaml";
    /** The server URL written in the document, replaced by this deployment's issuer when served. */
    private static final String DOCUMENT_SERVER = "https://api.kakehashi.example";

    private final PublicInformation information;
    private final String openApiDocument;

    PublicInformationController(PublicInformation information, @Value("${kakehashi.issuer}") String issuer) {
        this.information = information;
        this.openApiDocument = read(DOCUMENT).replace(DOCUMENT_SERVER, issuer);
    }

    @GetMapping("/v1/branches")
    ResponseEntity<BranchList> branches() {
        List<Branch> branches = information.branches();
        return cacheable(new BranchList(branches), branches.toString());
    }

    @GetMapping("/v1/atms")
    ResponseEntity<AtmList> atms() {
        List<Atm> atms = information.atms();
        return cacheable(new AtmList(atms), atms.toString());
    }

    @GetMapping("/v1/openapi.yaml")
    ResponseEntity<String> openApi() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CACHEABLE).eTag(etag(openApiDocument))
                .body(openApiDocument);
    }

    /** The ETag is a hash of the content, so every node of the bank gives the same one for the same data. */
    private static <T> ResponseEntity<T> cacheable(T body, String content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CACHEABLE)
                .eTag(etag(content)).body(body);
    }

    private static String etag(String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document " + resource + " is missing", e);
        }
    }

    record BranchList(List<Branch> branches) {
    }

    record AtmList(List<Atm> atms) {
    }
}
