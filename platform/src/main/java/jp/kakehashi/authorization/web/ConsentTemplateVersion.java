package jp.kakehashi.authorization.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The consent page's template version (D5), derived from the content of the templates that render it (the page and
 * the fragments it includes), so it changes whenever the page's wording or layout does, without anyone remembering
 * to raise a number: {@code consent@} and the first 16 hex digits of their SHA-256.
 */
@Component
class ConsentTemplateVersion {

    private static final String[] TEMPLATES = {"templates/consent.html", "templates/fragments.html"};

    private final String version;

    ConsentTemplateVersion() {
        this.version = "consent@" + digest().substring(0, 16);
    }

    String version() {
        return version;
    }

    private static String digest() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String template : TEMPLATES) {
                try (InputStream in = new ClassPathResource(template).getInputStream()) {
                    sha256.update(template.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha256.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        }
        catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the consent page's templates", e);
        }
    }
}
