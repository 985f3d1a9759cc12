package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.carecommissioning.consultation.Consultations.DueService;
import org.carecommissioning.shared.DisplayDates;
import org.carecommissioning.shared.SystemAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * U1: the daily consultation schedule (processes/consultation-schedule.bpmn). For each service due
 * ({@link Consultations#dueServices}) it opens one "Plan service-user consultation" task for the service's purchasing
 * officer (processes/consultation-due.bpmn, business key SUCDUE-service code): never a second while one is waiting,
 * and none while the service has an open consultation. The officer's task, when completed, starts the consultation.
 */
@Service
class ConsultationScheduling {

    static final String DUE_PROCESS_KEY = "consultation-due";
    static final String DUE_BUSINESS_KEY_PREFIX = "SUCDUE-";
    static final String DUE_AT = "consultationDueAt";
    static final String DUE_TEXT = "consultationDueText";
    static final String LAST_CONSULTED_TEXT = "lastConsultedText";
    static final String PLAN_TASKS_OPENED = "planTasksOpened";

    private static final Logger LOG = LoggerFactory.getLogger(ConsultationScheduling.class);

    private final RuntimeService runtimeService;
    private final Consultations consultations;
    private final ConsultationDeadlines deadlines;
    private final SystemAuthority system;
    private final Clock clock;

    ConsultationScheduling(RuntimeService runtimeService, Consultations consultations, ConsultationDeadlines deadlines,
            SystemAuthority system, Clock clock) {
        this.runtimeService = runtimeService;
        this.consultations = consultations;
        this.deadlines = deadlines;
        this.system = system;
        this.clock = clock;
    }

    /**
     * U1: opens a plan task for every service due today that has none waiting; returns how many were opened. The task
     * is due the day the service fell due: 2 years after its last report, or today when it was never consulted.
     */
    @Transactional
    public int openPlanTasks() {
        LocalDate today = LocalDate.now(clock);
        int opened = 0;
        for (DueService due : consultations.dueServices(today)) {
            String businessKey = businessKey(due.serviceCode());
            if (planTaskWaiting(businessKey)) {
                continue;
            }
            LocalDate dueOn = due.lastConsultedOn() == null ? today : deadlines.nextDueOn(due.lastConsultedOn());
            Map<String, Object> variables = new HashMap<>();
            variables.put(ConsultationVariables.SERVICE_CODE, due.serviceCode());
            variables.put(ConsultationVariables.SERVICE_NAME, due.serviceName());
            variables.put(ConsultationVariables.PURCHASING_OFFICER, due.purchasingOfficer());
            variables.put(ConsultationVariables.FINANCIAL_YEAR, due.financialYear());
            variables.put(LAST_CONSULTED_TEXT, due.lastConsultedOn() == null ? "never"
                    : DisplayDates.date(due.lastConsultedOn()));
            variables.put(DUE_TEXT, DisplayDates.date(dueOn));
            variables.put(DUE_AT, deadlines.dueAt(dueOn));
            system.run(() -> runtimeService.startProcessInstanceByKey(DUE_PROCESS_KEY, businessKey, variables));
            opened++;
        }
        LOG.info("Consultation schedule: {} plan task(s) opened", opened);
        return opened;
    }

    /**
     * U1: the officer completed the plan task of consultation-due instance {@code dueInstanceId}: starts the
     * service's consultation, planned by {@code plannerUserId}.
     * Returns false, starting nothing, when the service is no longer due (its consultation was started meanwhile from
     * the start form), so the task never fails for it.
     */
    @Transactional
    public boolean startConsultation(String serviceCode, String plannerUserId, String dueInstanceId) {
        boolean stillDue = consultations.dueServices(LocalDate.now(clock)).stream()
                .anyMatch(due -> due.serviceCode().equals(serviceCode));
        if (!stillDue) {
            return false;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ConsultationVariables.SERVICE_CODE, serviceCode);
        variables.put(ConsultationVariables.PLANNED_BY, plannerUserId);
        variables.put(ConsultationVariables.PLANNED_FROM, dueInstanceId);
        system.run(() -> runtimeService.startProcessInstanceByKey(ConsultationVariables.PROCESS_KEY, variables));
        return true;
    }

    /**
     * U1: the service's consultation was planned; a plan task still waiting for it (the officer used the start form
     * instead) is withdrawn, except that of {@code exceptDueInstanceId}, which started the consultation and ends itself.
     */
    @Transactional
    public void consultationPlanned(String serviceCode, String exceptDueInstanceId) {
        system.run(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(DUE_PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(serviceCode)).list().stream()
                .filter(waiting -> !waiting.getId().equals(exceptDueInstanceId))
                .forEach(waiting -> runtimeService.deleteProcessInstance(waiting.getId(), "The consultation of "
                        + serviceCode + " was planned from its start form.")));
    }

    static String businessKey(String serviceCode) {
        return DUE_BUSINESS_KEY_PREFIX + serviceCode;
    }

    private boolean planTaskWaiting(String businessKey) {
        return system.call(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(DUE_PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).count() > 0);
    }
}
