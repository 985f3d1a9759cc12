package org.carecommissioning.shared;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the application's API as RFC 9457 problem details ({@code application/problem+json}) whose
 * {@code detail} a caseworker (or their client software) can show as it is. The same sentence is also kept in
 * {@code message}, the field this API's clients have read since its first release, and a broken rule's ID in
 * {@code rule}.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(BusinessRuleViolation e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.ruleId());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getDefaultMessage())
                .collect(Collectors.joining(" "));
        return problem(HttpStatus.BAD_REQUEST, message, null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST,
                "The request could not be read: check the numbers and dates (dates like 2026-11-25).", null);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ProblemDetail> notAuthorized(AuthorizationException e) {
        LOG.info("Refused by the engine's authorizations: {}", e.getMessage());
        return problem(HttpStatus.FORBIDDEN, "You are not allowed to do this with your user's groups.", null);
    }

    /**
     * Everything else. The engine wraps a rule broken in a process step (for example by an uploaded return) in
     * its own exceptions, and the database refuses values with SQL in its message, so the cause chain decides:
     * a broken rule or a refused value is the caller's to fix (400); losing a race with a simultaneous change of the
     * same case is a conflict (409), a task completed in the meantime gone (404); no connection to the database is a
     * 503 with {@code Retry-After}; Spring's own refusals keep their status;
     * anything else is a server fault (500). No answer shows SQL, an exception or a stack trace.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        var violation = ErrorCauses.businessRule(e);
        if (violation.isPresent()) {
            return refused(violation.get());
        }
        if (ErrorCauses.isDatabaseUnavailable(e)) {
            LOG.warn("The database is not reachable: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(ErrorCauses.RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCauses.DATABASE_AWAY, null).getBody());
        }
        if (ErrorCauses.isConcurrentChange(e)) {
            LOG.info("An API request lost a race with a simultaneous change of the same case: {}", e.getMessage());
            return problem(HttpStatus.CONFLICT, ErrorCauses.CONCURRENT_CHANGE, null);
        }
        if (ErrorCauses.isTaskGone(e)) {
            return problem(HttpStatus.NOT_FOUND, ErrorCauses.TASK_GONE, null);
        }
        if (ErrorCauses.isDataRefusal(e)) {
            LOG.info("The database refused a value of an API request", e);
            return problem(HttpStatus.BAD_REQUEST, ErrorCauses.DATA_REFUSED, null);
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            String detail = response.getBody().getDetail();
            return problem(HttpStatus.valueOf(response.getStatusCode().value()),
                    detail == null || ErrorCauses.leaks(detail) ? "The request was refused." : detail, null);
        }
        LOG.error("Unexpected failure of an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCauses.SERVER_FAULT, null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String sentence, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, sentence);
        problem.setProperty("message", sentence);
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
