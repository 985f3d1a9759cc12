package org.carecommissioning.consultation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.contractmanagement.ContractedService;
import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service-user consultations (seed 004 part 3.6): the schedule (U1), the approach and its sample (U2), participants'
 * signed consent and their answers against the consent reference only (U3, U4), anonymous questionnaires, withdrawal
 * (U3: the answers are deleted) and the erasure of names after the retention period (U4). Every refusal is a
 * {@link BusinessRuleViolation} naming what to change, and writes nothing.
 */
@Service
public class Consultations {

    /** U3: the consent reference's symbols: capitals and digits a reader cannot confuse (no 0/O, 1/I/L, U). */
    static final String REFERENCE_SYMBOLS = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** U3: a consent reference as printed on the participant's copy, like CR-7KQ4-M9TP (8 random symbols). */
    static final Pattern CONSENT_REFERENCE = Pattern.compile("^CR-[" + REFERENCE_SYMBOLS + "]{4}-["
            + REFERENCE_SYMBOLS + "]{4}$");
    /** U1: a date as the audit form shows it, like 12 March 2026. */
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("^\\d{4}/\\d{2}$");
    private static final Set<ConsultationStatus> OPEN = EnumSet.of(ConsultationStatus.PLANNED,
            ConsultationStatus.APPROACH_PROPOSED, ConsultationStatus.APPROACH_AGREED);
    /** U1: how many consecutive review years a consultation is postponed over before the planner is told to look. */
    private static final int MOST_POSTPONEMENTS = 5;

    private final ConsultationRepository consultations;
    private final ConsentRecordRepository consents;
    private final AnswerSetRepository answerSets;
    private final ServiceReviewYearRepository reviewYears;
    private final ContractServices services;
    private final ConsultationDeadlines deadlines;
    private final RandomGenerator random;
    private final Clock clock;

    @Autowired
    Consultations(ConsultationRepository consultations, ConsentRecordRepository consents,
            AnswerSetRepository answerSets, ServiceReviewYearRepository reviewYears, ContractServices services,
            ConsultationDeadlines deadlines, Clock clock) {
        this(consultations, consents, answerSets, reviewYears, services, deadlines, new SecureRandom(), clock);
    }

    Consultations(ConsultationRepository consultations, ConsentRecordRepository consents,
            AnswerSetRepository answerSets, ServiceReviewYearRepository reviewYears, ContractServices services,
            ConsultationDeadlines deadlines, RandomGenerator random, Clock clock) {
        this.consultations = consultations;
        this.consents = consents;
        this.answerSets = answerSets;
        this.reviewYears = reviewYears;
        this.services = services;
        this.deadlines = deadlines;
        this.random = random;
        this.clock = clock;
    }

    /** U3: one question's answer as the officer records it: the text, or that the participant declined it. */
    public record GivenAnswer(String questionCode, String text, boolean declined) {

        public static GivenAnswer answered(String questionCode, String text) {
            return new GivenAnswer(questionCode, text, false);
        }

        public static GivenAnswer declinedBy(String questionCode) {
            return new GivenAnswer(questionCode, null, true);
        }
    }

    /** U3: what the officer reads from a participant's signed consent form (appendix 1). */
    public record ConsentForm(boolean signedByServiceUser, boolean carerSigned, LocalDate signedOn,
            String participantName, String carerName) {
    }

    /**
     * U1: a service due for consultation: last consulted (report issued) on {@code lastConsultedOn}, null when never,
     * and the financial year a consultation planned today would be held in (the next one when the service is in its
     * procurement review this year).
     */
    public record DueService(String serviceCode, String serviceName, String purchasingOfficer,
            LocalDate lastConsultedOn, String financialYear) {
    }

    /** U1, C1: where a service's consultation stands in a financial year's schedule. */
    public enum ScheduleStatus {
        DUE("due"),
        PLANNED("planned"),
        UNDER_WAY("under way"),
        REPORTED("reported"),
        POSTPONED("postponed");

        private final String label;

        ScheduleStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * U1, C1: a service in a financial year's consultation schedule: last consulted (report issued) on
     * {@code lastConsultedOn} and due again by {@code dueBy} (both null when never consulted: due now); the
     * consultation's {@code reference} when one is planned, under way or reported; the year it was postponed to
     * because of the service's procurement review.
     */
    public record ScheduledService(String serviceCode, String serviceName, String provider, LocalDate lastConsultedOn,
            LocalDate dueBy, ScheduleStatus status, String reference, String postponedTo) {

        /** Like "due", "under way: SUC-SP101-2027" or "postponed to 2028/29 (procurement review)". */
        public String describe() {
            return switch (status) {
                case PLANNED, UNDER_WAY, REPORTED -> status.label() + ": " + reference;
                case POSTPONED -> "postponed to " + postponedTo + " (procurement review)"
                        + (reference == null ? "" : ": " + reference);
                case DUE -> status.label();
            };
        }
    }

