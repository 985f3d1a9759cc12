package org.carecommissioning.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

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
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.producer.HistoryEventProducer;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * Packages by capability, checked on what a class is rather than on its name: delegates and listeners (only the
 * engine calls them), repositories (other capabilities reach data through the capability's public service) and
 * REST controllers are package-private, nested classes included, and nothing outside their package uses them. One
 * access adapter reads the engine's authentication, and only engine extensions use the engine's internals.
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

    /** The one adapter over the engine's current authentication (an engine-internal type). */
    private static final String ACCESS_ADAPTER = "org.carecommissioning.shared.Caller";

    /**
     * Engine extensions: the engine's SPI is made of its {@code impl} types, so these necessarily use them.
     */
    private static final DescribedPredicate<JavaClass> ENGINE_SPI = JavaClass.Predicates
            .assignableTo(ProcessEnginePlugin.class)
            .or(JavaClass.Predicates.assignableTo(BpmnParseListener.class))
            .or(JavaClass.Predicates.assignableTo(HistoryEventHandler.class))
            .or(JavaClass.Predicates.assignableTo(HistoryEventProducer.class))
            .or(JavaClass.Predicates.assignableTo(CommandInterceptor.class))
            .or(JavaClass.Predicates.assignableTo(Command.class))
            .or(JavaClass.Predicates.assignableTo(FormHandler.class))
            .or(JavaClass.Predicates.assignableTo(ReadOnlyIdentityProvider.class))
            .or(JavaClass.Predicates.assignableTo(SessionFactory.class))
            // an engine session the SessionFactory opens in place of the engine's own (AuthenticatedGroupsAuthorizationManager)
            .or(JavaClass.Predicates.assignableTo(Session.class));

    /**
     * The few other classes allowed to use an engine {@code impl} type, each for a reason (nested classes and lambdas
     * of these, and of engine extensions, count as their outer class).
     */
    private static final Set<String> IMPL_ALLOWED = Set.of(
            // ClockUtil: the engine's clock, which timers and due dates use and tests move; java.time.Clock adapts it
            "org.carecommissioning.shared.ClockConfiguration",
            // ClockUtil: due dates in days from the engine's today, for the models' expressions
            "org.carecommissioning.shared.Deadlines",
            // ClockUtil: when the PI return's deadline timer fires, from the engine's clock
            "org.carecommissioning.performance.DeadlineTimer",
            // registers ThrottledIdentityProviderFactory with the engine configuration through a ProcessEnginePlugin
            "org.carecommissioning.security.LoginThrottleConfiguration",
            // Context: the job a mail is sent from (its retries and a crashed node's take-over run the same job), which
            // names the mail so it is sent once; the public API does not expose the current job
            "org.carecommissioning.notification.MailStep");

    @Test
    @DisplayName("only the access adapter (shared.Caller) reads the engine's authentication; identity providers aside")
    void oneAccessAdapter() {
        classes().that(dependOn("org.camunda.bpm.engine.impl.identity"))
                .should(beOneOf(DescribedPredicate.describe("the access adapter or an identity provider",
                        type -> type.getName().equals(ACCESS_ADAPTER)
                                || type.isAssignableTo(ReadOnlyIdentityProvider.class))))
                .check(PRODUCTION);
        if (PRODUCTION.stream().noneMatch(type -> type.getName().equals(ACCESS_ADAPTER))) {
            throw new AssertionError("The access adapter " + ACCESS_ADAPTER + " is missing");
        }
    }

    @Test
    @DisplayName("engine internals (org.camunda.bpm.engine.impl) are used only by engine extensions and an explicit few")
    void engineInternalsOnlyInEngineExtensions() {
        long extensions = PRODUCTION.stream().filter(ENGINE_SPI).count();
        if (extensions < 8) {
            throw new AssertionError("engine extensions: only " + extensions + " classes found, expected 8");
        }
        classes().that(dependOn("org.camunda.bpm.engine.impl"))
                .should(beOneOf(DescribedPredicate.describe("an engine extension, the access adapter or allowed",
                        type -> ENGINE_SPI.test(type) || type.getName().equals(ACCESS_ADAPTER)
                                || IMPL_ALLOWED.contains(type.getName()))))
                .check(PRODUCTION);
    }

    /** Classes (their nested classes and lambdas counted as the outermost class) using a type in the package or below. */
    private static DescribedPredicate<JavaClass> dependOn(String packageName) {
        return DescribedPredicate.describe("depend on " + packageName + "..", type -> type.getDirectDependenciesFromSelf()
                .stream().anyMatch(dependency -> dependency.getTargetClass().getPackageName().startsWith(packageName)));
    }

    /** The class itself, or the outermost class enclosing it, is one of those. */
    private static ArchCondition<JavaClass> beOneOf(DescribedPredicate<JavaClass> allowed) {
        return new ArchCondition<>("be " + allowed.getDescription()) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                JavaClass outermost = type;
                while (outermost.getEnclosingClass().isPresent()) {
                    outermost = outermost.getEnclosingClass().get();
                }
                if (!allowed.test(type) && !allowed.test(outermost)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " uses "
                            + type.getDirectDependenciesFromSelf().stream()
                                    .map(dependency -> dependency.getTargetClass().getName())
                                    .filter(name -> name.startsWith("org.camunda.bpm.engine.impl"))
                                    .distinct().sorted().toList()));
                }
            }
        };
    }

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

    @Test
    @DisplayName("C1 U1: contract management knows no consultation; the consultation schedule joins the December e-mail "
            + "through contract management's AnnualScheduleSection")
    void contractManagementDoesNotDependOnConsultation() {
        assertThat(PRODUCTION.stream().filter(type -> type.getPackageName().endsWith(".consultation")
                && type.isAssignableTo("org.carecommissioning.contractmanagement.AnnualScheduleSection")).count())
                .as("a consultation class implements the section").isPositive();
        noClasses().that().resideInAPackage("org.carecommissioning.contractmanagement..").should()
                .dependOnClassesThat().resideInAPackage("org.carecommissioning.consultation..").check(PRODUCTION);
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
