package org.carecommissioning.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * Camunda's database identity provider, with every password check made for an HTTP request counted against the
 * request's client address ({@link LoginThrottle}). Counting here, where the password is really compared, covers
 * every entry point alike (HTTP Basic, the webapps' log-in, {@code POST /engine-rest/identity/verify}) and cannot
 * be fooled by a request that looks like a log-in but never checks a password. An address that must wait gets
 * "wrong password" without its guess being compared.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

    private final LoginThrottle throttle;

    ThrottledIdentityProvider(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        String client = throttle.currentClient();
        if (client == null) {
            return super.checkPassword(userId, password);
        }
        if (!throttle.waitFor(client).isZero()) {
            return false;
        }
        boolean correct = super.checkPassword(userId, password);
        if (correct) {
            throttle.succeeded(client, userId);
        } else {
            throttle.failed(client, userId);
        }
        return correct;
    }
}
