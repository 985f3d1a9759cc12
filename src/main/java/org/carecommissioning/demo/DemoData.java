package org.carecommissioning.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.carecommissioning.cluster.StartupWriter;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.MeetingPlanning;
import org.carecommissioning.contractmanagement.PriorityLevel;
import org.carecommissioning.shared.FinancialQuarter;
import org.carecommissioning.performance.ContractPage;
import org.carecommissioning.performance.ReportingYear;
import org.carecommissioning.performance.Workbooks;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.quality.CoreObjective;
import org.carecommissioning.quality.QafGrade;
import org.carecommissioning.quality.QafPastRecords;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.SystemAuthority;
import org.carecommissioning.therapist.Therapist;
import org.carecommissioning.therapist.TherapistService;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users (user id = group id, password = user id) and sample data: a commissioning organisation, the
 * provider, two therapists and a live partnership that began with the last completed financial quarter, so a
 * walk-through can book a session in that quarter and invoice it. Created once (under the cluster's start-up lock, so
 * two nodes starting together do not both create it); a restart keeps what exists.
 *
 * <p>U1: on the first start, when the sample data is created, the daily consultation schedule runs once, as it would at
 * 06:30, so SP101 (never consulted, so due) has its "Plan service-user consultation" task waiting for the demo
 * purchasing officer at once. A restart does not run it again: the plan task is there already, and a 06:30 the
 * application was down for fires when the job executor starts, as every timer due in the past does. (Run again it would
 * open nothing: no second plan task while one waits, none while a consultation is open.)
 */
@Component
@Profile("demo")
@Order(20)
class DemoData implements StartupWriter {

    static final String DEMO_ORGANISATION = "HOPE";
    /** U1: the daily schedule (processes/consultation-schedule.bpmn) that opens the plan tasks of services due. */
    static final String CONSULTATION_SCHEDULE = "consultation-schedule";

    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final OrganisationService organisations;
    private final PartnershipService partnerships;
    private final TherapistService therapists;
    private final ContractServices contractServices;
    private final MeetingPlanning meetingPlanning;
    private final Workbooks workbooks;
    private final QafPastRecords qafRecords;
    private final SystemAuthority system;
    private final Clock clock;

    DemoData(IdentityService identityService, RuntimeService runtimeService, ManagementService managementService,
            OrganisationService organisations, PartnershipService partnerships, TherapistService therapists,
            ContractServices contractServices, MeetingPlanning meetingPlanning, Workbooks workbooks,
            QafPastRecords qafRecords, SystemAuthority system, Clock clock) {
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.therapists = therapists;
        this.contractServices = contractServices;
        this.meetingPlanning = meetingPlanning;
        this.workbooks = workbooks;
        this.qafRecords = qafRecords;
        this.system = system;
        this.clock = clock;
    }

    @Override
    public void write() {
        system.run(() -> {
            ensureUsers();
            if (organisations.findByCode(DEMO_ORGANISATION).isEmpty()) {
                sampleData();
                consultationScheduleNow();
            }
        });
    }

    /** The sample organisations, partnership, therapists and contracted service, created once. */
    private void sampleData() {
        organisations.registerProvider("ALW", "ActiveLightWorks", "coordinator@activelightworks.example");
        LocalDate start = FinancialQuarter.lastCompletedBefore(LocalDate.now(clock)).firstDay();
        var instance = runtimeService.startProcessInstanceByKey("partnership-term", Map.of(
                "organisationName", "Hope Community Group",
                "organisationCode", DEMO_ORGANISATION,
                "organisationEmail", "office@hope-community.example",
                "startDate", start.toString(),
                "treatmentMinutes", 60,
                "proposedBy", Roles.PARTNERSHIP_ADMIN));
        Long partnershipId = (Long) runtimeService.getVariable(instance.getId(), "partnershipId");
        Organisation hope = organisations.findByCode(DEMO_ORGANISATION).orElseThrow();
        identityService.createMembership(Roles.COMMISSIONER, hope.getGroupId());
        LocalDate inTwoYears = LocalDate.now(clock).plusYears(2);
        contractManagement();
        for (Therapist therapist : List.of(
                therapists.register("Maya Patel", "maya.patel@activelightworks.example", Roles.THERAPIST,
                        inTwoYears, inTwoYears),
                therapists.register("Tom Reid", "tom.reid@activelightworks.example", null,
                        inTwoYears, LocalDate.now(clock).plusMonths(3)))) {
            partnerships.makeTherapistAvailable(partnershipId, therapist.getId());
        }
    }

