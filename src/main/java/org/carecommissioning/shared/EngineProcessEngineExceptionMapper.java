package org.carecommissioning.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Engine exceptions the resources let through unwrapped. Its priority is higher than that of Camunda's own mapper
 * for the same type, so Jersey uses this one; see {@link EngineRestErrors}.
 */
@Provider
@Priority(EngineRestErrorMappers.PRIORITY)
public class EngineProcessEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException error) {
        return EngineRestErrors.toResponse(error);
    }
}
