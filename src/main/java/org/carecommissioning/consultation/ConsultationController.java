package org.carecommissioning.consultation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.carecommissioning.consultation.ConsultationConcerns.Flagged;
import org.carecommissioning.consultation.Consultations.ConsentForm;
import org.carecommissioning.consultation.Consultations.GivenAnswer;
import org.carecommissioning.contractmanagement.ContractServices;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.Caller;
import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.FormValues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * U3, U4: what the officer records at and after the meetings, over the authenticated API, for the consultation's own
 * purchasing officer or a contracts manager only (403 for anyone else, before the reference is looked up, so a
 * provider's staff cannot tell an unknown reference from another provider's consultation; an unknown reference is a
 * 400 for the two roles): each participant's signed consent
 * ({@code POST /api/consultations/{ref}/consents}, answered with the consent reference to print on their copy), their
 * answers against that reference ({@code POST .../answers}), a returned questionnaire ({@code POST .../questionnaires})
 * and a withdrawal ({@code POST .../consents/{consentRef}/withdrawal}). Names travel here and into consent_record only,
 * never into a process variable; only the same two roles read them back ({@code GET .../consents}). U4: the same two
 * flag an adverse comment to raise as a complaint and a safeguarding concern ({@code POST .../concerns}); the SP
 * manager, the head of contracts and contracts managers read a concern by its reference
 * ({@code GET /api/consultation-concerns/{concernRef}}), with its outcome once the escalation task is completed.
 */
@RestController
class ConsultationController {

    private final Consultations consultations;
    private final ConsultationConcerns concerns;
    private final ContractServices services;
    private final Caller caller;

    ConsultationController(Consultations consultations, ConsultationConcerns concerns, ContractServices services,
            Caller caller) {
        this.consultations = consultations;
        this.concerns = concerns;
        this.services = services;
        this.caller = caller;
    }

    /** U3: the consent form as the officer reads it; {@code signedOn} like 2027-05-10. */
    record ConsentRequest(Boolean signedByServiceUser, Boolean carerSigned, String signedOn, String participantName,
            String carerName) {
    }

    /** U3: the consent recorded: the reference for the participant's copy; no name. */
    record ConsentRecorded(String consentReference, LocalDate signedOn, boolean carerSigned) {
    }

    /** U3: one consent with the names, for the officer and the contracts manager. */
    record ConsentView(String consentReference, LocalDate signedOn, boolean carerSigned, String participantName,
            String carerName, LocalDateTime withdrawnAt) {
    }

    record AnswerRequest(String questionCode, String text, Boolean declined) {
    }

    record AnswersRequest(String consentReference, List<AnswerRequest> answers) {
    }

    record AnswersRecorded(String consentReference, int answers) {
    }

    record Withdrawal(String consentReference, LocalDateTime withdrawnAt) {
    }

    /** U4: complaint is NONE, ANONYMOUS or NAMED; NAMED needs the consent reference of the answers. */
    record ConcernRequest(String consentReference, String adverseComment, ComplaintChoice complaint,
            String safeguardingConcern) {
    }

    /** U4: a concern raised and escalated: no description in the answer to the flagging request. */
    record ConcernRaised(String reference, ConcernKind kind, ComplaintChoice complaint, LocalDate dueOn) {
    }

    /** U4: a concern as the people who act on it read it, with its outcome once its task is completed. */
    record ConcernView(String reference, ConcernKind kind, ComplaintChoice complaint, String consentReference,
            String description, LocalDateTime raisedAt, LocalDate dueOn, ConcernOutcome outcome, String outcomeNote,
            LocalDate actedOn, String complaintCaseReference, String closedBy, LocalDateTime closedAt) {
    }

    @PostMapping("/api/consultations/{reference}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    ConsentRecorded recordConsent(@PathVariable String reference, @RequestBody(required = false) ConsentRequest body) {
        String userId = requireOfficerOrManager(reference, "records consents");
        if (body == null) {
            throw new BusinessRuleViolation("U3", "Send the consent form: signedByServiceUser, carerSigned, signedOn,"
                    + " participantName and carerName.");
        }
        ConsentRecord consent = consultations.recordConsent(reference, new ConsentForm(
                Boolean.TRUE.equals(body.signedByServiceUser()), Boolean.TRUE.equals(body.carerSigned()),
                FormValues.date(body.signedOn(), "U3", "The date the consent form was signed"),
                body.participantName(), body.carerName()), userId);
        return new ConsentRecorded(consent.getConsentReference(), consent.getSignedOn(), consent.isCarerSigned());
    }

    @GetMapping("/api/consultations/{reference}/consents")
    List<ConsentView> consents(@PathVariable String reference) {
        requireOfficerOrManager(reference, "reads the participants' consents");
        return consultations.consents(reference).stream().map(consent -> new ConsentView(
                consent.getConsentReference(), consent.getSignedOn(), consent.isCarerSigned(),
                consent.getParticipantName(), consent.getCarerName(), consent.getWithdrawnAt())).toList();
    }

