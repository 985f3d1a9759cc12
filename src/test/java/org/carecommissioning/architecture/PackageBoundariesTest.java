package org.carecommissioning.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * Packages by capability: a repository is private to its package, so other capabilities can reach its data only
 * through that package's public service. Delegates are package-private too: only the engine calls them.
 */
class PackageBoundariesTest {

    @Test
    @DisplayName("repositories and delegates are not visible outside their capability's package")
    void repositoriesAndDelegatesArePackagePrivate() throws ClassNotFoundException {
        List<Class<?>> classes = scan(".*(Repository|Delegate|Listener)");
        assertThat(classes).hasSizeGreaterThan(20);
        for (Class<?> type : classes) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getName()).isFalse();
        }
    }

    private static List<Class<?>> scan(String regex) throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(regex)));
        List<Class<?>> found = new java.util.ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.carecommissioning")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.getName().contains("Test") && !type.getName().contains(".testing.")
                    && !type.getName().contains(".support.")) {
                found.add(type);
            }
        }
        return found;
    }
}
