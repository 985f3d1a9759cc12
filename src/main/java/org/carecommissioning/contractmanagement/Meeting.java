package org.carecommissioning.contractmanagement;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One contract management meeting of one service (C2-C8). */
@Entity
@Table(name = "cmm_meeting")
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "service_id")
    private ContractedService service;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    @Enumerated(EnumType.STRING)
    private MeetingStatus status;

    @Column(name = "planned_by")
    private String plannedBy;

    @Column(name = "planned_at")
    private LocalDateTime plannedAt;

    @Column(name = "audit_with_provider")
    private Boolean auditWithProvider;

    @Column(name = "audit_involves")
    private String auditInvolves;

    private String agenda;

    @Column(name = "agenda_sent_at")
    private LocalDateTime agendaSentAt;

    private String minutes;

    @Column(name = "held_on")
    private LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority_before")
    private PriorityLevel priorityBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority_after")
    private PriorityLevel priorityAfter;

    @Column(name = "priority_reason")
    private String priorityReason;

    @Column(name = "unannounced_audits")
    private Boolean unannouncedAudits;

    @Column(name = "default_notice_decision")
    private String defaultNoticeDecision;

    @Version
    private int version;

    protected Meeting() {
    }

    Meeting(String reference, ContractedService service, LocalDate meetingDate, String plannedBy,
            LocalDateTime plannedAt) {
        this.reference = reference;
        this.service = service;
        this.meetingDate = meetingDate;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
        this.status = MeetingStatus.PLANNED;
        this.priorityBefore = service.getPriorityLevel();
    }

    void decideAudit(boolean withProvider, String involves) {
        this.auditWithProvider = withProvider;
        this.auditInvolves = involves;
    }

    void sendAgenda(String agenda, LocalDateTime at) {
        this.agenda = agenda;
        this.agendaSentAt = at;
    }

    void hold(LocalDate on, String minutes) {
        this.heldOn = on;
        this.minutes = minutes;
        this.status = MeetingStatus.HELD;
    }

    void reprioritise(PriorityLevel after, String reason, boolean unannouncedAudits) {
        this.priorityAfter = after;
        this.priorityReason = reason;
        this.unannouncedAudits = unannouncedAudits;
    }

    /** C6: the priority level reassigned after this meeting is RED and was not before it. */
    boolean movedToRed() {
        return priorityAfter == PriorityLevel.RED && priorityBefore != PriorityLevel.RED;
    }

    void decideDefaultNotice(String decision) {
        this.defaultNoticeDecision = decision;
    }

    void close() {
        this.status = MeetingStatus.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public ContractedService getService() {
        return service;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public Boolean getAuditWithProvider() {
        return auditWithProvider;
    }

    public String getAuditInvolves() {
        return auditInvolves;
    }

    public String getAgenda() {
        return agenda;
    }

    public LocalDateTime getAgendaSentAt() {
        return agendaSentAt;
    }

    public String getMinutes() {
        return minutes;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public PriorityLevel getPriorityBefore() {
        return priorityBefore;
    }

    public PriorityLevel getPriorityAfter() {
        return priorityAfter;
    }

    public String getPriorityReason() {
        return priorityReason;
    }

    public Boolean getUnannouncedAudits() {
        return unannouncedAudits;
    }

    public String getDefaultNoticeDecision() {
        return defaultNoticeDecision;
    }
}
