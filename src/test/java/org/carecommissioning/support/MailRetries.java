package org.carecommissioning.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mockingDetails;

import java.time.Duration;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carecommissioning.notification.NotificationService;
import org.springframework.mail.MailSendException;

/**
 * X2 in the process tests: every mail step is an async job with the retry cycle R5/PT5M. While the SMTP server is
 * down the job executor tries it 5 times, 5 minutes apart, and then the failure is a Cockpit incident.
 */
public final class MailRetries {

    public static final String FAILURE = "Mail server connection failed";

    private MailRetries() {
    }

    /** The async job waiting at an activity of the instance. */
    public static Job job(ProcessInstance instance, String activityId) {
        Job job = jobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        return job;
    }

    /** X2: the async job waiting at an activity, with the 5 retries of R5/PT5M. */
    public static Job retriedJob(ProcessInstance instance, String activityId) {
        Job job = job(instance, activityId);
        assertThat(job.getRetries()).as("X2: retried").isEqualTo(5);
        return job;
    }

    /**
     * Makes the mail step's job fail until it becomes a Cockpit incident (X2), with the real mail delegate: the mocked
     * NotificationService throws as Spring's mail sender does while the SMTP server is down, and is healthy again
     * afterwards (so the test can show the retried job sends the mail once).
     *
     * @return the job, now without retries
     */
    public static Job failUntilIncident(ProcessInstance instance, String activityId, NotificationService notifications) {
        doThrow(new MailSendException(FAILURE)).when(notifications).send(any());
        long attemptsBefore = sendAttempts(notifications);
        Job mail = exhaustRetries(instance, activityId);
        assertThat(sendAttempts(notifications) - attemptsBefore).isEqualTo(5);
        doNothing().when(notifications).send(any());
        return mail;
    }

    private static long sendAttempts(NotificationService notifications) {
        return mockingDetails(notifications).getInvocations().stream()
                .filter(invocation -> invocation.getMethod().getName().equals("send")).count();
    }

    private static Job exhaustRetries(ProcessInstance instance, String activityId) {
        Job mail = job(instance, activityId);
        assertThat(mail).hasRetries(5);

        for (int retriesLeft = 4; retriesLeft >= 0; retriesLeft--) {
            String jobId = mail.getId();
            assertThatThrownBy(() -> managementService().executeJob(jobId))
                    .isInstanceOf(MailSendException.class)
                    .hasMessage(FAILURE);
            mail = job(instance, activityId);
            assertThat(mail).hasRetries(retriesLeft).hasExceptionMessage();
            assertThat(mail.getExceptionMessage()).isEqualTo(FAILURE);
            if (retriesLeft > 0) {
                assertThat(Duration.between(TestClock.now().atZone(TestClock.LONDON).toInstant(),
                        mail.getDuedate().toInstant())).isEqualTo(Duration.ofMinutes(5));
                assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId())
                        .activityId(activityId).count()).isZero();
            }
        }

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId())
                .activityId(activityId).singleResult();
        assertThat(incident).as("incident of " + activityId).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getConfiguration()).isEqualTo(mail.getId());
        assertThat(incident.getIncidentMessage()).isEqualTo(FAILURE);
        return mail;
    }
}
