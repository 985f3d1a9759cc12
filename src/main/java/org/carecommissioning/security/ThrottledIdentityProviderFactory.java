package org.carecommissioning.security;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Gives the engine {@link ThrottledIdentityProvider} wherever it would use its database identity provider. The
 * session type is the provider's class, so the engine also uses it as the writable identity provider (users,
 * groups, unlock).
 */
class ThrottledIdentityProviderFactory implements SessionFactory {

    private final LoginThrottle throttle;

    ThrottledIdentityProviderFactory(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public Class<?> getSessionType() {
        return ThrottledIdentityProvider.class;
    }

    @Override
    public Session openSession() {
        return new ThrottledIdentityProvider(throttle);
    }
}
