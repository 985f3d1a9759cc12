package org.carecommissioning.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the engine REST API (and the webapps' copy that Tasklist submits forms to) answers a failure. Camunda's
 * resources wrap every engine exception of a task completion or process start in a 500 "Cannot complete task
 * ...: <message>", so a refused form looked like a server fault, and a database refusal showed its SQL. Here:
 * <ul>
 * <li>a {@link BusinessRuleViolation} anywhere in the cause chain is a 400 with the caseworker's sentence first
 * and the rule after it;</li>
 * <li>no connection to the database (it is away) is a 503 with {@code Retry-After} and a plain sentence;</li>
 * <li>losing a race with a simultaneous change of the same case (the engine's optimistic lock, a {@code @Version}
 * check, a unique key just taken by another transaction) is a 409 with a plain sentence, and a task that has
 * vanished in the meantime a 404;</li>
 * <li>a value the database refused (too long, out of range, a constraint) is a 400 with a plain sentence;</li>
 * <li>any other database failure is a 500 with a plain sentence;</li>
 * <li>everything else is answered exactly as Camunda would, unless its message would show SQL or an exception.</li>
 * </ul>
 * The full exception is logged either way, so nothing is lost for the administrator.
 */
final class EngineRestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

    private EngineRestErrors() {
    }

    static Response toResponse(Throwable error) {
        var violation = ErrorCauses.businessRule(error);
        if (violation.isPresent()) {
            LOG.debug("Refused by a business rule: {}", violation.get().getMessage());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "BusinessRuleViolation");
            body.put("message", violation.get().caseworkerMessage());
            body.put("rule", violation.get().ruleId());
            return json(Response.Status.BAD_REQUEST, body);
        }
        if (ErrorCauses.isDatabaseUnavailable(error)) {
            LOG.warn("The database is not reachable: {}", error.getMessage());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", ErrorCauses.RETRY_AFTER_SECONDS)
                    .entity(Map.of("type", "ServiceUnavailable", "message", ErrorCauses.DATABASE_AWAY))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (ErrorCauses.isConcurrentChange(error)) {
            LOG.info("Lost a race with a simultaneous change of the same case: {}", error.getMessage());
            return json(Response.Status.CONFLICT, Map.of("type", "Conflict", "message", ErrorCauses.CONCURRENT_CHANGE));
        }
        if (ErrorCauses.isTaskGone(error)) {
            LOG.info("The task of a REST request no longer exists: {}", error.getMessage());
            return json(Response.Status.NOT_FOUND, Map.of("type", "NotFound", "message", ErrorCauses.TASK_GONE));
        }
        if (ErrorCauses.isDataRefusal(error)) {
            LOG.info("The database refused a value of a REST request", error);
            return json(Response.Status.BAD_REQUEST, Map.of("type", "InvalidInput", "message", ErrorCauses.DATA_REFUSED));
        }
        if (ErrorCauses.involvesDatabase(error)) {
            LOG.error("Database failure in a REST request", error);
            return json(Response.Status.INTERNAL_SERVER_ERROR,
                    Map.of("type", "ServerError", "message", ErrorCauses.SERVER_FAULT));
        }
        Response camunda = ExceptionHandlerHelper.getInstance().getResponse(error);
        if (camunda.getStatus() >= 500 && camunda.getEntity() instanceof ExceptionDto dto
                && ErrorCauses.leaks(dto.getMessage())) {
            return json(Response.Status.fromStatusCode(camunda.getStatus()),
                    Map.of("type", "ServerError", "message", ErrorCauses.SERVER_FAULT));
        }
        return camunda;
    }

    private static Response json(Response.Status status, Map<String, Object> body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
