package org.carecommissioning.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.carecommissioning.security.Roles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The access adapter fails closed: no authentication, no user and no group, and every requirement refuses (403). */
class CallerTest {

    private final IdentityService identityService = mock(IdentityService.class);
    private final Caller caller = new Caller(identityService);

    @Test
    @DisplayName("without an authentication the caller has no user, no group, and is refused")
    void nobody() {
        assertThat(caller.userId()).isNull();
        assertThat(caller.groups()).isEmpty();
        assertThat(caller.isAuthenticated()).isFalse();
        assertThat(caller.isAnyOf(Roles.ADMIN, null)).isFalse();
        assertThatThrownBy(() -> caller.requireAnyOf("No.", Roles.ADMIN)).isInstanceOf(AccessDenied.class)
                .hasMessage("No.");
        assertThatThrownBy(() -> caller.requireUserId("Log in.")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> caller.requireAuthenticated("Log in.")).isInstanceOf(AccessDenied.class);
    }

    @Test
    @DisplayName("an authenticated user is in their groups only; with no groups they are in none")
    void someone() {
        when(identityService.getCurrentAuthentication()).thenReturn(new Authentication("fin", List.of(Roles.FINANCE)));
        assertThat(caller.userId()).isEqualTo("fin");
        assertThat(caller.isIn(Roles.FINANCE)).isTrue();
        assertThat(caller.isAnyOf(Roles.ADMIN, Roles.FINANCE)).isTrue();
        caller.requireAnyOf("No.", Roles.ADMIN, Roles.FINANCE);
        assertThatThrownBy(() -> caller.requireAnyOf("No.", Roles.ADMIN)).isInstanceOf(AccessDenied.class);

        when(identityService.getCurrentAuthentication()).thenReturn(new Authentication("x", null));
        assertThat(caller.groups()).isEmpty();
        assertThat(caller.isIn(Roles.FINANCE)).isFalse();
    }

    @Test
    @DisplayName("work without authentication restores the caller afterwards")
    void withoutAuthentication() {
        Authentication fin = new Authentication("fin", List.of(Roles.FINANCE));
        when(identityService.getCurrentAuthentication()).thenReturn(fin);
        assertThat(caller.withoutAuthentication(() -> 42)).isEqualTo(42);
        verify(identityService).clearAuthentication();
        verify(identityService).setAuthentication(fin);
    }
}
