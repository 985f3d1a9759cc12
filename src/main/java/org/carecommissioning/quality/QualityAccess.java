package org.carecommissioning.quality;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Q2: purchasing officers issue QAFs and providers see the QAF process their tasks belong to; Q6: the contracts
 * manager starts the year's moderation (it also starts itself on 1 March); Q7 records: the data input clerk sees it to
 * record the final grades on Swift.
 */
@Component
class QualityAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.PURCHASING_OFFICER, "qaf-return")
                .readable(Roles.PROVIDER, "qaf-return")
                .startable(Roles.CONTRACTS_MANAGER, QafModerationProcess.KEY)
                .readable(Roles.DATA_INPUT_CLERK, "qaf-return")
                .list();
    }
}
