package org.carecommissioning.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Puts {@link QueryExpressionGuard} in front of every command the engine runs, in a transaction of its own or the caller's. */
@Component
class QueryExpressionGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = new ArrayList<>();
        all.add(new QueryExpressionGuard());
        if (interceptors != null) {
            all.addAll(interceptors);
        }
        return all;
    }
}
