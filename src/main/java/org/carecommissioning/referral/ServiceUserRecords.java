package org.carecommissioning.referral;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.shared.Conflict;
import org.carecommissioning.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service user's record as data protection sees it: reading it whole (for a need-to-know reader) and erasing it
 * (right to erasure). Access checks and audit logs are the data-protection capability's; this is the data.
 */
@Service
public class ServiceUserRecords {

    private final ServiceUserRepository serviceUsers;
    private final ReferralRepository referrals;
    private final TreatmentSessionRepository sessions;
    private final OrganisationService organisations;
    private final Clock clock;

    ServiceUserRecords(ServiceUserRepository serviceUsers, ReferralRepository referrals,
            TreatmentSessionRepository sessions, OrganisationService organisations, Clock clock) {
        this.serviceUsers = serviceUsers;
        this.referrals = referrals;
        this.sessions = sessions;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Record get(Long serviceUserId) {
        ServiceUser user = find(serviceUserId);
        List<ReferralSummary> summaries = referrals.findByServiceUserIdOrderById(serviceUserId).stream()
                .map(r -> new ReferralSummary(r.getReferralNumber(), r.getStatus().name(), r.getReferralReason()))
                .toList();
        return new Record(user.getId(), organisations.get(user.getCommissioningOrganisationId()).getGroupId(),
                user.getFullName(), user.getMembershipNumber(), user.getEmail(), user.getPhone(),
                user.getErasedAt() != null, summaries);
    }

    /** The numbers of the person's referrals (references, kept after erasure). */
    @Transactional(readOnly = true)
    public List<String> referralNumbersOf(Long serviceUserId) {
        find(serviceUserId);
        return referrals.findByServiceUserIdOrderById(serviceUserId).stream().map(Referral::getReferralNumber).toList();
    }

    /**
     * Right to erasure: anonymises the person and removes what was written about them in their referrals and
     * sessions, keeping the referral numbers and the chargeable facts finance needs. Refused while a referral
     * is open, since its coordinator still has to reach the client.
     */
    @Transactional
    public List<String> erase(Long serviceUserId) {
        ServiceUser user = find(serviceUserId);
        List<Referral> theirs = referrals.findByServiceUserIdOrderById(serviceUserId);
        List<String> open = theirs.stream()
                .filter(r -> r.getStatus() == ReferralStatus.REFERRED || r.getStatus() == ReferralStatus.AUTHORISED)
                .map(Referral::getReferralNumber)
                .toList();
        if (!open.isEmpty()) {
            throw new Conflict("Service user " + serviceUserId + " has an open referral (" + String.join(", ", open)
                    + "); their record can be erased once it is completed, declined or lapsed.");
        }
        for (Referral referral : theirs) {
            referral.erasePersonalData();
            sessions.findByReferralIdOrderBySessionNumber(referral.getId())
                    .forEach(TreatmentSession::erasePersonalData);
        }
        user.erase(LocalDateTime.now(clock));
        return theirs.stream().map(Referral::getReferralNumber).toList();
    }

    private ServiceUser find(Long serviceUserId) {
        return serviceUsers.findById(serviceUserId)
                .orElseThrow(() -> new NotFound("No service user with id " + serviceUserId + "."));
    }

    /** The whole record, for a reader with a need to know. */
    public record Record(Long id, String organisationGroupId, String fullName, String membershipNumber, String email,
            String phone, boolean erased, List<ReferralSummary> referrals) {
    }

    public record ReferralSummary(String referralNumber, String status, String reason) {
    }
}
