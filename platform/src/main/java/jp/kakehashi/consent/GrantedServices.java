package jp.kakehashi.consent;

import java.util.Optional;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import org.springframework.stereotype.Component;

/**
 * The TPP service a grant was given to, by the name the customer saw on the consent screen (D1): for the bank's own
 * pages and notices about what the TPP did under the grant (e.g. a transfer to confirm, B10).
 */
@Component
public class GrantedServices {

    private final Grants grants;
    private final Tpps tpps;

    GrantedServices(Grants grants, Tpps tpps) {
        this.grants = grants;
        this.tpps = tpps;
    }

    /** The service's Japanese and English names. */
    public record ServiceName(String japanese, String english) {
    }

    public Optional<ServiceName> of(String grantId) {
        return grants.find(grantId).flatMap(grant -> tpps.find(grant.tppId()))
                .map((Tpp tpp) -> new ServiceName(tpp.serviceName(), tpp.serviceNameEn()));
    }
}
