package org.carecommissioning.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** U3: the answer to one question, or the participant declined it (no text). */
@Entity
@Table(name = "answer")
public class Answer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne
    @JoinColumn(name = "answer_set_id")
    private AnswerSet answerSet;

    @Column(name = "question_code", length = ConsultationLimits.QUESTION_CODE)
    private String questionCode;

    @Column(name = "answer_text", length = ConsultationLimits.ANSWER)
    private String answerText;

    private boolean declined;

    protected Answer() {
    }

    /** {@code text} null: the participant declined the question. */
    Answer(AnswerSet answerSet, String questionCode, String text) {
        this.answerSet = answerSet;
        this.questionCode = questionCode;
        this.answerText = text;
        this.declined = text == null;
    }

    public Long getId() {
        return id;
    }

    public String getQuestionCode() {
        return questionCode;
    }

    public String getAnswerText() {
        return answerText;
    }

    public boolean isDeclined() {
        return declined;
    }
}
