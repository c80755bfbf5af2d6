package jp.kakehashi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * The module documentation in {@code docs/modules} (Spring Modulith's {@link Documenter}: the component diagram of
 * all modules and of each module in PlantUML, and each module's canvas in AsciiDoc) is what the code generates today.
 * When it is not, regenerate it with
 * {@code ./mvnw -pl platform -am test -Dtest=ModuleDocumentationTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dkakehashi.docs.regenerate=true} and commit the changed files (docs/architecture.md, "Module documentation").
 */
class ModuleDocumentationTests {

    static final String REGENERATE = "kakehashi.docs.regenerate";

    private static final Path COMMITTED = Path.of("..", "docs", "modules");

    /** A PlantUML arrow between two elements: {@code a --> b <<style>> : "uses"}. */
    private static final Pattern RELATIONSHIP = Pattern.compile("^\\S+ -+> \\S+");

    @Test
    void documentationWhenGeneratedThenTheCommittedFilesAreTheSame(@TempDir Path generated) throws IOException {
        // the Documenter empties its output folder first: it writes to a folder of its own, never to docs/modules
        new Documenter(ApplicationModules.of(KakehashiApplication.class),
                Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation(DiagramOptions.defaults().withStyle(DiagramStyle.UML), CanvasOptions.defaults());

        inStableOrder(generated);
        if (Boolean.getBoolean(REGENERATE)) {
            replaceCommitted(generated);
        }

        Map<String, String> expected = contents(generated);
        Map<String, String> committed = contents(COMMITTED);
        Set<String> outOfDate = new TreeSet<>(expected.keySet());
        outOfDate.addAll(committed.keySet());
        outOfDate.removeIf(name -> Objects.equals(expected.get(name), committed.get(name)));

        assertThat(expected).as("generated documentation").isNotEmpty();
        assertThat(outOfDate)
                .as("files of docs/modules out of date: regenerate them with -D%s=true (see this test's Javadoc) and "
                        + "commit them", REGENERATE)
                .isEmpty();
    }

    /**
     * The diagrams list their relationships in an order that changes from run to run (Structurizr keeps them in a
     * hash set): sorted, the same code gives the same files, so only a change of the code changes them.
     */
    private static void inStableOrder(Path generated) throws IOException {
        for (Path diagram : files(generated).values()) {
            if (!diagram.getFileName().toString().endsWith(".puml")) {
                continue;
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (RELATIONSHIP.matcher(lines.get(i)).find()) {
                    positions.add(i);
                }
            }
            List<String> relationships = positions.stream().map(lines::get).sorted().toList();
            for (int i = 0; i < positions.size(); i++) {
                lines.set(positions.get(i), relationships.get(i));
            }
            Files.write(diagram, lines);
        }
    }

    private static void replaceCommitted(Path generated) throws IOException {
        Files.createDirectories(COMMITTED);
        for (Path stale : files(COMMITTED).keySet().stream().map(COMMITTED::resolve).toList()) {
            Files.delete(stale);
        }
        for (var file : files(generated).entrySet()) {
            Files.copy(file.getValue(), COMMITTED.resolve(file.getKey()));
        }
    }

    /** The folder's files by name, with their text: what a developer commits. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        for (var file : files(folder).entrySet()) {
            contents.put(file.getKey(), Files.readString(file.getValue()));
        }
        return contents;
    }

    private static Map<String, Path> files(Path folder) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> listed = Files.list(folder)) {
            listed.filter(Files::isRegularFile).forEach(file -> files.put(file.getFileName().toString(), file));
        }
        return files;
    }
}
