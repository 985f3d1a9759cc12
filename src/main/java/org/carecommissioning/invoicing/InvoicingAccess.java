package org.carecommissioning.invoicing;

import java.util.List;

import org.carecommissioning.security.CapabilityAccess;
import org.carecommissioning.security.Grant;
import org.carecommissioning.security.Grants;
import org.carecommissioning.security.Roles;
import org.springframework.stereotype.Component;

/** Finance raises the quarter's invoices and works on each invoice's tasks. */
@Component
class InvoicingAccess implements CapabilityAccess {

    @Override
    public List<Grant> grants() {
        return new Grants()
                .startable(Roles.FINANCE, "quarterly-invoicing")
                .readable(Roles.FINANCE, "invoice")
                .list();
    }
}