    /**
     * U1: the financial year {@code financialYear} (like 2027/28) is one in which the service is in the procurement
     * review. A consultation of the service planned for that year and not yet under way moves to the next year.
     */
    @Transactional
    public ServiceReviewYear recordProcurementReview(String serviceCode, String financialYear, String userId) {
        ContractedService service = services.byCode(serviceCode);
        String year = financialYear(financialYear, "Give the financial year of the procurement review like 2027/28.");
        if (reviewYears.existsByServiceIdAndFinancialYear(service.getId(), year)) {
            throw new BusinessRuleViolation("U1", "The procurement review of " + service.getServiceCode() + " in "
                    + year + " is already recorded.");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        ServiceReviewYear review = reviewYears.save(new ServiceReviewYear(service.getId(), year, userId, now));
        for (Consultation open : consultations.findByServiceIdAndStatusIn(service.getId(), OPEN)) {
            if (open.getStatus() == ConsultationStatus.PLANNED && open.getFinancialYear().equals(year)) {
                open.postponedTo(yearOutsideReview(service, ConsultationDeadlines.nextFinancialYear(year)), now);
            }
        }
        return review;
    }

    /** U1: the financial years recorded as the service's procurement review, earliest first. */
    @Transactional(readOnly = true)
    public List<ServiceReviewYear> procurementReviews(String serviceCode) {
        return reviewYears.findByServiceIdOrderByFinancialYear(services.byCode(serviceCode).getId());
    }

    /** U1: whether the service is in the procurement review in {@code financialYear}. */
    @Transactional(readOnly = true)
    public boolean inProcurementReview(String serviceCode, String financialYear) {
        return reviewYears.existsByServiceIdAndFinancialYear(services.byCode(serviceCode).getId(), financialYear);
    }

    /**
     * U1: plans a consultation of the service's users. Refused while the service has an open consultation; held in
     * this financial year, or postponed to the next year outside the service's procurement review. The reference is
     * like SUC-SP101-2027 (the year the financial year starts), with -2, -3 for a further one in the same year.
     */
    @Transactional
    public Consultation plan(String serviceCode, String plannerUserId) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new BusinessRuleViolation("U1", "Choose the service whose users are consulted.");
        }
        ContractedService service = services.byCode(serviceCode);
        Optional<Consultation> open = openConsultation(service.getId());
        if (open.isPresent()) {
            throw new BusinessRuleViolation("U1", "Service " + service.getServiceCode() + " already has an open"
                    + " consultation, " + open.get().getReference() + " (" + open.get().getStatus().describe()
                    + "); its users are not consulted twice at once.");
        }
        LocalDate today = LocalDate.now(clock);
        String thisYear = ConsultationDeadlines.financialYear(today);
        String year = yearOutsideReview(service, thisYear);
        long earlier = consultations.countByServiceIdAndFinancialYear(service.getId(), year);
        String reference = "SUC-" + service.getServiceCode() + "-" + ConsultationDeadlines.startYear(year)
                + (earlier == 0 ? "" : "-" + (earlier + 1));
        return consultations.save(new Consultation(reference, service.getId(), year,
                year.equals(thisYear) ? null : thisYear, plannerUserId, LocalDateTime.now(clock)));
    }

    /**
     * U1: the services due for consultation on {@code asOf}: no open consultation, and none reported in the 2 years
     * before (or never consulted), in service-code order.
     */
    @Transactional(readOnly = true)
    public List<DueService> dueServices(LocalDate asOf) {
        String thisYear = ConsultationDeadlines.financialYear(asOf);
        List<DueService> due = new ArrayList<>();
        for (ContractedService service : services.all()) {
            if (openConsultation(service.getId()).isPresent()) {
                continue;
            }
            LocalDate last = consultations.findByServiceIdAndStatusOrderByReportIssuedOnDesc(service.getId(),
                    ConsultationStatus.REPORT_ISSUED).stream().findFirst()
                    .map(Consultation::getReportIssuedOn).orElse(null);
            if (deadlines.isDue(last, asOf)) {
                due.add(new DueService(service.getServiceCode(), service.getName(), service.getPurchasingOfficer(),
                        last, yearOutsideReview(service, thisYear)));
            }
        }
        return due;
    }

