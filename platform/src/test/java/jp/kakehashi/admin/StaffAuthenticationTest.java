package jp.kakehashi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.GrantedAuthority;

/** Roles come with the second factor only; the staff session survives the session store; rules order by specificity. */
class StaffAuthenticationTest {

    private static final StaffMember APPROVER = new StaffMember("staff-a", "a", "承認", EnumSet.of(StaffRole.APPROVER,
            StaffRole.AUDITOR));

    @Test
    void authoritiesWhenPasswordOnlyThenNoRoleAndWhenSecondFactorThenItsRoles() {
        assertThat(StaffAuthentication.passwordOnly(APPROVER).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly(StaffAuthentication.PASSWORD_ONLY);
        assertThat(StaffAuthentication.withSecondFactor(APPROVER).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder(StaffAuthentication.SECOND_FACTOR, "ROLE_APPROVER", "ROLE_AUDITOR");
        assertThat(StaffAuthentication.of(StaffAuthentication.passwordOnly(APPROVER))).isEmpty();
        assertThat(StaffAuthentication.of(StaffAuthentication.withSecondFactor(APPROVER))).contains(APPROVER);
    }

    @Test
    void serializationWhenStoredInTheSessionThenComesBackEqual() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(StaffAuthentication.withSecondFactor(APPROVER));
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(StaffAuthentication.withSecondFactor(APPROVER));
        }
    }

    @Test
    void orderedWhenRulesOverlapThenMethodSpecificAndLongerPatternsFirst() {
        var broad = ConsoleAccess.any("/console/tpps/**", StaffRole.AUDITOR);
        var narrow = ConsoleAccess.any("/console/tpps/*/suspend", StaffRole.OPERATOR);
        var post = ConsoleAccess.post("/console/tpps/**", StaffRole.OPERATOR);

        assertThat(ConsoleSecurity.ordered(List.of(broad, narrow, post))).containsExactly(post, narrow, broad);
        assertThat(post.method()).isEqualTo(HttpMethod.POST);
        assertThatThrownBy(() -> ConsoleAccess.any("/other/**", StaffRole.AUDITOR))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
