package org.carecommissioning.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.therapist.Therapist;
import org.carecommissioning.therapist.TherapistService;
import org.springframework.stereotype.Component;

/**
 * Builds test worlds through the application's own services and drives processes as named users, the way
 * Tasklist does. Each organisation gets a fresh code so tests sharing one database never collide.
 */
@Component
public class Scenario {

    /** The commissioners' zone of the tests: {@link TestClock#LONDON}, the one test clock. */
    public static final ZoneId LONDON = TestClock.LONDON;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final OrganisationService organisations;
    private final PartnershipService partnerships;
    private final TherapistService therapists;

    Scenario(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, OrganisationService organisations, PartnershipService partnerships,
            TherapistService therapists) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.therapists = therapists;
    }

    /** Sets the engine (and so the domain) clock, through {@link TestClock}. */
    public static void now(LocalDateTime time) {
        TestClock.setTo(Date.from(time.atZone(LONDON).toInstant()));
    }

    /** Midnight at the start of a day in London, as the processes set due dates and timers. */
    public static Date londonStartOf(LocalDate day) {
        return Date.from(day.atStartOfDay(LONDON).toInstant());
    }

    public static String uniqueCode(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** A commissioning organisation with a partnership from {@code start}, and one commissioner user in it. */
    public World world(LocalDate start) {
        String code = uniqueCode("T");
        Partnership partnership = asSystem(() -> partnerships.enterInto(code, "Test group " + code,
                code.toLowerCase() + "@co.example", start, 60));
        Organisation organisation = organisations.findByCode(code).orElseThrow();
        String commissioner = "commissioner-" + code.toLowerCase();
        user(commissioner, "commissioner", organisation.getGroupId());
        return new World(organisation, partnership, commissioner);
    }

    public Therapist therapistOn(Partnership partnership, String name, LocalDate qualifiedUntil,
            LocalDate insuredUntil, String userId) {
        Therapist therapist = therapists.register(name, name.toLowerCase().replace(' ', '.') + "@alw.example",
                userId, qualifiedUntil, insuredUntil);
        partnerships.makeTherapistAvailable(partnership.getId(), therapist.getId());
        return therapist;
    }

    public void user(String userId, String... groups) {
        asSystem(() -> {
            if (identityService.createUserQuery().userId(userId).count() == 0) {
                User user = identityService.newUser(userId);
                user.setPassword(userId);
                identityService.saveUser(user);
                for (String group : groups) {
                    identityService.createMembership(userId, group);
                }
            }
            return null;
        });
    }

    /** Starts a referral as the world's commissioner, as Tasklist's start form would. */
    public ProcessInstance refer(World world, String clientName) {
        return as(world.commissioner(), () -> runtimeService.startProcessInstanceByKey("referral", Map.of(
                "serviceUserName", clientName,
                "membershipNumber", "M-" + SEQUENCE.incrementAndGet(),
                "serviceUserPhone", "01332 000000",
                "referralReason", "Test referral")));
    }

    public Task task(ProcessInstance instance, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    /** Completes the instance's open task with this key as the given user, with form values. */
    public void complete(String userId, ProcessInstance instance, String taskDefinitionKey, Map<String, Object> form) {
        Task task = task(instance, taskDefinitionKey);
        if (task == null) {
            throw new AssertionError("No open task " + taskDefinitionKey + " in " + instance.getBusinessKey());
        }
        as(userId, () -> {
            taskService.complete(task.getId(), new HashMap<>(form));
            return null;
        });
    }

    /**
     * Executes the due jobs of an instance and its sub-process instances, as the job executor would, until none
     * is left. A failing job throws, as it would fail in the job executor.
     */
    public int executeDueJobs(String processInstanceId) {
        int executed = 0;
        for (int round = 0; round < 50; round++) {
            List<Job> due = new java.util.ArrayList<>();
            for (String id : withDescendants(processInstanceId)) {
                due.addAll(managementService.createJobQuery().processInstanceId(id).executable().list());
            }
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        throw new AssertionError("Jobs of " + processInstanceId + " keep appearing");
    }

    public List<String> withDescendants(String processInstanceId) {
        List<String> ids = new java.util.ArrayList<>(List.of(processInstanceId));
        for (int i = 0; i < ids.size(); i++) {
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
                    .forEach(child -> ids.add(child.getId()));
        }
        return ids;
    }

    public <T> T as(String userId, Supplier<T> work) {
        List<String> groups = asSystem(() -> identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        identityService.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public <T> T asSystem(Supplier<T> work) {
        identityService.clearAuthentication();
        return work.get();
    }

    public record World(Organisation organisation, Partnership partnership, String commissioner) {
    }
}