    /**
     * U1: runs the daily consultation schedule's timer now instead of at 06:30 (the timer then waits for the next
     * morning as usual), so a newcomer finds the plan task of the demo service due for consultation on the first start.
     */
    private void consultationScheduleNow() {
        Job timer = managementService.createJobQuery().processDefinitionKey(CONSULTATION_SCHEDULE).timers()
                .singleResult();
        if (timer != null) {
            managementService.executeJob(timer.getId());
        }
    }

    /** A supported-housing provider with one contracted service for the contract-management walk-through. */
    private void contractManagement() {
        Organisation haven = organisations.registerProvider("HAVEN", "Haven Housing Support", "contracts@haven.example");
        identityService.createMembership(Roles.PROVIDER, haven.getGroupId());
        contractServices.register("SP101", "Haven floating support", "HAVEN", "Single homeless people",
                "Floating support", PriorityLevel.AMBER, Roles.PURCHASING_OFFICER, LocalDate.now(clock).plusWeeks(7));
        lastYearsQaf();
        // C1: due in 7 weeks, inside the 8 weeks of planning: its "Plan next ... meeting" task opens at once. Q2: its
        // QAF's issue date (3 months before) has passed, so this year's QAF is issued at once, due back in a week
        meetingPlanning.scheduleNext("SP101");
        String year = new ReportingYear(FinancialQuarter.containing(LocalDate.now(clock)).startYear()).toString();
        workbooks.issue("SP101", year, new ContractPage("DCC-" + year.substring(0, 4), "Derbyshire County Council", 40,
                "OVER_2", false, "Contracts manager", new BigDecimal("120"), new BigDecimal("15"), new BigDecimal("5")),
                null, null, Roles.PURCHASING_OFFICER);
    }

    /**
     * Q5, Q7: SP101's agreed QAF of last year, from the paper forms: C1.5 agreed at D (claimed C) and C1.3 at B. A
     * newcomer completing this year's QAF who claims B for C1.5 moves it two grades: the validation-visit decision
     * gives "grade-change".
     */
    private void lastYearsQaf() {
        Map<CoreObjective, QafGrade> claimed = new EnumMap<>(CoreObjective.class);
        Map<CoreObjective, QafGrade> agreed = new EnumMap<>(CoreObjective.class);
        for (CoreObjective objective : CoreObjective.values()) {
            claimed.put(objective, QafGrade.C);
            agreed.put(objective, QafGrade.C);
        }
        claimed.put(CoreObjective.C1_3, QafGrade.B);
        agreed.put(CoreObjective.C1_3, QafGrade.B);
        agreed.put(CoreObjective.C1_5, QafGrade.D);
        qafRecords.recordAgreed("SP101", LocalDate.now(clock).plusWeeks(7).minusYears(1), claimed, agreed,
                Roles.PURCHASING_OFFICER);
    }

    /** One demo user per group (user id = group id), those missing created: one query for all groups. */
    private void ensureUsers() {
        Set<String> existing = identityService.createUserQuery().userIdIn(Roles.ALL.toArray(String[]::new)).list()
                .stream().map(User::getId).collect(Collectors.toSet());
        for (String group : Roles.ALL) {
            if (!existing.contains(group)) {
                createUser(group, group);
            }
        }
    }

    private void createUser(String userId, String groupId) {
        User user = identityService.newUser(userId);
        user.setFirstName(groupId.substring(0, 1).toUpperCase() + groupId.substring(1).replace('-', ' '));
        user.setLastName("(demo)");
        user.setEmail(userId + "@demo.example");
        user.setPassword(userId);
        identityService.saveUser(user);
        identityService.createMembership(userId, groupId);
    }
}
