package org.carecommissioning.dataprotection;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's database history handler, writing each variable's history once: its instance in ACT_HI_VARINST holds
 * the latest value (what Cockpit shows and what the history time to live removes), and no copy of every earlier value
 * goes into ACT_HI_DETAIL. At history level full the engine would write that detail row, with a copy of any
 * serialised value in ACT_GE_BYTEARRAY, for every variable set or changed: a second history of the same data, which
 * nothing in the application or the Community webapps reads, which keeps superseded values for years (storage
 * limitation), and which cost a third of the history statements of a task completion (issue 12). Everything else at
 * level full stays: activity, task, identity-link, incident, job, decision and operation-log history, and the form
 * fields a user submitted.
 */
class LatestValueHistoryEventHandler extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
        return false;
    }
}
