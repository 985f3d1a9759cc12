package org.carecommissioning.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.carecommissioning.consultation.Consultations.ConsentForm;
import org.carecommissioning.consultation.Consultations.GivenAnswer;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of {@link Consultations} on mocked repositories: U1 (one open consultation per service; postponement over
 * consecutive procurement review years), U2 (the sample and the method), U3 (the consent form's signatures and date,
 * the consent reference, the answers checked before any is kept) and the dates of {@link ConsultationDeadlines}.
 */
@DisplayName("Consultations (U1, U2, U3, U4)")
class ConsultationsTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 5, 3);
    private static final long SERVICE_ID = 7L;
    private static final String REFERENCE = "SUC-SP101-2027";

    private ConsultationRepository repository;
    private ConsentRecordRepository consents;
    private AnswerSetRepository answerSets;
    private ServiceReviewYearRepository reviewYears;
    private Consultations consultations;
    private Consultation consultation;

    @BeforeEach
    void setUp() {
        repository = mock(ConsultationRepository.class);
        consents = mock(ConsentRecordRepository.class);
        answerSets = mock(AnswerSetRepository.class);
        reviewYears = mock(ServiceReviewYearRepository.class);
        ContractServices services = mock(ContractServices.class);
        ContractedService service = mock(ContractedService.class);
        when(service.getId()).thenReturn(SERVICE_ID);
        when(service.getServiceCode()).thenReturn("SP101");
        when(services.byCode("SP101")).thenReturn(service);
        ZoneId london = ZoneId.of("Europe/London");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(london).toInstant(), london);
        RandomGenerator random = mock(RandomGenerator.class);
        when(random.nextInt(Consultations.REFERENCE_SYMBOLS.length())).thenReturn(0, 1, 2, 3, 4, 5, 6, 7);
        consultations = new Consultations(repository, consents, answerSets, reviewYears, services,
                new ConsultationDeadlines(ZoneId.of("Europe/London")), random, clock);
        consultation = new Consultation(REFERENCE, SERVICE_ID, "2027/28", null, "po", TODAY.atStartOfDay());
        when(repository.findByReference(REFERENCE)).thenReturn(Optional.of(consultation));
        when(repository.save(any(Consultation.class))).thenAnswer(call -> call.getArgument(0));
        when(consents.save(any(ConsentRecord.class))).thenAnswer(call -> call.getArgument(0));
        when(answerSets.save(any(AnswerSet.class))).thenAnswer(call -> call.getArgument(0));
    }

    private void agreedInterviews() {
        consultation.proposed(ConsultationMethod.INDIVIDUAL_INTERVIEW, 10, 3, false, 3, "po", TODAY.atStartOfDay());
        consultation.agreed(ConsultationMethod.INDIVIDUAL_INTERVIEW, 3, null, "cm", TODAY.atStartOfDay());
    }

    @Test
    @DisplayName("U1 a second consultation is refused while one is open, and nothing is saved")
    void secondOpenRefused() {
        when(repository.findByServiceIdAndStatusIn(eq(SERVICE_ID), any())).thenReturn(List.of(consultation));
        assertThatThrownBy(() -> consultations.plan("SP101", "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U1: Service SP101 already has an open consultation, SUC-SP101-2027 (planned); its users"
                        + " are not consulted twice at once.");
        verify(repository, never()).save(any());
    }

    @Test
    @DisplayName("U1 postponed over consecutive procurement review years to the first year outside them")
    void postponedOverConsecutiveReviewYears() {
        when(reviewYears.existsByServiceIdAndFinancialYear(SERVICE_ID, "2027/28")).thenReturn(true);
        when(reviewYears.existsByServiceIdAndFinancialYear(SERVICE_ID, "2028/29")).thenReturn(true);
        Consultation planned = consultations.plan("SP101", "po");
        assertThat(planned.getFinancialYear()).isEqualTo("2029/30");
        assertThat(planned.getPostponedFrom()).isEqualTo("2027/28");
        assertThat(planned.getReference()).isEqualTo("SUC-SP101-2029");
    }

    @Test
    @DisplayName("U1 a further consultation in the same financial year gets the next number")
    void furtherConsultationInTheSameYear() {
        when(repository.countByServiceIdAndFinancialYear(SERVICE_ID, "2027/28")).thenReturn(1L);
        assertThat(consultations.plan("SP101", "po").getReference()).isEqualTo("SUC-SP101-2027-2");
    }

    @Test
    @DisplayName("U2 the minimum must have been worked out, fit the number of users, and the sample lie within them")
    void approachChecks() {
        assertThatThrownBy(() -> consultations.proposeApproach(REFERENCE, ConsultationMethod.SMALL_GROUP, 10, null,
                null, null, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U2: The minimum number to contact has not been worked out for 10");
        assertThatThrownBy(() -> consultations.proposeApproach(REFERENCE, ConsultationMethod.SMALL_GROUP, 2, 3,
                false, null, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U2: A minimum of 3 to contact does not fit 2 service users");
        assertThatThrownBy(() -> consultations.proposeApproach(REFERENCE, ConsultationMethod.SMALL_GROUP, 10, 3,
                false, 11, "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U2: The sample must be between 0 and the 10 service users; 11 is not.");
        assertThatThrownBy(() -> consultations.proposeApproach(REFERENCE, null, 10, 3, false, null, "po"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("U2: Choose the method");
        assertThat(consultation.getStatus()).isEqualTo(ConsultationStatus.PLANNED);

        consultations.proposeApproach(REFERENCE, ConsultationMethod.SMALL_GROUP, 10, 3, false, null, "po");
        assertThat(consultations.agreeApproach(REFERENCE, null, 4, null, "cm").getSampleSize()).isEqualTo(4);
        assertThatThrownBy(() -> consultations.agreeApproach(REFERENCE, null, 4, null, "cm"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U2: Consultation SUC-SP101-2027 is under way; there is no proposed approach to agree.");
    }

    @Test
    @DisplayName("U5 more interviews grow the sample with the manager's reason; refused below 1, beyond the users not"
            + " yet in the sample, without a reason and for a questionnaire consultation, writing nothing")
    void growSample() {
        agreedInterviews();
        assertThatThrownBy(() -> consultations.growSample(REFERENCE, 0, "Night shift not heard.", "cm"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U5: Give how many more service users are interviewed, between 1 and 7 (the 10 users less"
                        + " the sample of 3); 0 is not.");
        assertThatThrownBy(() -> consultations.growSample(REFERENCE, 8, "Night shift not heard.", "cm"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("between 1 and 7");
        assertThatThrownBy(() -> consultations.growSample(REFERENCE, 2, " ", "cm"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("U5: Give the reason");
        assertThat(consultation.getSampleSize()).isEqualTo(3);
        assertThat(consultation.getSampleGrownBy()).isZero();

        consultations.growSample(REFERENCE, 2, "Night shift not heard.", "cm");
        consultations.growSample(REFERENCE, 5, "Still one-sided.", "cm2");
        assertThat(consultation.getSampleSize()).isEqualTo(10);
        assertThat(consultation.getSampleGrownBy()).isEqualTo(7);
        assertThat(consultation.getSampleGrownReason()).isEqualTo("Still one-sided.");
        assertThat(consultation.getSampleGrownByUser()).isEqualTo("cm2");
        assertThat(consultation.getSampleGrownAt()).isEqualTo(TODAY.atTime(10, 0));
        assertThatThrownBy(() -> consultations.growSample(REFERENCE, 1, "More.", "cm"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("All 10 service users are in the sample");
    }

    @Test
    @DisplayName("U5 a questionnaire consultation has no more interviews")
    void noMoreInterviewsByQuestionnaire() {
        consultation.proposed(ConsultationMethod.QUESTIONNAIRE, 600, 30, true, 30, "po", TODAY.atStartOfDay());
        consultation.agreed(ConsultationMethod.QUESTIONNAIRE, 30, null, "cm", TODAY.atStartOfDay());
        assertThatThrownBy(() -> consultations.growSample(REFERENCE, 5, "More.", "cm"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("is by questionnaire");
    }

    @Test
    @DisplayName("U3 the contracts manager's short-notice reason is stored on the consultation; an over-long one is"
            + " refused and nothing is agreed")
    void shortNoticeReason() {
        consultations.proposeApproach(REFERENCE, ConsultationMethod.SMALL_GROUP, 10, 3, false, null, "po");
        assertThatThrownBy(() -> consultations.agreeApproach(REFERENCE, null, null, null, "x".repeat(2001), "cm"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U3: The reason for short notice is 2001 characters long; the limit is 2000");
        assertThat(consultation.getStatus()).isEqualTo(ConsultationStatus.APPROACH_PROPOSED);
        assertThat(consultation.getShortNoticeReason()).isNull();

        consultations.agreeApproach(REFERENCE, null, null, null, "  Ongoing concerns about night cover. ", "cm");
        assertThat(consultation.getShortNoticeReason()).isEqualTo("Ongoing concerns about night cover.");
        assertThat(consultation.getStatus()).isEqualTo(ConsultationStatus.APPROACH_AGREED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "service user did not sign | false | false | 2027-05-03 | Ann |     | U3: The consent form must be signed by"
                    + " the service user",
            "carer signed, not named   | true  | true  | 2027-05-03 | Ann |     | U3: Give the name of the carer who"
                    + " signed",
            "carer named, not signed   | true  | false | 2027-05-03 | Ann | Bo  | U3: A carer named on the consent form"
                    + " must have signed it",
            "no participant name       | true  | false | 2027-05-03 |     |     | U3: Give the participant's name",
            "no date                   | true  | false |            | Ann |     | U3: Give the date the consent form was"
                    + " signed",
            "dated in the future       | true  | false | 2027-05-04 | Ann |     | U3: The consent form's date,"
                    + " 2027-05-04, is in the future.",
    })
    @DisplayName("U3 a consent form is recorded only signed by the service user, named, dated, and with a named carer's"
            + " signature")
    void consentFormChecks(String label, boolean signed, boolean carerSigned, LocalDate on, String name, String carer,
            String message) {
        agreedInterviews();
        assertThatThrownBy(() -> consultations.recordConsent(REFERENCE,
                new ConsentForm(signed, carerSigned, on, name, carer), "po"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith(message);
        verify(consents, never()).save(any());
    }

    @Test
    @DisplayName("U3 the consent reference is readable and unguessable: CR- and 8 symbols without 0/O, 1/I/L, U")
    void consentReference() {
        agreedInterviews();
        ConsentRecord consent = consultations.recordConsent(REFERENCE,
                new ConsentForm(true, false, TODAY, "Ann", null), "po");
        assertThat(consent.getConsentReference()).isEqualTo("CR-2345-6789")
                .matches(Consultations.CONSENT_REFERENCE);
        assertThat(Consultations.REFERENCE_SYMBOLS).doesNotContain("0", "O", "1", "I", "L", "U");
    }

    @Test
    @DisplayName("U3 answers are checked before any is kept: each names its question once and has a text or is"
            + " declined")
    void answerChecks() {
        agreedInterviews();
        ConsentRecord consent = new ConsentRecord(99L, "CR-2345-6789", false, TODAY, "Ann", null, "po",
                TODAY.atStartOfDay());
        when(consents.findByConsentReference("CR-2345-6789")).thenReturn(Optional.of(consent));
        assertThatThrownBy(() -> consultations.recordAnswers(REFERENCE, "CR-2345-6789",
                List.of(GivenAnswer.answered("Q1", "Yes")), "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U3: Consent CR-2345-6789 was given for another consultation");

        ConsentRecord ours = mock(ConsentRecord.class);
        when(ours.getConsultationId()).thenReturn(consultation.getId());
        when(ours.getConsentReference()).thenReturn("CR-2345-6789");
        when(ours.isValid()).thenReturn(true);
        when(consents.findByConsentReference("CR-2345-6789")).thenReturn(Optional.of(ours));
        assertThatThrownBy(() -> consultations.recordAnswers(REFERENCE, "CR-2345-6789",
                List.of(GivenAnswer.answered("Q1", "Yes"), GivenAnswer.answered("Q1", "No")), "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U3: Question Q1 is answered twice; record one answer per question.");
        assertThatThrownBy(() -> consultations.recordAnswers(REFERENCE, "CR-2345-6789",
                List.of(GivenAnswer.answered("Q1", "Yes"), new GivenAnswer("Q2", " ", false)), "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U3: Question Q2: record the answer, or that the participant declined it.");
        assertThatThrownBy(() -> consultations.recordAnswers(REFERENCE, "CR-2345-6789", List.of(), "po"))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageStartingWith("U3: Record at least one answer");
        verify(answerSets, never()).save(any());
        assertThatThrownBy(() -> consultations.recordQuestionnaire(REFERENCE,
                List.of(GivenAnswer.answered("Q1", "Yes")), "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessageStartingWith("U4: Consultation SUC-SP101-2027 is by individual interview");
    }

    @Test
    @DisplayName("U3 a withdrawal of an unknown consent reference is refused")
    void unknownWithdrawal() {
        assertThatThrownBy(() -> consultations.withdraw("CR-XXXX-XXXX", "po"))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("U3: There is no consent with reference CR-XXXX-XXXX; check the reference on the"
                        + " participant's copy.");
    }

    @Test
    @DisplayName("U1 U4 U6 the deadlines: due 2 years after the last report, report 6 weeks after the last interview,"
            + " names kept 6 months after the report; financial years run April to March")
    void deadlines() {
        ConsultationDeadlines deadlines = new ConsultationDeadlines(ZoneId.of("Europe/London"));
        assertThat(deadlines.isDue(null, TODAY)).isTrue();
        assertThat(deadlines.isDue(LocalDate.of(2025, 5, 4), TODAY)).isFalse();
        assertThat(deadlines.isDue(LocalDate.of(2025, 5, 3), TODAY)).isTrue();
        assertThat(deadlines.reportDueOn(LocalDate.of(2027, 5, 3))).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(deadlines.namesErasedOn(LocalDate.of(2027, 8, 31))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(ConsultationDeadlines.financialYear(LocalDate.of(2027, 3, 31))).isEqualTo("2026/27");
        assertThat(ConsultationDeadlines.financialYear(LocalDate.of(2027, 4, 1))).isEqualTo("2027/28");
        assertThat(ConsultationDeadlines.nextFinancialYear("2099/00")).isEqualTo("2100/01");
        assertThat(LocalDateTime.of(2027, 5, 3, 0, 0)).isEqualTo(TODAY.atStartOfDay());
    }
}
