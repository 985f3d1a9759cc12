package org.carecommissioning.referral;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member of a commissioning organisation referred for treatment (the client). */
@Entity
@Table(name = "service_user")
public class ServiceUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "commissioning_organisation_id")
    private Long commissioningOrganisationId;

    @Column(name = "full_name", length = ReferralLimits.SERVICE_USER_NAME)
    private String fullName;

    @Column(name = "membership_number", length = ReferralLimits.MEMBERSHIP_NUMBER)
    private String membershipNumber;

    @Column(length = ReferralLimits.EMAIL)
    private String email;

    @Column(length = ReferralLimits.PHONE)
    private String phone;

    @Column(name = "erased_at")
    private LocalDateTime erasedAt;

    protected ServiceUser() {
    }

    ServiceUser(Long commissioningOrganisationId, String fullName, String membershipNumber, String email, String phone) {
        this.commissioningOrganisationId = commissioningOrganisationId;
        this.fullName = fullName;
        this.membershipNumber = membershipNumber;
        this.email = email;
        this.phone = phone;
    }

    void updateContact(String fullName, String email, String phone) {
        this.fullName = fullName;
        if (email != null && !email.isBlank()) {
            this.email = email;
        }
        if (phone != null && !phone.isBlank()) {
            this.phone = phone;
        }
    }

    /**
     * Right to erasure: irreversibly anonymises the person. The membership number becomes a placeholder unique in
     * the organisation (a new referral of the same member starts a new record).
     */
    void erase(LocalDateTime at) {
        this.fullName = "Erased service user";
        this.membershipNumber = "ERASED-" + id;
        this.email = null;
        this.phone = null;
        this.erasedAt = at;
    }

    public LocalDateTime getErasedAt() {
        return erasedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCommissioningOrganisationId() {
        return commissioningOrganisationId;
    }

    public String getFullName() {
        return fullName;
    }

    public String getMembershipNumber() {
        return membershipNumber;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }
}