    /**
     * U1, C1: the services consulted in {@code financialYear} (like 2027/28, or 2027-28 in an address), in service-code
     * order: each service falling due by the end of that year (or never consulted), with its last consultation and
     * due date, and whether its consultation is due, planned, under way, reported, or postponed to a later year because
     * of the service's procurement review. Services not due in that year are left out. Names no one.
     */
    @Transactional(readOnly = true)
    public List<ScheduledService> schedule(String financialYear) {
        String year = financialYear(financialYear == null ? null : financialYear.replace('-', '/'),
                "Give the financial year like 2027-28 (April 2027 to March 2028).");
        LocalDate yearEnds = ConsultationDeadlines.firstDayOf(ConsultationDeadlines.nextFinancialYear(year))
                .minusDays(1);
        List<ScheduledService> schedule = new ArrayList<>();
        for (ContractedService service : services.all()) {
            Optional<Consultation> latest = consultations.findByServiceIdAndStatusOrderByReportIssuedOnDesc(
                    service.getId(), ConsultationStatus.REPORT_ISSUED).stream().findFirst();
            LocalDate last = latest.map(Consultation::getReportIssuedOn).orElse(null);
            LocalDate dueBy = last == null ? null : deadlines.nextDueOn(last);
            Optional<Consultation> open = openConsultation(service.getId());
            ScheduleStatus status;
            Consultation concerned = open.orElse(null);
            String postponedTo = null;
            if (open.isPresent() && ConsultationDeadlines.startYear(open.get().getFinancialYear())
                    <= ConsultationDeadlines.startYear(year)) {
                status = open.get().getStatus() == ConsultationStatus.PLANNED ? ScheduleStatus.PLANNED
                        : ScheduleStatus.UNDER_WAY;
            } else if (open.isPresent() && open.get().isPostponed()
                    && ConsultationDeadlines.startYear(open.get().getPostponedFrom())
                    <= ConsultationDeadlines.startYear(year)) {
                status = ScheduleStatus.POSTPONED;
                postponedTo = open.get().getFinancialYear();
            } else if (latest.isPresent() && year.equals(latest.get().getFinancialYear())) {
                status = ScheduleStatus.REPORTED;
                concerned = latest.get();
            } else if (open.isEmpty() && (dueBy == null || !dueBy.isAfter(yearEnds))) {
                String heldIn = yearOutsideReview(service, year);
                status = heldIn.equals(year) ? ScheduleStatus.DUE : ScheduleStatus.POSTPONED;
                postponedTo = heldIn.equals(year) ? null : heldIn;
            } else {
                continue;
            }
            schedule.add(new ScheduledService(service.getServiceCode(), service.getName(),
                    services.providerOf(service).getName(), last, dueBy, status,
                    concerned == null ? null : concerned.getReference(), postponedTo));
        }
        return schedule;
    }

    /**
     * U1, U7: what the contract management meeting's internal audit shows on its "Service users" clause for the
     * service on {@code asOf}: when its users were last consulted (the latest report issued, its reference and
     * headline) and by when the next consultation is due, or that it was never consulted and is due now; and the
     * consultation under way, if any, with its stage. Names no participant, no consent reference and no answer.
     */
    @Transactional(readOnly = true)
    public String clauseSummary(String serviceCode, LocalDate asOf) {
        ContractedService service = services.byCode(serviceCode);
        Optional<Consultation> last = consultations.findByServiceIdAndStatusOrderByReportIssuedOnDesc(service.getId(),
                ConsultationStatus.REPORT_ISSUED).stream().findFirst();
        StringBuilder summary = new StringBuilder();
        if (last.isEmpty()) {
            summary.append("Never consulted: a consultation is due now.");
        } else {
            Consultation reported = last.get();
            LocalDate dueBy = deadlines.nextDueOn(reported.getReportIssuedOn());
            String headline = reported.getReportHeadline() == null ? "no headline recorded"
                    : reported.getReportHeadline().strip();
            summary.append("Last consulted: report issued ").append(LONG_DATE.format(reported.getReportIssuedOn()))
                    .append(" (").append(reported.getReference()).append("): ").append(headline)
                    .append(headline.endsWith(".") ? "" : ".")
                    .append(deadlines.isDue(reported.getReportIssuedOn(), asOf) ? " A consultation was due by "
                            : " Next consultation due by ").append(LONG_DATE.format(dueBy)).append('.');
        }
        openConsultation(service.getId()).ifPresent(open -> summary.append(" Consultation ")
                .append(open.getReference()).append(" under way (").append(open.getStatus().describe()).append(")."));
        return summary.toString();
    }

