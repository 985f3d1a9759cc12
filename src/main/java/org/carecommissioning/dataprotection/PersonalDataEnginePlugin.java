package org.carecommissioning.dataprotection;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Keeps personal data out of the engine's history: every process variable or form field a capability declares
 * personal ({@link org.carecommissioning.shared.PersonalVariables}) is dropped before any history event handler sees
 * it, and forms show personal values read from the application's tables instead of variables
 * ({@link org.carecommissioning.shared.PersonalFormValues}). History keeps each variable's latest value only
 * ({@link LatestValueHistoryEventHandler}).
 */
@Component
class PersonalDataEnginePlugin extends AbstractProcessEnginePlugin {

    private final PersonalDataRegistry registry;

    PersonalDataEnginePlugin(PersonalDataRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new PersonalFormParseListener(registry));
        // the engine's own database handler is replaced by one that writes no ACT_HI_DETAIL copy of each variable
        // value; init builds the composite handler from the custom ones, so this one is in it as the default was
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new LatestValueHistoryEventHandler());
    }

    /**
     * After init the engine has built its history event handler (the database handler plus any custom handlers,
     * as enableDefaultDbHistoryEventHandler and customHistoryEventHandlers say, or one set explicitly); wrapping
     * that one, whichever it is, keeps every handler behind the filter. The engine looks the handler up from its
     * configuration for each event, so the wrapper is used from the first deployment on.
     */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(
                new PersonalDataHistoryFilter(configuration.getHistoryEventHandler(), registry));
    }
}
