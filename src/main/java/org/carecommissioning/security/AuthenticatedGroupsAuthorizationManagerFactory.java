package org.carecommissioning.security;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/** Opens {@link AuthenticatedGroupsAuthorizationManager} wherever the engine asks for its {@link AuthorizationManager}. */
class AuthenticatedGroupsAuthorizationManagerFactory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
        return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
        return new AuthenticatedGroupsAuthorizationManager();
    }
}
