package jp.kakehashi.authorization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * D5: the consent page's template version covers its words as well as its layout: the templates and the message
 * bundle of every language the page is shown in, so a change of wording in any language is a new version.
 */
class ConsentTemplateVersionTest {

    @Test
    void versionWhenOnlyAMessageOfOneLanguageChangesThenTheVersionChanges() {
        List<Resource> sources = ConsentTemplateVersion.sources();
        assertThat(sources).extracting(Resource::getFilename)
                .contains("consent.html", "fragments.html", "messages.properties", "messages_en.properties");

        List<Resource> reworded = new ArrayList<>(sources);
        int english = reworded.stream().map(Resource::getFilename).toList().indexOf("messages_en.properties");
        reworded.set(english, new ByteArrayResource("consent.title=Something else".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "messages_en.properties";
            }
        });

        String version = new ConsentTemplateVersion().version();
        assertThat(version).matches("consent@[0-9a-f]{16}").isEqualTo(new ConsentTemplateVersion(sources).version());
        assertThat(new ConsentTemplateVersion(reworded).version()).isNotEqualTo(version);
    }
}
