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
import java.util.function.Predicate;
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
     * The diagrams' relationships and the canvases' lists come in an order that changes from run to run (Structurizr
     * and ArchUnit keep them in hash sets): sorted, the same code gives the same files, so only a change of the code
     * changes them.
     */
    private static void inStableOrder(Path generated) throws IOException {
        for (Path file : files(generated).values()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".puml")) {
                Files.write(file, sortedRuns(Files.readAllLines(file), line -> RELATIONSHIP.matcher(line).find(),
                        line -> RELATIONSHIP.matcher(line).find()));
            } else if (name.startsWith("module-") && name.endsWith(".adoc")) {
                // a list in a table cell: its first item starts the cell ("|* "), the others follow ("* ")
                Files.write(file, sortedRuns(Files.readAllLines(file),
                        line -> line.startsWith("|* ") || line.startsWith("* "), line -> line.startsWith("* ")));
            }
        }
    }

    /** Each run of lines (a first line, then lines that continue it) sorted, its first line's prefix kept first. */
    private static List<String> sortedRuns(List<String> lines, Predicate<String> starts, Predicate<String> continues) {
        List<String> sorted = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!starts.test(lines.get(i))) {
                sorted.add(lines.get(i++));
                continue;
            }
            String cellStart = lines.get(i).startsWith("|") ? "|" : "";
            List<String> run = new ArrayList<>(List.of(lines.get(i++).substring(cellStart.length())));
            while (i < lines.size() && continues.test(lines.get(i))) {
                run.add(lines.get(i++));
            }
            run.sort(null);
            run.set(0, cellStart + run.getFirst());
            sorted.addAll(run);
        }
        return sorted;
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
