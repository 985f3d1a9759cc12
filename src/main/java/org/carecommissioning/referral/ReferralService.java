package org.carecommissioning.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.carecommissioning.organisation.Organisation;
import org.carecommissioning.organisation.OrganisationService;
import org.carecommissioning.partnership.Partnership;
import org.carecommissioning.partnership.PartnershipService;
import org.carecommissioning.shared.BusinessRuleViolation;
import org.carecommissioning.shared.FormValues;
import org.carecommissioning.shared.Money;
import org.carecommissioning.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Referral, eligibility, authorisation, evaluation and the end of a treatment plan (R1-R3, R8, R9). */
@Service
public class ReferralService {

    private final ReferralRepository referrals;
    private final ServiceUserRepository serviceUsers;
    private final ReferralNumbers numbers;
    private final OrganisationService organisations;
    private final PartnershipService partnerships;
    private final ReferralProperties properties;
    private final Clock clock;

    ReferralService(ReferralRepository referrals, ServiceUserRepository serviceUsers, ReferralNumbers numbers,
            OrganisationService organisations, PartnershipService partnerships, ReferralProperties properties,
            Clock clock) {
        this.referrals = referrals;
        this.serviceUsers = serviceUsers;
        this.numbers = numbers;
        this.organisations = organisations;
        this.partnerships = partnerships;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * R2: a commissioning organisation refers one of its members. The organisation is the referrer's own
     * (from their organisation group) unless an organisation code is given by someone who may act for it.
     */
    @Transactional
    public Referral refer(NewReferral request) {
        checkLengths(request);
        Organisation organisation = referringOrganisation(request.referrerUserId(), request.organisationCode());
        Partnership partnership = partnerships.activePartnershipOf(organisation.getId(), LocalDate.now(clock))
                .orElseThrow(() -> new BusinessRuleViolation("R1", organisation.getName()
                        + " has no live partnership today, so it cannot refer anyone. Enter into a partnership first."));
        String name = requireText(request.serviceUserName(), "The service user's name");
        String membership = requireText(request.membershipNumber(), "The service user's membership number");
        ServiceUser serviceUser = serviceUsers
                .findByCommissioningOrganisationIdAndMembershipNumber(organisation.getId(), membership)
                .map(existing -> {
                    existing.updateContact(name, request.email(), request.phone());
                    return existing;
                })
                .orElseGet(() -> serviceUsers.save(new ServiceUser(organisation.getId(), name, membership,
                        blankToNull(request.email()), blankToNull(request.phone()))));
        Referral referral = new Referral(numbers.next(organisation.getCode()), partnership.getId(), serviceUser,
                blankToNull(request.reason()), request.referrerUserId(), LocalDateTime.now(clock));
        return referrals.save(referral);
    }

    /** R2: the referrer's organisation records that the client is not eligible, with the reason. */
    @Transactional
    public Referral decline(Long referralId, String userId, String reason) {
        Referral referral = getReferred(referralId);
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("R2", "Say why " + referral.getServiceUser().getFullName()
                    + " is not eligible, or tick the eligibility confirmation.");
        }
        FormValues.limited(reason.trim(), ReferralLimits.DECLINE_REASON, "R2", "The reason for declining");
        referral.decline(userId, LocalDateTime.now(clock), reason.trim());
        return referral;
    }

    /**
     * R2, R3, R8, R9: the written authorisation of a treatment count and the client's contribution. The plan
     * and evaluation rules come from the treatment-plan and evaluation-forms decision tables.
     */
    @Transactional
    public Referral authorise(Long referralId, String userId, Authorisation authorisation) {
        Referral referral = getReferred(referralId);
        Integer treatments = authorisation.treatments();
        if (treatments == null || !authorisation.planAllowed()) {
            throw treatmentCountRefused(treatments);
        }
        if (authorisation.finalForm() == null) {
            throw new BusinessRuleViolation("R8", "The evaluation-forms table has no rule for " + treatments
                    + " treatments; ask a business analyst to check it.");
        }
        long contribution = Money.poundsToPence(authorisation.clientContributionPounds(), "The client's contribution");
        int cost = properties.treatmentCostPence();
        if (contribution < 0 || contribution > cost) {
            throw new BusinessRuleViolation("R9", "The client's contribution must be between " + Money.format(0)
                    + " and " + Money.format(cost) + " per treatment; " + Money.format(contribution) + " is not allowed.");
        }
        referral.authorise(userId, LocalDateTime.now(clock), treatments, authorisation.planType(),
                authorisation.diaryAfterEachTreatment(), authorisation.finalForm(), (int) contribution);
        return referral;
    }

    /** R3: the one sentence for any count that cannot be authorised, whether a wrong number or no number at all. */
    static BusinessRuleViolation treatmentCountRefused(Object treatments) {
        String given = treatments == null || treatments.toString().isBlank() ? "no number"
                : treatments.toString().length() > 20 ? treatments.toString().substring(0, 20) + "..."
                : treatments.toString().trim();
        return new BusinessRuleViolation("R3", "A treatment plan is a one-off treatment (1) or a series of 4, 5 or 6"
                + " treatments; " + given + " cannot be authorised.");
    }

