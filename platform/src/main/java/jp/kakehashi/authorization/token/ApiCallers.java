package jp.kakehashi.authorization.token;

import java.util.Set;
import jp.kakehashi.authorization.customer.AuthenticationLevel;
import jp.kakehashi.shared.ApiCaller;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.tpp.ClientOwners;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands an {@link ApiCaller} to every controller method that takes one: read once, here, from the access token the
 * resource server's chain accepted (the claims this module put in it, {@link AccessTokenClaims}), so that the banking
 * module never reads a claim by name (B2, B3). A method that takes an {@code ApiCaller} outside an API call gets
 * null.
 */
@Component
public class ApiCallers implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final ClientOwners owners;

    ApiCallers(ClientOwners owners) {
        this.owners = owners;
    }

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ApiCaller.class;
    }

    @Override
    public ApiCaller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt token ? of(token) : null;
    }

    /** The caller of an accepted access token. */
    public ApiCaller of(Jwt token) {
        String clientId = token.getClaimAsString(OAuth2TokenIntrospectionClaimNames.CLIENT_ID);
        Set<String> scopes = token.hasClaim(OAuth2TokenIntrospectionClaimNames.SCOPE)
                ? Set.copyOf(token.getClaimAsStringList(OAuth2TokenIntrospectionClaimNames.SCOPE)) : Set.of();
        String tokenId = token.getId() != null ? token.getId()
                : token.getIssuedAt() == null ? null : token.getIssuedAt().toString();
        return new ApiCaller(CustomerId.of(token.getSubject()),
                clientId == null ? null : TppId.of(owners.tppOf(clientId)), ClientId.of(clientId),
                GrantId.of(token.getClaimAsString(AccessTokenClaims.GRANT_ID)), scopes,
                AuthenticationLevel.MFA.acr().equals(token.getClaimAsString(IdTokenClaimNames.ACR)), tokenId);
    }
}
