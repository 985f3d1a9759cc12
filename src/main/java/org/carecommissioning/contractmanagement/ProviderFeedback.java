package org.carecommissioning.contractmanagement;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** C8: a provider's answers to the survey on the meeting process. */
@Entity
@Table(name = "cmm_feedback")
public class ProviderFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id")
    private Long meetingId;

    @Column(name = "given_by")
    private String givenBy;

    @Column(name = "preparation_rating")
    private int preparationRating;

    @Column(name = "conduct_rating")
    private int conductRating;

    @Column(name = "usefulness_rating")
    private int usefulnessRating;

    private String comments;

    @Column(name = "given_at")
    private LocalDateTime givenAt;

    protected ProviderFeedback() {
    }

    ProviderFeedback(Long meetingId, String givenBy, int preparation, int conduct, int usefulness, String comments,
            LocalDateTime givenAt) {
        this.meetingId = meetingId;
        this.givenBy = givenBy;
        this.preparationRating = preparation;
        this.conductRating = conduct;
        this.usefulnessRating = usefulness;
        this.comments = comments;
        this.givenAt = givenAt;
    }

    public int getPreparationRating() {
        return preparationRating;
    }

    public int getConductRating() {
        return conductRating;
    }

    public int getUsefulnessRating() {
        return usefulnessRating;
    }

    public String getComments() {
        return comments;
    }
}
