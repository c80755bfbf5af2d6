package jp.kakehashi.tpp.chain;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import jp.kakehashi.shared.ApiFilterOrder;
import jp.kakehashi.tpp.ChainedPartyHeader;
import jp.kakehashi.tpp.ClientOwners;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code /v1} calls a TPP makes for a chained party the bank's handling does not allow (F2), with 403
 * {@code CHAINED_PARTY_NOT_ALLOWED} and the {@link ChainRefusal} as detail, before any endpoint or the core system is
 * touched; a malformed identifier gets 400 {@code INVALID_CHAINED_PARTY_ID}. Calls without the header, and calls
 * without a customer's authorisation (public information), pass. Ordered after Spring Security and the rate limit.
 * Transfers ({@code /v1/transfers…}) are the payment class (更新系), everything else the read class (参照系).
 */
@Component
@Order(ApiFilterOrder.CHAINED_PARTY)
class ChainedPartyFilter extends OncePerRequestFilter {

    private final ChainedParties parties;
    private final ClientOwners owners;

    ChainedPartyFilter(ChainedParties parties, ClientOwners owners) {
        this.parties = parties;
        this.owners = owners;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/") || request.getHeader(ChainedPartyHeader.NAME) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = ClientOwners.clientIdOf(SecurityContextHolder.getContext().getAuthentication());
        if (clientId == null) {
            chain.doFilter(request, response);
            return;
        }
        String partyId = request.getHeader(ChainedPartyHeader.NAME);
        if (!ChainedPartyHeader.isWellFormed(partyId)) {
            ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.INVALID_CHAINED_PARTY_ID));
            return;
        }
        ChainDecision decision = parties.decide(
                java.util.Objects.requireNonNullElse(owners.tppOf(clientId), "client:" + clientId), partyId, apiClassOf(request));
        if (decision instanceof ChainDecision.Refused(ChainRefusal reason)) {
            ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.CHAINED_PARTY_NOT_ALLOWED)
                    .withDetail(reason.name(), message(reason), null));
            return;
        }
        chain.doFilter(request, response);
    }

    static ApiClass apiClassOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/v1/transfers") || path.startsWith("/v1/transfers/") ? ApiClass.PAYMENT : ApiClass.READ;
    }

    private static String message(ChainRefusal reason) {
        return switch (reason) {
            case CHAIN_NOT_AGREED -> "連鎖接続の取扱いが合意されていません (no handling of chained parties agreed)";
            case DIRECT_CONTRACT_REQUIRED -> "銀行との直接契約が必要です (the party must contract with the bank)";
            case UNKNOWN_CHAINED_PARTY -> "登録されていない連鎖接続先です (the chained party is not registered)";
            case CHAINED_PARTY_WITHDRAWN -> "登録が取り下げられた連鎖接続先です (the chained party was withdrawn)";
            case API_CLASS_NOT_REGISTERED -> "この API 区分には登録されていません (not registered for this API class)";
            case NOT_APPROVED -> "銀行の承認がありません (not approved by the bank)";
            case NOTICE_NOT_EFFECTIVE -> "事前届出の利用開始日前です (prior notice not yet effective)";
        };
    }

}
