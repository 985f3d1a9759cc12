package org.carecommissioning.consultation;

import java.time.LocalDateTime;
import java.util.List;

import org.carecommissioning.security.Roles;
import org.carecommissioning.shared.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * U1: the financial years in which a contracted service is in its procurement review (reviewed, re-commissioned or
 * re-tendered), recorded on the service by the contracts manager or a purchasing officer:
 * {@code POST /api/services/{code}/procurement-reviews} with {@code {"financialYear": "2027/28"}}; a consultation
 * planned for that year and not yet under way moves to the next year outside a review. {@code GET} lists the years.
 * Provider staff are refused (403); an unknown service or a year that is none is a 400, and nothing is written.
 */
@RestController
class ProcurementReviewController {

    private static final String REFUSAL = "Only the contracts manager, the head of contracts and purchasing officers"
            + " record and read a service's procurement review.";

    private final Consultations consultations;
    private final Caller caller;

    ProcurementReviewController(Consultations consultations, Caller caller) {
        this.consultations = consultations;
        this.caller = caller;
    }

    /** U1: the year to record as the service's procurement review. */
    record ReviewYearRequest(String financialYear) {
    }

    /** U1: a recorded procurement review year and who recorded it. */
    record ReviewYear(String financialYear, String recordedBy, LocalDateTime recordedAt) {

        static ReviewYear of(ServiceReviewYear year) {
            return new ReviewYear(year.getFinancialYear(), year.getRecordedBy(), year.getRecordedAt());
        }
    }

    @PostMapping("/api/services/{serviceCode}/procurement-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    ReviewYear record(@PathVariable String serviceCode, @RequestBody ReviewYearRequest request) {
        requireRole();
        return ReviewYear.of(consultations.recordProcurementReview(serviceCode,
                request == null ? null : request.financialYear(), caller.userId()));
    }

    @GetMapping("/api/services/{serviceCode}/procurement-reviews")
    List<ReviewYear> years(@PathVariable String serviceCode) {
        requireRole();
        return consultations.procurementReviews(serviceCode).stream().map(ReviewYear::of).toList();
    }

    private void requireRole() {
        caller.requireAnyOf(REFUSAL, Roles.CONTRACTS_MANAGER, Roles.HEAD_OF_CONTRACTS, Roles.PURCHASING_OFFICER,
                Roles.ADMIN);
    }
}
