package org.carecommissioning.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.contractmanagement.NextMeetingDateSet;
import org.carecommissioning.shared.CareProperties;
import org.carecommissioning.shared.NotFound;
import org.carecommissioning.shared.ProcessDates;
import org.carecommissioning.shared.SystemAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Q2, X1: each service's QAF is issued automatically 3 months before its next contract management meeting, due back
 * 6 weeks before it (processes/qaf-schedule.bpmn). Whenever contract management sets that meeting's date (due after
 * the last meeting, brought forward, or planned: {@link NextMeetingDateSet}) the service's waiting schedule is
 * cancelled and a new one waits for the new date, so the QAF's dates move with the meeting; an issue date already
 * past issues at once. The officer can still issue more QAFs by hand (full or Lite).
 * <p>
 * Decisions: the automatic QAF is the full QAF. A QAF of the service for a meeting on or after the new meeting's
 * issue date belongs to the same meeting's cycle: none is issued again. Such a QAF still awaiting its first
 * self-assessment (issued) moves with the meeting: its meeting and due date, the provider's task's due date and the
 * non-return timer, unless the new due date has passed (then it keeps its dates); a QAF sent back for evidence or
 * already returned keeps its dates. A meeting less than 6 weeks away gets no automatic QAF, whose deadline would have
 * passed.
 */
@Service
public class QafScheduling {

    static final String PROCESS_KEY = "qaf-schedule";
    static final String SERVICE_CODE = "serviceCode";
    static final String MEETING_DATE = "meetingDate";
    static final String ISSUE_AT = "qafIssueAt";
    static final String ALREADY_ISSUED = "qafAlreadyIssued";
    /** The elements of processes/qaf.bpmn whose dates move with the meeting. */
    static final String SELF_ASSESSMENT_TASK = "Task_CompleteSelfAssessment";
    static final String OVERDUE_TIMER = "BoundaryEvent_SelfAssessmentOverdue";
    /** The message of processes/qaf.bpmn that moves an awaited QAF's dates with its meeting. */
    static final String MEETING_MOVED = "qaf-meeting-moved";

    private static final Logger LOG = LoggerFactory.getLogger(QafScheduling.class);
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ContractServices services;
    private final QafReturnRepository history;
    private final QafDeadlines deadlines;
    private final RuntimeService runtimeService;
    private final SystemAuthority system;
    private final CareProperties properties;
    private final Clock clock;

    QafScheduling(ContractServices services, QafReturnRepository history, QafDeadlines deadlines,
            RuntimeService runtimeService, SystemAuthority system, CareProperties properties, Clock clock) {
        this.services = services;
        this.history = history;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.system = system;
        this.properties = properties;
        this.clock = clock;
    }

    /** Q2: the meeting's date was set: the QAF's schedule follows it (in the same transaction). */
    @EventListener
    public void nextMeetingDateSet(NextMeetingDateSet event) {
        schedule(event.serviceCode(), event.meetingDate());
    }

    /**
     * Q2: replaces the service's waiting schedule with one for a meeting on {@code meetingDate}.
     *
     * @return the schedule's business key, or null when no QAF is to be issued automatically for that meeting
     */
    @Transactional
    public String schedule(String serviceCode, LocalDate meetingDate) {
        return system.call(() -> {
            for (ProcessInstance waiting : waiting(serviceCode)) {
                runtimeService.deleteProcessInstance(waiting.getId(), "The next meeting is now on " + meetingDate + ".");
            }
            LocalDate today = LocalDate.now(clock);
            moveAwaited(serviceCode, meetingDate, today);
            if (deadlines.dueOn(meetingDate).isBefore(today)) {
                LOG.info("No automatic QAF for {}: its meeting on {} is less than 6 weeks away", serviceCode, meetingDate);
                return null;
            }
            if (alreadyIssued(serviceCode, meetingDate)) {
                return null;
            }
            String businessKey = "QAFSCHED-" + serviceCode + "-" + KEY_DATE.format(meetingDate);
            Map<String, Object> variables = new HashMap<>();
            variables.put(SERVICE_CODE, serviceCode);
            variables.put(MEETING_DATE, meetingDate.toString());
            variables.put(ISSUE_AT, issueAt(meetingDate, today));
            runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
            return businessKey;
        });
    }

    /** Q2, X1: the start of the day 3 months before the meeting, or now when that day has come. */
    Date issueAt(LocalDate meetingDate, LocalDate today) {
        LocalDate issueOn = deadlines.issueOn(meetingDate);
        return issueOn.isAfter(today) ? ProcessDates.startOfDay(issueOn, properties.zone()) : Date.from(clock.instant());
    }

    /** Q2 (Decision): a QAF of the service for a meeting on or after this meeting's issue date is this cycle's. */
    @Transactional(readOnly = true)
    public boolean alreadyIssued(String serviceCode, LocalDate meetingDate) {
        ContractedService service = services.byCode(serviceCode);
        return history.existsByServiceIdAndMeetingDateGreaterThanEqual(service.getId(),
                deadlines.issueOn(meetingDate));
    }

    /** Q2: starts the service's QAF (full) for the meeting; its own process issues it. Returns its reference. */
    @Transactional
    public String issue(String serviceCode, LocalDate meetingDate) {
        ProcessInstance qaf = runtimeService.startProcessInstanceByKey(QafReturnProcess.KEY, Map.of(
                "serviceCode", serviceCode,
                "qafVariant", QafVariant.FULL.name(),
                "meetingDate", meetingDate.toString()));
        return qaf.getBusinessKey();
    }

    /** Q2 (Decision): an issued QAF of this meeting's cycle, not yet returned, moves with the meeting. */
    private void moveAwaited(String serviceCode, LocalDate meetingDate, LocalDate today) {
        LocalDate dueOn = deadlines.dueOn(meetingDate);
        if (dueOn.isBefore(today)) {
            return;
        }
        ContractedService service = services.byCode(serviceCode);
        for (QafReturn qaf : history.findByServiceIdAndStatusIn(service.getId(), List.of(QafStatus.ISSUED))) {
            if (qaf.getMeetingDate().equals(meetingDate) || qaf.getMeetingDate().isBefore(deadlines.issueOn(meetingDate))) {
                continue;
            }
            // the model moves the dates: the message "Meeting moved" on the provider's task (processes/qaf.bpmn)
            runtimeService.createMessageCorrelation(MEETING_MOVED)
                    .processInstanceBusinessKey(qaf.getReference())
                    .setVariable(QafVariables.MOVED_MEETING_DATE, meetingDate.toString())
                    .correlateAll();
        }
    }

    /**
     * Q2, X1: step "Move the QAF's dates" of processes/qaf.bpmn: the QAF awaiting its self-assessment takes the
     * moved meeting's date and is due 6 weeks before it.
     */
    @Transactional
    public QafReturn moveToMeeting(String reference, LocalDate meetingDate) {
        QafReturn qaf = history.findByReference(reference).orElseThrow(() -> new NotFound(
                "There is no QAF " + reference + "."));
        qaf.meetingMoved(meetingDate, deadlines.dueOn(meetingDate));
        return qaf;
    }

    private List<ProcessInstance> waiting(String serviceCode) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(SERVICE_CODE, serviceCode).active().list();
    }
}