    /** R8: the short or final evaluation form at the end of the plan (the client may decline to fill it in). */
    @Transactional
    public Referral recordEvaluation(Long referralId, Evaluation evaluation) {
        Referral referral = get(referralId);
        if (referral.getStatus() != ReferralStatus.AUTHORISED) {
            throw new BusinessRuleViolation("R8", "Referral " + referral.getReferralNumber() + " is "
                    + referral.getStatus().name().toLowerCase() + "; its evaluation cannot be recorded.");
        }
        Integer rating = evaluation.declined() ? null : evaluation.benefitRating();
        if (!evaluation.declined() && (rating == null || rating < 1 || rating > 5)) {
            throw new BusinessRuleViolation("R8", "Give the client's benefit rating from 1 to 5, or tick that the"
                    + " client declined the evaluation.");
        }
        FormValues.limited(blankToNull(evaluation.comments()), ReferralLimits.EVALUATION_COMMENTS, "R8",
                "The evaluation comments");
        referral.recordEvaluation(referral.getFinalForm(), evaluation.declined(), rating,
                evaluation.wouldRecommend(), blankToNull(evaluation.comments()));
        referral.complete(LocalDateTime.now(clock));
        return referral;
    }

    /** R1: the partnership ended before the remaining authorised treatments were booked; they lapse. */
    @Transactional
    public Referral lapse(Long referralId) {
        Referral referral = get(referralId);
        if (referral.getStatus() == ReferralStatus.AUTHORISED || referral.getStatus() == ReferralStatus.REFERRED) {
            referral.lapse(LocalDateTime.now(clock));
        }
        return referral;
    }

    @Transactional(readOnly = true)
    public Referral get(Long referralId) {
        return referrals.findById(referralId)
                .orElseThrow(() -> new NotFound("No referral with id " + referralId + "."));
    }

    @Transactional(readOnly = true)
    public Referral getByNumber(String referralNumber) {
        return referrals.findByReferralNumber(referralNumber)
                .orElseThrow(() -> new NotFound("No referral numbered " + referralNumber + "."));
    }

    @Transactional(readOnly = true)
    public String commissionerGroupOf(Long referralId) {
        Referral referral = get(referralId);
        return organisations.get(referral.getServiceUser().getCommissioningOrganisationId()).getGroupId();
    }

    private Organisation referringOrganisation(String userId, String organisationCode) {
        List<Organisation> own = userId == null ? List.of() : organisations.commissioningOrganisationsOf(userId);
        if (organisationCode != null && !organisationCode.isBlank()) {
            Organisation named = organisations.findByCode(organisationCode.trim())
                    .orElseThrow(() -> new BusinessRuleViolation("R2", "There is no commissioning organisation with code "
                            + organisationCode + "."));
            if (userId != null && !own.isEmpty() && own.stream().noneMatch(o -> o.getId().equals(named.getId()))) {
                throw new BusinessRuleViolation("R2", "You can refer only members of your own organisation.");
            }
            return named;
        }
        if (own.size() == 1) {
            return own.get(0);
        }
        if (own.isEmpty()) {
            throw new BusinessRuleViolation("R2", "Only staff of a commissioning organisation can refer a service user;"
                    + " your user is not a member of an organisation group.");
        }
        throw new BusinessRuleViolation("R2", "You belong to several commissioning organisations; give the"
                + " organisation code of the one making this referral.");
    }

    private Referral getReferred(Long referralId) {
        Referral referral = get(referralId);
        if (referral.getStatus() != ReferralStatus.REFERRED) {
            throw new BusinessRuleViolation("R2", "Referral " + referral.getReferralNumber() + " has already been "
                    + referral.getStatus().name().toLowerCase() + ".");
        }
        return referral;
    }

    /** R2: every field within its declared limit, checked before anything is looked up or written. */
    private static void checkLengths(NewReferral request) {
        FormValues.limited(blankToNull(request.serviceUserName()), ReferralLimits.SERVICE_USER_NAME, "R2",
                "The service user's name");
        FormValues.limited(blankToNull(request.membershipNumber()), ReferralLimits.MEMBERSHIP_NUMBER, "R2",
                "The membership number");
        FormValues.limited(blankToNull(request.email()), ReferralLimits.EMAIL, "R2", "The e-mail address");
        FormValues.limited(blankToNull(request.phone()), ReferralLimits.PHONE, "R2", "The phone number");
        FormValues.limited(blankToNull(request.reason()), ReferralLimits.REFERRAL_REASON, "R2",
                "The reason for the referral");
    }

    private static String requireText(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleViolation("R2", label + " is required.");
        }
        return value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public record NewReferral(String referrerUserId, String organisationCode, String serviceUserName,
            String membershipNumber, String email, String phone, String reason) {
    }

    public record Authorisation(Integer treatments, boolean planAllowed, String planType,
            boolean diaryAfterEachTreatment, String finalForm, Number clientContributionPounds) {
    }

    public record Evaluation(boolean declined, Integer benefitRating, Boolean wouldRecommend, String comments) {
    }
}