    @PostMapping("/api/consultations/{reference}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    AnswersRecorded recordAnswers(@PathVariable String reference, @RequestBody(required = false) AnswersRequest body) {
        String userId = requireOfficerOrManager(reference, "records answers");
        if (body == null) {
            throw new BusinessRuleViolation("U3", "Send the consent reference and the answers.");
        }
        List<GivenAnswer> answers = given(body.answers());
        AnswerSet set = consultations.recordAnswers(reference, body.consentReference(), answers, userId);
        return new AnswersRecorded(set.getConsentReference(), answers.size());
    }

    @PostMapping("/api/consultations/{reference}/questionnaires")
    @ResponseStatus(HttpStatus.CREATED)
    AnswersRecorded recordQuestionnaire(@PathVariable String reference,
            @RequestBody(required = false) AnswersRequest body) {
        String userId = requireOfficerOrManager(reference, "records questionnaires");
        List<GivenAnswer> answers = given(body == null ? null : body.answers());
        consultations.recordQuestionnaire(reference, answers, userId);
        return new AnswersRecorded(null, answers.size());
    }

    @PostMapping("/api/consultations/{reference}/consents/{consentReference}/withdrawal")
    Withdrawal withdraw(@PathVariable String reference, @PathVariable String consentReference) {
        String userId = requireOfficerOrManager(reference, "records withdrawals");
        ConsentRecord consent = consultations.withdraw(reference, consentReference, userId);
        return new Withdrawal(consent.getConsentReference(), consent.getWithdrawnAt());
    }

    @PostMapping("/api/consultations/{reference}/concerns")
    @ResponseStatus(HttpStatus.CREATED)
    List<ConcernRaised> raiseConcerns(@PathVariable String reference,
            @RequestBody(required = false) ConcernRequest body) {
        String userId = requireOfficerOrManager(reference, "flags complaints and safeguarding concerns");
        if (body == null) {
            throw new BusinessRuleViolation("U4", "Send the consent reference, the adverse comment with the complaint"
                    + " choice (NONE, ANONYMOUS or NAMED) and/or the safeguarding concern.");
        }
        return concerns.raise(reference, new Flagged(body.consentReference(), body.adverseComment(), body.complaint(),
                body.safeguardingConcern()), userId).stream().map(concern -> new ConcernRaised(
                concern.getReference(), concern.getKind(), concern.getComplaint(), concern.getDueOn())).toList();
    }

    @GetMapping("/api/consultation-concerns/{concernReference}")
    ConcernView concern(@PathVariable String concernReference) {
        caller.requireAnyOf("Only the SP manager, the head of contracts and contracts managers read a consultation"
                + " concern.", Roles.SP_MANAGER, Roles.HEAD_OF_CONTRACTS, Roles.CONTRACTS_MANAGER);
        ConsultationConcern concern = concerns.get(concernReference);
        return new ConcernView(concern.getReference(), concern.getKind(), concern.getComplaint(),
                concern.getConsentReference(), concern.getDescription(), concern.getRaisedAt(), concern.getDueOn(),
                concern.getOutcome(), concern.getOutcomeNote(), concern.getActedOn(), concern.getComplaintCaseReference(),
                concern.getClosedBy(), concern.getClosedAt());
    }

    /**
     * Least privilege that leaks nothing: the caller's role is checked before the reference is looked up, so anyone who
     * is neither a purchasing officer nor a contracts manager (a provider's staff above all) gets the same 403 for an
     * unknown reference and for another provider's consultation, and cannot learn which exist. For those two roles an
     * unknown reference is a 400 ("There is no consultation ..."), checked before the 403 for another officer's
     * service; nothing is written before both checks pass.
     */
    private String requireOfficerOrManager(String reference, String action) {
        String userId = caller.requireUserId("Sign in to work on a consultation.");
        caller.requireAnyOf("Only the consultation's own purchasing officer or a contracts manager " + action + " of"
                + " a service-user consultation.", Roles.PURCHASING_OFFICER, Roles.CONTRACTS_MANAGER);
        Consultation consultation = consultations.get(reference);
        services.requireOfficerOrContractsManager(userId, consultations.serviceOf(consultation), action + " of "
                + consultation.getReference());
        return userId;
    }

    private static List<GivenAnswer> given(List<AnswerRequest> answers) {
        if (answers == null) {
            return List.of();
        }
        return answers.stream().map(answer -> answer == null ? new GivenAnswer(null, null, false)
                : new GivenAnswer(answer.questionCode(), answer.text(), Boolean.TRUE.equals(answer.declined())))
                .toList();
    }
}
