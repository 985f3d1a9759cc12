package org.carecommissioning.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * U7: the quarterly summary of service-user feedback for the Core Strategy Group and the commissioning body. For each
 * consultation whose report was issued in the quarter: the service and its provider, the method, the participants
 * (answer sets standing after withdrawals, returned questionnaires included), the questionnaires returned, the
 * complaints raised (anonymously, by name), the safeguarding escalations and the report's headline; the totals; and
 * the consultations still open with their stage. It never holds a name, a consent reference or an answer's text.
 */
@Service
public class ConsultationQuarterlySummary {

    private final ConsultationRepository consultations;
    private final AnswerSetRepository answerSets;
    private final ConsultationConcernRepository concerns;
    private final ContractServices services;
    private final Clock clock;

    ConsultationQuarterlySummary(ConsultationRepository consultations, AnswerSetRepository answerSets,
            ConsultationConcernRepository concerns, ContractServices services, Clock clock) {
        this.consultations = consultations;
        this.answerSets = answerSets;
        this.concerns = concerns;
        this.services = services;
        this.clock = clock;
    }

    /** U7: the summary of {@code quarter}, as the records stand today. */
    @Transactional(readOnly = true)
    public Summary summary(ConsultationQuarter quarter) {
        List<Reported> reported = new ArrayList<>();
        for (Consultation consultation : consultations.findByReportIssuedOnBetweenOrderByReportIssuedOnAscReferenceAsc(
                quarter.firstDay(), quarter.lastDay())) {
            Long id = consultation.getId();
            ContractedService service = services.get(consultation.getServiceId());
            reported.add(new Reported(consultation.getReference(), service.getServiceCode(), service.getName(),
                    services.providerOf(service).getName(),
                    consultation.getMethod() == null ? "" : consultation.getMethod().label(),
                    answerSets.countByConsultationId(id), answerSets.countByConsultationIdAndConsentReferenceIsNull(id),
                    concerns.countByConsultationIdAndKindAndComplaint(id, ConcernKind.COMPLAINT, ComplaintChoice.ANONYMOUS),
                    concerns.countByConsultationIdAndKindAndComplaint(id, ConcernKind.COMPLAINT, ComplaintChoice.NAMED),
                    concerns.countByConsultationIdAndKind(id, ConcernKind.SAFEGUARDING),
                    consultation.getReportIssuedOn(), consultation.getReportHeadline() == null ? ""
                            : consultation.getReportHeadline()));
        }
        List<Open> open = new ArrayList<>();
        for (Consultation consultation : consultations.findByStatusInOrderByReference(Arrays.stream(
                ConsultationStatus.values()).filter(ConsultationStatus::isOpen).toList())) {
            ContractedService service = services.get(consultation.getServiceId());
            open.add(new Open(consultation.getReference(), service.getServiceCode(), service.getName(),
                    services.providerOf(service).getName(), consultation.getStatus().describe()));
        }
        return new Summary(quarter, LocalDate.now(clock), reported, Totals.of(reported), open);
    }

    /** U7: one consultation reported in the quarter; counts only, and the report's headline. */
    public record Reported(String reference, String serviceCode, String serviceName, String provider, String method,
            long participants, long questionnaires, long anonymousComplaints, long namedComplaints,
            long safeguardingEscalations, LocalDate reportIssuedOn, String headline) {
    }

    /** U7: a consultation still open, and its stage. */
    public record Open(String reference, String serviceCode, String serviceName, String provider, String stage) {
    }

    /** U7: the quarter's totals over the consultations reported. */
    public record Totals(int consultations, long participants, long questionnaires, long anonymousComplaints,
            long namedComplaints, long safeguardingEscalations) {

        static Totals of(List<Reported> reported) {
            return new Totals(reported.size(), reported.stream().mapToLong(Reported::participants).sum(),
                    reported.stream().mapToLong(Reported::questionnaires).sum(),
                    reported.stream().mapToLong(Reported::anonymousComplaints).sum(),
                    reported.stream().mapToLong(Reported::namedComplaints).sum(),
                    reported.stream().mapToLong(Reported::safeguardingEscalations).sum());
        }
    }

    /** U7: the summary of one quarter, as of {@code asOf}. */
    public record Summary(ConsultationQuarter quarter, LocalDate asOf, List<Reported> reported, Totals totals,
            List<Open> open) {
    }
}
