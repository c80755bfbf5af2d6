package jp.kakehashi.authorization.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The consent page's template version (D5), derived from the content of everything that words and lays it out: the
 * page and the fragments it includes, and the message bundles their text comes from in every language
 * ({@code messages.properties}, {@code messages_en.properties}, …: the consent screen's keys live in the
 * {@code messages} bundle), so it changes whenever the page's wording or layout does, without anyone remembering to
 * raise a number: {@code consent@} and the first 16 hex digits of their SHA-256.
 */
@Component
class ConsentTemplateVersion {

    private static final String[] TEMPLATES = {"templates/consent.html", "templates/fragments.html"};
    private static final String BUNDLE = "messages.properties";
    private static final String LOCALE_BUNDLES = "classpath*:messages_*.properties";

    private final String version;

    ConsentTemplateVersion() {
        this(sources());
    }

    /** The version of these sources, in this order. */
    ConsentTemplateVersion(List<Resource> sources) {
        this.version = "consent@" + digest(sources).substring(0, 16);
    }

    String version() {
        return version;
    }

    /** The templates, then every locale's bundle by name. */
    static List<Resource> sources() {
        List<Resource> sources = new ArrayList<>();
        for (String template : TEMPLATES) {
            sources.add(new ClassPathResource(template));
        }
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> bundles = new ArrayList<>();
        try {
            // the default bundle and its locales beside it (not another library's bundles of the same name)
            Resource bundle = new ClassPathResource(BUNDLE);
            String beside = bundle.getURL().toString();
            beside = beside.substring(0, beside.length() - BUNDLE.length());
            bundles.add(bundle);
            for (Resource locale : resolver.getResources(LOCALE_BUNDLES)) {
                if (locale.getURL().toString().startsWith(beside)) {
                    bundles.add(locale);
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot list the consent page's message bundles", e);
        }
        bundles.sort(Comparator.comparing(Resource::getFilename));
        if (bundles.size() < 2) {
            throw new IllegalStateException("the consent page's message bundles are not on the class path");
        }
        sources.addAll(bundles);
        return sources;
    }

    private static String digest(List<Resource> sources) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Resource source : sources) {
                try (InputStream in = source.getInputStream()) {
                    byte[] content = in.readAllBytes();
                    String name = source.getFilename();
                    // each source as its name and length first, so no two sets of files digest alike
                    sha256.update((name + ":" + content.length + ":").getBytes(StandardCharsets.UTF_8));
                    sha256.update(content);
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        }
        catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the consent page's templates", e);
        }
    }
}
