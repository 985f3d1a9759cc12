package org.carecommissioning.dataprotection;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Wraps the engine's history event handler (the database handler and any custom ones) and drops every event
 * about a personal variable: its historic variable instance, each update of it (historic detail) and each form
 * submission of it (form property detail). The runtime variable is unaffected, so a step can still read what a
 * form submitted; history, kept for years and readable by every Cockpit user, holds only references.
 */
class PersonalDataHistoryFilter implements HistoryEventHandler {

    private final HistoryEventHandler delegate;
    private final PersonalDataRegistry registry;

    PersonalDataHistoryFilter(HistoryEventHandler delegate, PersonalDataRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isPersonal(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        delegate.handleEvents(events.stream().filter(event -> !isPersonal(event)).toList());
    }

    boolean isPersonal(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return registry.isPersonal(event.getProcessDefinitionKey(), variable.getVariableName());
        }
        if (event instanceof HistoricFormPropertyEventEntity formProperty) {
            return registry.isPersonal(event.getProcessDefinitionKey(), formProperty.getPropertyId());
        }
        return false;
    }
}
