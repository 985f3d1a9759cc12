package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * U1, U7: the "Service users" clause of the contract management meeting's internal audit, from the consultation
 * records ({@link Consultations#clauseSummary}) and set by {@link ConsultationClauseSummaryListener} when the audit
 * opens: last consulted with the report's headline and the next due date, never consulted, or overdue, plus the
 * consultation under way. It names no participant.
 */
@DisplayName("Consultations: the audit's Service users clause (U1, U7)")
class ConsultationClauseSummaryTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 5, 3);
    private static final long SERVICE_ID = 7L;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ConsultationRepository repository;
    private Consultations consultations;

    @BeforeEach
    void setUp() {
        repository = mock(ConsultationRepository.class);
        ContractServices services = mock(ContractServices.class);
        ContractedService service = mock(ContractedService.class);
        when(service.getId()).thenReturn(SERVICE_ID);
        when(services.byCode("SP101")).thenReturn(service);
        consultations = new Consultations(repository, mock(ConsentRecordRepository.class),
                mock(AnswerSetRepository.class), mock(ServiceReviewYearRepository.class), services,
                new ConsultationDeadlines(LONDON), Clock.fixed(TODAY.atTime(10, 0).atZone(LONDON).toInstant(), LONDON));
    }

    private static Consultation reported(String reference, LocalDate issuedOn, String headline) {
        LocalDateTime at = issuedOn.atTime(9, 0);
        Consultation consultation = new Consultation(reference, SERVICE_ID, "2025/26", null, "po", at);
        consultation.proposed(ConsultationMethod.SMALL_GROUP, 12, 5, false, 5, "po", at);
        consultation.agreed(ConsultationMethod.SMALL_GROUP, 5, null, "cm", at);
        if (headline != null) {
            consultation.reportWritten(headline, "Report text naming no one.", false, "po", at);
        }
        consultation.reportIssued(issuedOn, at);
        return consultation;
    }

    private void lastReported(Consultation... reported) {
        when(repository.findByServiceIdAndStatusOrderByReportIssuedOnDesc(SERVICE_ID, ConsultationStatus.REPORT_ISSUED))
                .thenReturn(List.of(reported));
    }

    private void open(Consultation... open) {
        when(repository.findByServiceIdAndStatusIn(any(), any())).thenReturn(List.of(open));
    }

    @Test
    @DisplayName("U1 U7 last consulted: the latest report's date, reference and headline, and when the next is due")
    void lastConsulted() {
        lastReported(reported("SUC-SP101-2025", LocalDate.of(2026, 3, 12), "Users value the key workers"),
                reported("SUC-SP101-2023", LocalDate.of(2024, 1, 10), "An older headline."));
        open();
        assertThat(consultations.clauseSummary("SP101", TODAY)).isEqualTo("Last consulted: report issued 12 March 2026"
                + " (SUC-SP101-2025): Users value the key workers. Next consultation due by 12 March 2028.");
    }

    @Test
    @DisplayName("U1 never consulted: a consultation is due now")
    void neverConsulted() {
        lastReported();
        open();
        assertThat(consultations.clauseSummary("SP101", TODAY)).isEqualTo("Never consulted: a consultation is due now.");
    }

    @Test
    @DisplayName("U1 more than 2 years since the last report: overdue; the consultation under way is named with its stage")
    void overdueAndUnderWay() {
        lastReported(reported("SUC-SP101-2024", LocalDate.of(2025, 5, 2), null));
        Consultation underWay = new Consultation("SUC-SP101-2027", SERVICE_ID, "2027/28", null, "po",
                TODAY.atStartOfDay());
        open(underWay);
        assertThat(consultations.clauseSummary("SP101", TODAY)).isEqualTo("Last consulted: report issued 2 May 2025"
                + " (SUC-SP101-2024): no headline recorded. A consultation was due by 2 May 2027. Consultation"
                + " SUC-SP101-2027 under way (planned).");
    }

    @Test
    @DisplayName("U1 never consulted and the first consultation under way")
    void firstUnderWay() {
        lastReported();
        Consultation underWay = new Consultation("SUC-SP101-2027", SERVICE_ID, "2027/28", null, "po",
                TODAY.atStartOfDay());
        underWay.proposed(ConsultationMethod.QUESTIONNAIRE, 600, 30, true, 30, "po", TODAY.atStartOfDay());
        open(underWay);
        assertThat(consultations.clauseSummary("SP101", TODAY)).isEqualTo("Never consulted: a consultation is due now."
                + " Consultation SUC-SP101-2027 under way (awaiting the contracts manager's agreement of the approach).");
    }

    @Test
    @DisplayName("U1 U7 the listener sets serviceUsersClauseSummary for the meeting's service when the audit opens")
    void listenerSetsTheClause() {
        lastReported(reported("SUC-SP101-2025", LocalDate.of(2026, 3, 12), "Users value the key workers."));
        open();
        DelegateTask task = mock(DelegateTask.class);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(task.getExecution()).thenReturn(execution);
        when(execution.getVariable("serviceCode")).thenReturn("SP101");
        new ConsultationClauseSummaryListener(consultations,
                Clock.fixed(TODAY.atTime(10, 0).atZone(LONDON).toInstant(), LONDON)).notify(task);
        verify(execution).setVariable(ConsultationClauseSummaryListener.CLAUSE_SUMMARY, "Last consulted: report issued"
                + " 12 March 2026 (SUC-SP101-2025): Users value the key workers. Next consultation due by 12 March 2028.");
    }
}
