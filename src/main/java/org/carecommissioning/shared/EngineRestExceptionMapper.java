package org.carecommissioning.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's task and process-start resources wrap every engine exception in a RestException (status 500). Its
 * priority is higher than that of Camunda's own mapper for the same type, so Jersey uses this one; see {@link
 * EngineRestErrors}.
 */
@Provider
@Priority(EngineRestErrorMappers.PRIORITY)
public class EngineRestExceptionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException error) {
        return EngineRestErrors.toResponse(error);
    }
}
