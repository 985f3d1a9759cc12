package org.carecommissioning.therapist;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A practitioner delivering treatments; bookable only while qualified and insured (R4). */
@Entity
@Table(name = "therapist")
public class Therapist {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name")
    private String fullName;

    private String email;

    /** The therapist's Camunda user, so their diary tasks are assigned to them; null if they have none. */
    @Column(name = "user_id")
    private String userId;

    @Column(name = "qualification_valid_until")
    private LocalDate qualificationValidUntil;

    @Column(name = "insurance_valid_until")
    private LocalDate insuranceValidUntil;

    private boolean active;

    protected Therapist() {
    }

    public Therapist(String fullName, String email, String userId, LocalDate qualificationValidUntil,
            LocalDate insuranceValidUntil) {
        this.fullName = fullName;
        this.email = email;
        this.userId = userId;
        this.qualificationValidUntil = qualificationValidUntil;
        this.insuranceValidUntil = insuranceValidUntil;
        this.active = true;
    }

    public boolean isQualifiedOn(LocalDate date) {
        return !date.isAfter(qualificationValidUntil);
    }

    public boolean isInsuredOn(LocalDate date) {
        return !date.isAfter(insuranceValidUntil);
    }

    void renewCredentials(LocalDate qualificationValidUntil, LocalDate insuranceValidUntil) {
        this.qualificationValidUntil = qualificationValidUntil;
        this.insuranceValidUntil = insuranceValidUntil;
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getUserId() {
        return userId;
    }

    public LocalDate getQualificationValidUntil() {
        return qualificationValidUntil;
    }

    public LocalDate getInsuranceValidUntil() {
        return insuranceValidUntil;
    }

    public boolean isActive() {
        return active;
    }
}
