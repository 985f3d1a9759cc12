package org.carecommissioning.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * Packages by capability, checked on what a class is rather than on its name: delegates and listeners (only the
 * engine calls them), repositories (other capabilities reach data through the capability's public service) and
 * REST controllers are package-private, nested classes included, and nothing outside their package uses them.
 */
class CapabilityBoundariesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.carecommissioning");

    private static final DescribedPredicate<JavaClass> ENGINE_CALLBACKS = JavaClass.Predicates
            .assignableTo(JavaDelegate.class).or(JavaClass.Predicates.assignableTo(TaskListener.class))
            .or(JavaClass.Predicates.assignableTo(ExecutionListener.class));

    private static final DescribedPredicate<JavaClass> REPOSITORIES = DescribedPredicate.describe("repositories",
            type -> type.isInterface() && type.isAssignableTo(Repository.class)
                    && type.getPackageName().startsWith("org.carecommissioning"));

    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe("REST controllers",
            type -> type.isAnnotatedWith(RestController.class));

    @Test
    @DisplayName("delegates and listeners (nested ones too) are package-private and used only inside their package")
    void delegatesAndListeners() {
        check(ENGINE_CALLBACKS.and(DescribedPredicate.describe("classes", type -> !type.isInterface())), 20);
    }

    @Test
    @DisplayName("Spring Data repositories are package-private and used only inside their capability")
    void repositories() {
        check(REPOSITORIES, 10);
    }

    @Test
    @DisplayName("REST controllers are package-private and used only inside their package")
    void controllers() {
        check(CONTROLLERS, 5);
    }

    /** The rule, after making sure it sees enough classes: a broken import must not make it pass on nothing. */
    private static void check(DescribedPredicate<JavaClass> kind, int atLeast) {
        long seen = PRODUCTION.stream().filter(kind).count();
        if (seen < atLeast) {
            throw new AssertionError(kind.getDescription() + ": only " + seen + " classes found, expected " + atLeast);
        }
        classes().that(kind).should().notBePublic().andShould(beUsedOnlyInTheirOwnPackage()).check(PRODUCTION);
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only by classes in their own package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!user.getPackageName().equals(type.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
