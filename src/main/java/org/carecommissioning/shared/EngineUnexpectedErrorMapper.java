package org.carecommissioning.shared;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything else, such as a database exception a delegate let through. Its priority is higher than that of Camunda's
 * own mapper for the same type, so Jersey uses this one; see {@link EngineRestErrors}.
 */
@Provider
@Priority(EngineRestErrorMappers.PRIORITY)
public class EngineUnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable error) {
        return EngineRestErrors.toResponse(error);
    }
}
