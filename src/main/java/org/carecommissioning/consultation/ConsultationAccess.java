package org.carecommissioning.consultation;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/**
 * U1: purchasing officers start a service-user consultation; the contracts manager works its tasks as a candidate.
 * The daily schedule starts consultation-due; the officer reads its definition for the "Plan service-user
 * consultation" task's form (managers read every definition).
 * Consents and answers go over ConsultationController, to the service's own officer and contracts managers only.
 * U4: consultation-escalation is started by the application only (ConsultationConcerns, as the system) when a concern
 * is flagged, so no group may start it; its tasks go to the SP manager, the head of contracts and contracts managers
 * as candidates, who already read every process definition and instance (Cockpit, Roles.MANAGERS).
 */
@Component
class ConsultationAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.PURCHASING_OFFICER, ConsultationVariables.PROCESS_KEY)
                .readable(Roles.PURCHASING_OFFICER, ConsultationScheduling.DUE_PROCESS_KEY)
                .list();
    }
}
