package jp.kakehashi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * The module map of docs/architecture.md ("Application modules of platform") is true and enforced: no cycles, no
 * reaching into another module's internals or past its declared dependencies; exactly the seventeen modules, each
 * with a display name; each module's {@code allowedDependencies} exactly what its code uses and exactly what the
 * table in docs/architecture.md says.
 *
 * <p>The annotations are the one source the code is checked against, and the table is compared with them (rather than
 * a third copy of the map kept in this test), so a change of dependencies fails here until the annotation, the code
 * and the document say the same.
 */
class ModularityTests {

    /** A new module is added on purpose: here, in docs/architecture.md, and with its own package-info.java. */
    private static final Set<String> MODULES = Set.of("admin", "audit", "authorization", "availability", "banking",
            "consent", "corebanking", "demo", "incident", "incidentdesk", "notification", "oversight", "portal", "risk",
            "runtime", "shared", "tpp");

    private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");

    private static final String TABLE_HEADING = "### Application modules of `platform`";

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    private final ApplicationModules modules = ApplicationModules.of(KakehashiApplication.class);

    @Test
    void modulesWhenVerifiedThenNoViolations() {
        modules.verify();
    }

    @Test
    void modulesWhenListedThenExactlyTheSeventeenOfTheArchitecture() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrderElementsOf(MODULES);
    }

    @Test
    void modulesWhenDeclaredThenEachNamesItselfAndItsDependencies() {
        modules.forEach(module -> {
            var declared = declaration(module);
            assertThat(declared.displayName()).as("displayName of %s", module.getIdentifier()).isNotBlank();
            // without allowedDependencies Modulith allows every module's API: the map would then say nothing
            assertThat(declared.allowedDependencies()).as("allowedDependencies of %s", module.getIdentifier())
                    .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        });
    }

    @Test
    void allowedDependenciesWhenComparedWithTheCodeThenEachIsUsed() {
        Map<String, Set<String>> declared = new TreeMap<>();
        Map<String, Set<String>> used = new TreeMap<>();
        modules.forEach(module -> {
            declared.put(module.getIdentifier().toString(), declaredDependencies(module));
            used.put(module.getIdentifier().toString(), usedDependencies(module));
        });

        // verify() proves nothing is used beyond what is declared; this proves nothing is declared beyond what is used
        assertThat(declared).isEqualTo(used);
    }

    @Test
    void allowedDependenciesWhenComparedWithTheArchitectureThenTheSame() throws IOException {
        Map<String, Set<String>> declared = new TreeMap<>();
        Map<String, String> displayNames = new TreeMap<>();
        modules.forEach(module -> {
            declared.put(module.getIdentifier().toString(), declaredDependencies(module));
            displayNames.put(module.getIdentifier().toString(), declaration(module).displayName());
        });

        var table = moduleTable();

        assertThat(table.keySet()).as("modules in docs/architecture.md").isEqualTo(declared.keySet());
        assertThat(mapValues(table, Row::dependencies)).as("'may depend on' in docs/architecture.md")
                .isEqualTo(declared);
        assertThat(mapValues(table, Row::displayName)).as("'display name' in docs/architecture.md")
                .isEqualTo(displayNames);
    }

    private static org.springframework.modulith.ApplicationModule declaration(ApplicationModule module) {
        String packageInfo = module.getBasePackage().getName() + ".package-info";
        try {
            var annotation = Class.forName(packageInfo)
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
            assertThat(annotation).as("@ApplicationModule on %s", packageInfo).isNotNull();
            return annotation;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(packageInfo + " is missing: every module declares itself", e);
        }
    }

    private static Set<String> declaredDependencies(ApplicationModule module) {
        return Arrays.stream(declaration(module).allowedDependencies()).map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What the module's code uses, named as allowedDependencies names it: the module, or the module's interface. */
    private Set<String> usedDependencies(ApplicationModule module) {
        return module.getDirectDependencies(modules).stream().map(ModularityTests::declaredName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String declaredName(ApplicationModuleDependency dependency) {
        ApplicationModule target = dependency.getTargetModule();
        String name = target.getIdentifier().toString();
        if (target.isOpen()) {
            return name;
        }
        List<String> interfaces = target.getNamedInterfaces().getNamedInterfacesContaining(dependency.getTargetType())
                .filter(NamedInterface::isNamed).map(NamedInterface::getName).toList();
        assertThat(interfaces).as("named interfaces holding %s", dependency.getTargetType().getName()).hasSizeLessThan(2);
        return interfaces.isEmpty() ? name : name + " :: " + interfaces.getFirst();
    }

    private record Row(String displayName, Set<String> dependencies) {
    }

    /**
     * The table under {@value #TABLE_HEADING}: the module in backticks in the first column, its display name in the
     * column "display name", and every module or interface it may depend on in backticks in "may depend on" ("—" for
     * none).
     */
    private static Map<String, Row> moduleTable() throws IOException {
        List<String> lines = Files.readAllLines(ARCHITECTURE);
        int heading = lines.indexOf(TABLE_HEADING);
        assertThat(heading).as("heading %s in %s", TABLE_HEADING, ARCHITECTURE).isNotNegative();
        int header = heading + 1;
        while (!lines.get(header).startsWith("|")) {
            header++;
        }
        List<String> columns = cells(lines.get(header));
        int displayName = columns.indexOf("display name");
        int dependencies = columns.indexOf("may depend on");
        assertThat(displayName).as("column 'display name'").isNotNegative();
        assertThat(dependencies).as("column 'may depend on'").isNotNegative();

        Map<String, Row> table = new TreeMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            Matcher module = BACKTICKED.matcher(cells.getFirst());
            assertThat(module.find()).as("module in %s", lines.get(i)).isTrue();
            Set<String> allowed = new TreeSet<>();
            Matcher named = BACKTICKED.matcher(cells.get(dependencies));
            while (named.find()) {
                allowed.add(named.group(1));
            }
            table.put(module.group(1), new Row(cells.get(displayName), allowed));
        }
        return table;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static <V> Map<String, V> mapValues(Map<String, Row> table, java.util.function.Function<Row, V> value) {
        Map<String, V> values = new TreeMap<>();
        table.forEach((module, row) -> values.put(module, value.apply(row)));
        return values;
    }
}
