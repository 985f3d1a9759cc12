package org.carecommissioning.shared;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the application's API as JSON a caseworker (or their client software) can show as it is. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<Map<String, String>> refused(BusinessRuleViolation e) {
        return ResponseEntity.badRequest().body(Map.of("rule", e.ruleId(), "message", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, String>> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getDefaultMessage())
                .collect(Collectors.joining(" "));
        return ResponseEntity.badRequest().body(Map.of("message", message));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("message",
                "The request could not be read: check the numbers and dates (dates like 2026-11-25)."));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Map<String, String>> conflict(Conflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDenied e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, String>> notAuthorized(AuthorizationException e) {
        LOG.info("Refused by the engine's authorizations: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message",
                "You are not allowed to do this with your user's groups."));
    }

    /**
     * Everything else. The engine wraps a rule broken in a process step (for example by an uploaded return) in
     * its own exceptions, and the database refuses values with SQL in its message, so the cause chain decides:
     * a broken rule or a refused value is the caller's to fix (400); Spring's own refusals keep their status;
     * anything else is a server fault (500). No answer shows SQL, an exception or a stack trace.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        var violation = ErrorCauses.businessRule(e);
        if (violation.isPresent()) {
            return refused(violation.get());
        }
        if (ErrorCauses.isDataRefusal(e)) {
            LOG.info("The database refused a value of an API request", e);
            return ResponseEntity.badRequest().body(Map.of("message", ErrorCauses.DATA_REFUSED));
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            String detail = response.getBody().getDetail();
            return ResponseEntity.status(response.getStatusCode()).body(Map.of("message",
                    detail == null || ErrorCauses.leaks(detail) ? "The request was refused." : detail));
        }
        LOG.error("Unexpected failure of an API request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("message", ErrorCauses.SERVER_FAULT));
    }
}
