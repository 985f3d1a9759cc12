package org.carecommissioning.contractmanagement;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A service contracted from a provider and monitored by a purchasing officer (C1). */
@Entity
@Table(name = "contracted_service")
public class ContractedService {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_code", length = ContractLimits.SERVICE_CODE)
    private String serviceCode;

    @Column(length = ContractLimits.SERVICE_NAME)
    private String name;

    @Column(name = "provider_organisation_id")
    private Long providerOrganisationId;

    @Column(name = "primary_client_group", length = ContractLimits.CLIENT_GROUP)
    private String primaryClientGroup;

    @Column(name = "service_type", length = ContractLimits.SERVICE_TYPE)
    private String serviceType;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority_level")
    private PriorityLevel priorityLevel;

    @Column(name = "purchasing_officer", length = ContractLimits.USER_ID)
    private String purchasingOfficer;

    @Column(name = "next_meeting_due")
    private LocalDate nextMeetingDue;

    @Version
    private int version;

    protected ContractedService() {
    }

    ContractedService(String serviceCode, String name, Long providerOrganisationId, String primaryClientGroup,
            String serviceType, PriorityLevel priorityLevel, String purchasingOfficer, LocalDate nextMeetingDue) {
        this.serviceCode = serviceCode;
        this.name = name;
        this.providerOrganisationId = providerOrganisationId;
        this.primaryClientGroup = primaryClientGroup;
        this.serviceType = serviceType;
        this.priorityLevel = priorityLevel;
        this.purchasingOfficer = purchasingOfficer;
        this.nextMeetingDue = nextMeetingDue;
    }

    void reprioritise(PriorityLevel level, LocalDate nextMeetingDue) {
        this.priorityLevel = level;
        this.nextMeetingDue = nextMeetingDue;
    }

    public Long getId() {
        return id;
    }

    public String getServiceCode() {
        return serviceCode;
    }

    public String getName() {
        return name;
    }

    public Long getProviderOrganisationId() {
        return providerOrganisationId;
    }

    public String getPrimaryClientGroup() {
        return primaryClientGroup;
    }

    public String getServiceType() {
        return serviceType;
    }

    public PriorityLevel getPriorityLevel() {
        return priorityLevel;
    }

    public String getPurchasingOfficer() {
        return purchasingOfficer;
    }

    public LocalDate getNextMeetingDue() {
        return nextMeetingDue;
    }
}
