package org.carecommissioning.dataprotection;

import org.carecommissioning.dataprotection.DataProtectionService.Erasure;
import org.carecommissioning.referral.ServiceUserRecords.Record;
import org.carecommissioning.shared.Caller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service user's record over the authenticated API: read (logged) and erase (logged). */
@RestController
@RequestMapping("/api/service-users")
class ServiceUserController {

    private final DataProtectionService dataProtection;
    private static final String LOG_IN = "Log in to see service users' records.";

    private final Caller caller;

    ServiceUserController(DataProtectionService dataProtection, Caller caller) {
        this.dataProtection = dataProtection;
        this.caller = caller;
    }

    @GetMapping("/{id}")
    Record read(@PathVariable Long id) {
        caller.requireAuthenticated(LOG_IN);
        return dataProtection.read(id, caller.userId(), caller.groups());
    }

    @DeleteMapping("/{id}")
    Erasure erase(@PathVariable Long id) {
        caller.requireAuthenticated(LOG_IN);
        return dataProtection.erase(id, caller.userId(), caller.groups());
    }
}
