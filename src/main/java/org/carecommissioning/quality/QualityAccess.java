package org.carecommissioning.quality;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Q2: purchasing officers issue QAFs; providers see the QAF process their tasks belong to; Q7 records: the data input
 * clerk sees it to record the final grades on Swift.
 */
@Component
class QualityAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.PURCHASING_OFFICER, "qaf-return")
                .readable(Roles.PROVIDER, "qaf-return")
                .readable(Roles.DATA_INPUT_CLERK, "qaf-return")
                .list();
    }
}
