package org.carecommissioning.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the project's models, forms and sources as text for the tests that check they agree. */
final class ModelFiles {

    private ModelFiles() {
    }

    /** The first group of every match, sorted. */
    static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The files under a folder of the project with that extension, sorted; there is at least one. */
    static List<Path> files(String folder, String extension) throws IOException {
        try (Stream<Path> paths = Files.walk(Path.of(folder))) {
            List<Path> found = paths.filter(p -> p.toString().endsWith(extension)).sorted().toList();
            assertThat(found).as("files in " + folder).isNotEmpty();
            return found;
        }
    }
}