    /**
     * U2: the officer proposes the approach: the method, the number of service users the provider states, the
     * consultation-sample-size decision's result for that number (minimum to contact, questionnaires only) and the
     * sample proposed (the minimum when not given). Over 500 users only questionnaires are proposed.
     */
    @Transactional
    public Consultation proposeApproach(String reference, ConsultationMethod method, Integer serviceUsers,
            Integer minimumToContact, Boolean questionnairesOnly, Integer proposedSample, String officerUserId) {
        Consultation consultation = get(reference);
        if (consultation.getStatus() != ConsultationStatus.PLANNED
                && consultation.getStatus() != ConsultationStatus.APPROACH_PROPOSED) {
            throw new BusinessRuleViolation("U2", "Consultation " + reference + " is "
                    + consultation.getStatus().describe() + "; its approach is no longer proposed.");
        }
        if (method == null) {
            throw new BusinessRuleViolation("U2", "Choose the method: questionnaire, informal gathering, small group"
                    + " or individual interview.");
        }
        int users = serviceUsers(serviceUsers);
        if (minimumToContact == null || questionnairesOnly == null) {
            throw new BusinessRuleViolation("U2", "The minimum number to contact has not been worked out for "
                    + users + " service users; run the consultation-sample-size decision first.");
        }
        if (minimumToContact < 0 || minimumToContact > users) {
            throw new BusinessRuleViolation("U2", "A minimum of " + minimumToContact + " to contact does not fit "
                    + users + " service users; run the consultation-sample-size decision again.");
        }
        requireQuestionnaire(method, questionnairesOnly, users);
        int sample = proposedSample == null ? minimumToContact : proposedSample;
        requireSampleWithin(sample, users);
        consultation.proposed(method, users, minimumToContact, questionnairesOnly, sample, officerUserId,
                LocalDateTime.now(clock));
        return consultation;
    }

    /** U2: as {@link #agreeApproach(String, ConsultationMethod, Integer, String, String, String)} with a month's notice. */
    @Transactional
    public Consultation agreeApproach(String reference, ConsultationMethod method, Integer sampleSize, String reason,
            String managerUserId) {
        return agreeApproach(reference, method, sampleSize, reason, null, managerUserId);
    }

    /**
     * U2: the contracts manager agrees the approach, or changes the method or the sample ({@code null} keeps the
     * proposal). A sample smaller than the decision's minimum needs the manager's reason. U3: a short-notice reason
     * (ongoing concerns) lets the provider arrange the meetings at 5 working days' notice instead of a month's; it is
     * stored on the consultation (null: a month's notice).
     */
    @Transactional
    public Consultation agreeApproach(String reference, ConsultationMethod method, Integer sampleSize, String reason,
            String shortNoticeReason, String managerUserId) {
        Consultation consultation = get(reference);
        if (consultation.getStatus() != ConsultationStatus.APPROACH_PROPOSED) {
            throw new BusinessRuleViolation("U2", "Consultation " + reference + " is "
                    + consultation.getStatus().describe() + "; there is no proposed approach to agree.");
        }
        ConsultationMethod agreedMethod = method == null ? consultation.getMethod() : method;
        int users = consultation.getServiceUsers();
        requireQuestionnaire(agreedMethod, consultation.isQuestionnairesOnly(), users);
        int sample = sampleSize == null ? consultation.getSampleSize() : sampleSize;
        requireSampleWithin(sample, users);
        String why = FormValues.limited(FormValues.text(reason), ConsultationLimits.SAMPLE_REASON, "U2",
                "The reason for the smaller sample");
        int minimum = consultation.getMinimumToContact();
        if (sample < minimum && why == null) {
            throw new BusinessRuleViolation("U2", "A sample of " + sample + " is below the minimum of " + minimum
                    + " to contact for " + users + " service users (appendix 2); the contracts manager gives the"
                    + " reason for the smaller sample, or the sample is raised to " + minimum + ".");
        }
        String shortNotice = FormValues.limited(FormValues.text(shortNoticeReason),
                ConsultationLimits.SHORT_NOTICE_REASON, "U3", "The reason for short notice");
        LocalDateTime now = LocalDateTime.now(clock);
        consultation.agreed(agreedMethod, sample, why, managerUserId, now);
        consultation.shortNotice(shortNotice, now);
        return consultation;
    }

