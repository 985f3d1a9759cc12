package org.carecommissioning.therapist;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Therapists and the R4 check that they are qualified and insured on an appointment date. */
@Service
public class TherapistService {

    private final TherapistRepository therapists;

    TherapistService(TherapistRepository therapists) {
        this.therapists = therapists;
    }

    @Transactional
    public Therapist register(String fullName, String email, String userId, LocalDate qualificationValidUntil,
            LocalDate insuranceValidUntil) {
        return therapists.save(new Therapist(fullName, email, userId, qualificationValidUntil, insuranceValidUntil));
    }

    @Transactional
    public Therapist renewCredentials(Long therapistId, LocalDate qualificationValidUntil, LocalDate insuranceValidUntil) {
        Therapist therapist = get(therapistId);
        therapist.renewCredentials(qualificationValidUntil, insuranceValidUntil);
        return therapist;
    }

    @Transactional(readOnly = true)
    public Therapist get(Long therapistId) {
        return therapists.findById(therapistId)
                .orElseThrow(() -> new NotFound("No therapist with id " + therapistId + "."));
    }

    /** The active therapists among those available on a project, for the client to choose from (R4). */
    @Transactional(readOnly = true)
    public List<Therapist> activeAmong(Collection<Long> therapistIds) {
        return therapistIds.isEmpty() ? List.of() : therapists.findByIdInAndActiveTrueOrderByFullName(therapistIds);
    }

    /** R4: a therapist may be booked only while qualification and public liability insurance are valid. */
    @Transactional(readOnly = true)
    public Therapist ensureBookable(Long therapistId, LocalDate appointmentDate) {
        Therapist therapist = get(therapistId);
        if (!therapist.isActive()) {
            throw new BusinessRuleViolation("R4", therapist.getFullName() + " is no longer working on this project.");
        }
        if (!therapist.isQualifiedOn(appointmentDate)) {
            throw new BusinessRuleViolation("R4", therapist.getFullName() + "'s professional qualification is recorded"
                    + " as valid only until " + therapist.getQualificationValidUntil()
                    + "; choose another therapist for " + appointmentDate + ".");
        }
        if (!therapist.isInsuredOn(appointmentDate)) {
            throw new BusinessRuleViolation("R4", therapist.getFullName() + "'s public liability insurance is recorded"
                    + " as valid only until " + therapist.getInsuranceValidUntil()
                    + "; choose another therapist for " + appointmentDate + ".");
        }
        return therapist;
    }
}
