package org.carecommissioning.shared;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Runs housekeeping the system does on a user's behalf (creating an organisation's group, correlating a
 * message to other instances) without granting that user the underlying engine permission.
 */
@Component
public class SystemAuthority {

    private final Caller caller;

    SystemAuthority(Caller caller) {
        this.caller = caller;
    }

    public <T> T call(Supplier<T> work) {
        return caller.withoutAuthentication(work);
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