    /**
     * U3, U4: records a participant's signed consent form and returns it with its consent reference, the one printed
     * on the participant's copy. Refused unless the service user signed; a carer named must have signed too. The
     * names are kept on the consent record only.
     */
    @Transactional
    public ConsentRecord recordConsent(String reference, ConsentForm form, String officerUserId) {
        Consultation consultation = underWay(reference, "U3");
        if (!consultation.getMethod().meetsServiceUsers()) {
            throw new BusinessRuleViolation("U3", "Consultation " + reference + " is by questionnaire: returned"
                    + " questionnaires are recorded anonymously, without a consent form.");
        }
        if (form == null || !form.signedByServiceUser()) {
            throw new BusinessRuleViolation("U3", "The consent form must be signed by the service user; without"
                    + " their signature they do not take part and nothing is recorded for them.");
        }
        String participant = FormValues.limited(FormValues.text(form.participantName()), ConsultationLimits.NAME,
                "U3", "The participant's name");
        if (participant == null) {
            throw new BusinessRuleViolation("U3", "Give the participant's name as written on the consent form.");
        }
        String carer = FormValues.limited(FormValues.text(form.carerName()), ConsultationLimits.NAME, "U3",
                "The carer's name");
        if (form.carerSigned() && carer == null) {
            throw new BusinessRuleViolation("U3", "Give the name of the carer who signed the consent form.");
        }
        if (!form.carerSigned() && carer != null) {
            throw new BusinessRuleViolation("U3", "A carer named on the consent form must have signed it; tick that"
                    + " the carer signed, or leave the carer's name empty.");
        }
        LocalDate signedOn = form.signedOn();
        if (signedOn == null) {
            throw new BusinessRuleViolation("U3", "Give the date the consent form was signed, a date like 2027-05-10.");
        }
        FormValues.plausibleDate(signedOn, "U3", "The date the consent form was signed");
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleViolation("U3", "The consent form's date, " + signedOn + ", is in the future.");
        }
        return consents.save(new ConsentRecord(consultation.getId(), newConsentReference(), form.carerSigned(),
                signedOn, participant, carer, officerUserId, LocalDateTime.now(clock)));
    }

    /**
     * U3, U4: records one participant's answers against their consent reference, never their name. Refused without a
     * signed, not withdrawn consent of this consultation, and when the participant's answers are already recorded.
     */
    @Transactional
    public AnswerSet recordAnswers(String reference, String consentReference, List<GivenAnswer> answers,
            String officerUserId) {
        Consultation consultation = underWay(reference, "U3");
        String consentRef = FormValues.text(consentReference);
        if (consentRef == null) {
            throw new BusinessRuleViolation("U3", "Give the consent reference printed on the participant's copy of"
                    + " the consent form; no answers are recorded without a signed consent.");
        }
        ConsentRecord consent = consents.findByConsentReference(consentRef.toUpperCase())
                .orElseThrow(() -> new BusinessRuleViolation("U3", "There is no consent with reference " + consentRef
                        + "; answers are recorded only for a participant whose signed consent form is recorded."));
        if (!Objects.equals(consent.getConsultationId(), consultation.getId())) {
            throw new BusinessRuleViolation("U3", "Consent " + consent.getConsentReference() + " was given for"
                    + " another consultation, not " + reference + "; record the consent for this consultation first.");
        }
        if (consent.isWithdrawn()) {
            throw new BusinessRuleViolation("U3", "Consent " + consent.getConsentReference() + " was withdrawn on "
                    + consent.getWithdrawnAt().toLocalDate() + "; no answers are recorded for it.");
        }
        if (!consent.isValid()) {
            throw new BusinessRuleViolation("U3", "Consent " + consent.getConsentReference() + " is not signed by the"
                    + " service user; no answers are recorded for it.");
        }
        if (answerSets.existsByConsentReference(consent.getConsentReference())) {
            throw new BusinessRuleViolation("U3", "The answers for consent " + consent.getConsentReference()
                    + " are already recorded.");
        }
        AnswerSet set = new AnswerSet(consultation.getId(), consent.getConsentReference(), officerUserId,
                LocalDateTime.now(clock));
        addAnswers(set, answers);
        return answerSets.save(set);
    }

    /** U4: records one returned questionnaire anonymously: no consent reference, no name. */
    @Transactional
    public AnswerSet recordQuestionnaire(String reference, List<GivenAnswer> answers, String officerUserId) {
        Consultation consultation = underWay(reference, "U4");
        if (consultation.getMethod() != ConsultationMethod.QUESTIONNAIRE) {
            throw new BusinessRuleViolation("U4", "Consultation " + reference + " is by "
                    + consultation.getMethod().label() + "; record each participant's answers against their consent"
                    + " reference.");
        }
        AnswerSet set = new AnswerSet(consultation.getId(), null, officerUserId, LocalDateTime.now(clock));
        addAnswers(set, answers);
        return answerSets.save(set);
    }

    /**
     * U3: a participant withdraws their consent, by consent reference: their answers are deleted, the withdrawal is
     * recorded without them, and (Decision) their and their carer's names are erased at once. A second withdrawal is
     * refused.
     */
    @Transactional
    public ConsentRecord withdraw(String consentReference, String recordedBy) {
        String consentRef = FormValues.text(consentReference);
        if (consentRef == null) {
            throw new BusinessRuleViolation("U3", "Give the consent reference printed on the participant's copy of"
                    + " the consent form.");
        }
        ConsentRecord consent = consents.findByConsentReference(consentRef.toUpperCase())
                .orElseThrow(() -> new BusinessRuleViolation("U3", "There is no consent with reference "
                        + consentRef + "; check the reference on the participant's copy."));
        if (consent.isWithdrawn()) {
            throw new BusinessRuleViolation("U3", "Consent " + consent.getConsentReference() + " was already"
                    + " withdrawn on " + consent.getWithdrawnAt().toLocalDate() + "; its answers were deleted then.");
        }
        List<AnswerSet> sets = answerSets.findByConsentReference(consent.getConsentReference());
        answerSets.deleteAll(sets);
        answerSets.flush();
        consent.withdrawn(recordedBy, LocalDateTime.now(clock));
        return consents.save(consent);
    }

    /**
     * U3: a withdrawal recorded over the consultation {@code reference}: the consent must be one of its own (a consent
     * of another consultation is refused as unknown here), then as {@link #withdraw(String, String)}.
     */
    @Transactional
    public ConsentRecord withdraw(String reference, String consentReference, String recordedBy) {
        Consultation consultation = get(reference);
        String consentRef = FormValues.text(consentReference);
        if (consentRef != null) {
            Optional<ConsentRecord> consent = consents.findByConsentReference(consentRef.toUpperCase());
            if (consent.isPresent() && !Objects.equals(consent.get().getConsultationId(), consultation.getId())) {
                throw new BusinessRuleViolation("U3", "Consent " + consent.get().getConsentReference() + " was given"
                        + " for another consultation, not " + reference + ".");
            }
        }
        return withdraw(consentReference, recordedBy);
    }

    /**
     * U3: the officer confirms every participant of a meeting or interview has a signed consent: refused while no
     * participant with a signed, not withdrawn consent has answers recorded. Returns how many participants have.
     */
    @Transactional(readOnly = true)
    public int requireParticipantsRecorded(String reference) {
        Consultation consultation = underWay(reference, "U3");
        List<ConsentRecord> valid = consents.findByConsultationIdOrderByConsentReference(consultation.getId()).stream()
                .filter(ConsentRecord::isValid).toList();
        if (valid.isEmpty()) {
            throw new BusinessRuleViolation("U3", "No participant's signed consent is recorded for " + reference
                    + "; record each participant's consent form, then their answers, before confirming.");
        }
        int answered = (int) valid.stream()
                .filter(consent -> answerSets.existsByConsentReference(consent.getConsentReference())).count();
        if (answered == 0) {
            throw new BusinessRuleViolation("U3", "No participant's answers are recorded for " + reference
                    + "; record them against each consent reference before confirming.");
        }
        return answered;
    }

    /**
     * U5: after adverse comments the contracts manager approves interviewing {@code more} service users, for
     * {@code reason}: the agreed sample grows, recorded on the consultation, and the provider is asked to arrange
     * meetings with them under the same notice and consent rules. Refused for a questionnaire consultation, for fewer
     * than 1, beyond the service users not yet in the sample, and without the reason.
     */
    @Transactional
    public Consultation growSample(String reference, Integer more, String reason, String managerUserId) {
        Consultation consultation = underWay(reference, "U5");
        if (!consultation.getMethod().meetsServiceUsers()) {
            throw new BusinessRuleViolation("U5", "Consultation " + reference + " is by questionnaire; more interviews"
                    + " follow meetings or interviews only.");
        }
        int remaining = consultation.getServiceUsers() - consultation.getSampleSize();
        if (remaining < 1) {
            throw new BusinessRuleViolation("U5", "All " + consultation.getServiceUsers() + " service users are in the"
                    + " sample of " + reference + " already; there is no one more to interview.");
        }
        if (more == null || more < 1 || more > remaining) {
            throw new BusinessRuleViolation("U5", "Give how many more service users are interviewed, between 1 and "
                    + remaining + " (the " + consultation.getServiceUsers() + " users less the sample of "
                    + consultation.getSampleSize() + ")" + (more == null ? "." : "; " + more + " is not."));
        }
        String why = FormValues.limited(FormValues.text(reason), ConsultationLimits.SAMPLE_REASON, "U5",
                "The reason for more interviews");
        if (why == null) {
            throw new BusinessRuleViolation("U5", "Give the reason for interviewing more service users.");
        }
        consultation.sampleGrown(more, why, managerUserId, LocalDateTime.now(clock));
        return consultation;
    }

    /** The contracted service consulted. */
    @Transactional(readOnly = true)
    public ContractedService serviceOf(Consultation consultation) {
        return services.get(consultation.getServiceId());
    }

    /** The provider of the service consulted, who is written to (X2). */
    @Transactional(readOnly = true)
    public Organisation providerOf(Consultation consultation) {
        return services.providerOf(services.get(consultation.getServiceId()));
    }

    /** U6 (the report itself comes with the process): the consultation's report is issued today; it is closed. */
    @Transactional
    public Consultation reportIssued(String reference) {
        Consultation consultation = underWay(reference, "U6");
        consultation.reportIssued(LocalDate.now(clock), LocalDateTime.now(clock));
        return consultation;
    }

    /**
     * U4: erases the participants' and carers' names of a consultation whose report was issued at least the retention
     * period ago (ConsultationDeadlines: 6 months). Returns how many consent records held a name.
     */
    @Transactional
    public int eraseNames(String reference) {
        Consultation consultation = get(reference);
        LocalDate today = LocalDate.now(clock);
        if (consultation.getReportIssuedOn() == null) {
            throw new BusinessRuleViolation("U4", "Consultation " + reference + " has no report issued yet; the"
                    + " participants' names are kept until " + ConsultationDeadlines.NAMES_KEPT_MONTHS
                    + " months after it is.");
        }
        LocalDate from = deadlines.namesErasedOn(consultation.getReportIssuedOn());
        if (today.isBefore(from)) {
            throw new BusinessRuleViolation("U4", "The names of consultation " + reference + " are kept until " + from
                    + ", " + ConsultationDeadlines.NAMES_KEPT_MONTHS + " months after its report was issued.");
        }
        return erase(consultation, today);
    }

    /** U4: erases the names of every consultation past its retention period; returns how many records held a name. */
    @Transactional
    public int eraseDueNames() {
        LocalDate today = LocalDate.now(clock);
        int erased = 0;
        for (Consultation consultation : consultations.findByStatusAndNamesErasedOnIsNullAndReportIssuedOnLessThanEqual(
                ConsultationStatus.REPORT_ISSUED, today.minusMonths(ConsultationDeadlines.NAMES_KEPT_MONTHS))) {
            erased += erase(consultation, today);
        }
        return erased;
    }

    @Transactional(readOnly = true)
    public Consultation get(String reference) {
        return consultations.findByReference(reference == null ? "" : reference.trim())
                .orElseThrow(() -> new BusinessRuleViolation("U1", "There is no consultation with reference "
                        + reference + "."));
    }

    /** U3: the consultation's consent records, by consent reference. */
    @Transactional(readOnly = true)
    public List<ConsentRecord> consents(String reference) {
        return consents.findByConsultationIdOrderByConsentReference(get(reference).getId());
    }

    /** U4: the consultation's answer sets (withdrawn participants' are gone), in the order recorded. */
    @Transactional(readOnly = true)
    public List<AnswerSet> answers(String reference) {
        return answerSets.findByConsultationIdOrderById(get(reference).getId());
    }

    private int erase(Consultation consultation, LocalDate today) {
        LocalDateTime now = LocalDateTime.now(clock);
        int erased = 0;
        for (ConsentRecord consent : consents.findByConsultationIdOrderByConsentReference(consultation.getId())) {
            if (consent.getParticipantName() != null || consent.getCarerName() != null) {
                consent.eraseNames(now);
                consents.save(consent);
                erased++;
            }
        }
        consultation.namesErased(today, now);
        consultations.save(consultation);
        return erased;
    }

    private Optional<Consultation> openConsultation(Long serviceId) {
        return consultations.findByServiceIdAndStatusIn(serviceId, OPEN).stream().findFirst();
    }

    /** U1: {@code year}, or the first year after it in which the service is not in the procurement review. */
    private String yearOutsideReview(ContractedService service, String year) {
        String candidate = year;
        for (int postponements = 0; reviewYears.existsByServiceIdAndFinancialYear(service.getId(), candidate);
                postponements++) {
            if (postponements == MOST_POSTPONEMENTS) {
                throw new BusinessRuleViolation("U1", service.getServiceCode() + " is in the procurement review in "
                        + "every year from " + year + " to " + candidate + "; check its review years.");
            }
            candidate = ConsultationDeadlines.nextFinancialYear(candidate);
        }
        return candidate;
    }

    private Consultation underWay(String reference, String ruleId) {
        Consultation consultation = get(reference);
        if (consultation.getStatus() != ConsultationStatus.APPROACH_AGREED) {
            throw new BusinessRuleViolation(ruleId, "Consultation " + reference + " is "
                    + consultation.getStatus().describe() + "; participants and answers are recorded once the"
                    + " approach is agreed and until the report is issued.");
        }
        return consultation;
    }

    /** U1: a financial year written like 2027/28 whose two years follow each other; else {@code refusal}. */
    private static String financialYear(String text, String refusal) {
        String year = FormValues.text(text);
        if (year == null || !FINANCIAL_YEAR.matcher(year).matches()
                || (Integer.parseInt(year.substring(0, 4)) + 1) % 100 != Integer.parseInt(year.substring(5))) {
            throw new BusinessRuleViolation("U1", refusal);
        }
        return year;
    }

    /** U2: the number of service users the provider states: 0 or more, within the sanity bound. */
    static int serviceUsers(Integer serviceUsers) {
        if (serviceUsers == null) {
            throw new BusinessRuleViolation("U2", "Give the number of service users the provider states, a whole"
                    + " number of 0 or more.");
        }
        if (serviceUsers < 0 || serviceUsers > ConsultationLimits.MOST_SERVICE_USERS) {
            throw new BusinessRuleViolation("U2", "The number of service users must be between 0 and "
                    + ConsultationLimits.MOST_SERVICE_USERS + "; " + serviceUsers + " is not.");
        }
        return serviceUsers;
    }

    private static void requireQuestionnaire(ConsultationMethod method, boolean questionnairesOnly, int users) {
        if (questionnairesOnly && method != ConsultationMethod.QUESTIONNAIRE) {
            throw new BusinessRuleViolation("U2", "A service with " + users + " users (over 500) is consulted by"
                    + " questionnaire only, not by " + method.label() + ".");
        }
    }

    private static void requireSampleWithin(int sample, int users) {
        if (sample < 0 || sample > users) {
            throw new BusinessRuleViolation("U2", "The sample must be between 0 and the " + users + " service users;"
                    + " " + sample + " is not.");
        }
    }

    /** U3: checks every answer before any is added: a code, once each, and a text or declined. */
    private static void addAnswers(AnswerSet set, List<GivenAnswer> answers) {
        if (answers == null || answers.isEmpty()) {
            throw new BusinessRuleViolation("U3", "Record at least one answer, or that the participant declined the"
                    + " question.");
        }
        Set<String> codes = new HashSet<>();
        List<String[]> checked = new ArrayList<>();
        for (GivenAnswer answer : answers) {
            String code = FormValues.limited(FormValues.text(answer.questionCode()), ConsultationLimits.QUESTION_CODE,
                    "U3", "A question code");
            if (code == null) {
                throw new BusinessRuleViolation("U3", "Every answer names its question.");
            }
            if (!codes.add(code)) {
                throw new BusinessRuleViolation("U3", "Question " + code + " is answered twice; record one answer"
                        + " per question.");
            }
            String text = FormValues.limited(FormValues.text(answer.text()), ConsultationLimits.ANSWER, "U3",
                    "The answer to question " + code);
            if (answer.declined() && text != null) {
                throw new BusinessRuleViolation("U3", "Question " + code + " is marked declined but has an answer;"
                        + " keep one of them.");
            }
            if (!answer.declined() && text == null) {
                throw new BusinessRuleViolation("U3", "Question " + code + ": record the answer, or that the"
                        + " participant declined it.");
            }
            checked.add(new String[] {code, text});
        }
        for (String[] answer : checked) {
            set.add(answer[0], answer[1]);
        }
    }

    /** U3: a new consent reference, like CR-7KQ4-M9TP: readable, not guessable, not yet used. */
    private String newConsentReference() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder reference = new StringBuilder("CR-");
            for (int i = 0; i < 8; i++) {
                if (i == 4) {
                    reference.append('-');
                }
                reference.append(REFERENCE_SYMBOLS.charAt(random.nextInt(REFERENCE_SYMBOLS.length())));
            }
            if (!consents.existsByConsentReference(reference.toString())) {
                return reference.toString();
            }
        }
        throw new IllegalStateException("No unused consent reference after 10 draws");
    }
}
