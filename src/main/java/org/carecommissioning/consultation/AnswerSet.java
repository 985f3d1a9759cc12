package org.carecommissioning.consultation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * U3, U4: the answers of one participant of an interview or meeting, against their consent reference, or of one
 * returned questionnaire, anonymous (no consent reference). Never a name.
 */
@Entity
@Table(name = "answer_set")
public class AnswerSet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "consultation_id")
    private Long consultationId;

    @Column(name = "consent_reference", length = ConsultationLimits.CONSENT_REFERENCE)
    private String consentReference;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private LocalDateTime recordedAt;

    @OneToMany(mappedBy = "answerSet", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("questionCode")
    private List<Answer> answers = new ArrayList<>();

    protected AnswerSet() {
    }

    AnswerSet(Long consultationId, String consentReference, String recordedBy, LocalDateTime at) {
        this.consultationId = consultationId;
        this.consentReference = consentReference;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    void add(String questionCode, String text) {
        answers.add(new Answer(this, questionCode, text));
    }

    public boolean isAnonymousQuestionnaire() {
        return consentReference == null;
    }

    public Long getId() {
        return id;
    }

    public Long getConsultationId() {
        return consultationId;
    }

    public String getConsentReference() {
        return consentReference;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public LocalDateTime getRecordedAt() {
        return recordedAt;
    }

    public List<Answer> getAnswers() {
        return Collections.unmodifiableList(answers);
    }
}
