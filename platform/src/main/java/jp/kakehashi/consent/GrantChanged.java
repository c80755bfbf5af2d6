package jp.kakehashi.consent;

import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.TppId;

/**
 * A live grant's rights were changed by a new consent of its customer (Grant Management §5.2 merge or replace): from
 * the same transaction on, only the tokens of the authorization that changed it are the grant's.
 *
 * @param grantId         the grant, whose id stays
 * @param authorizationId the authorization the customer agreed in, whose tokens the grant keeps
 * @param customerId      its customer
 * @param tppId           its TPP
 * @param replaced        true for replace (the rights are now only the new ones), false for merge (added)
 */
public record GrantChanged(GrantId grantId, String authorizationId, CustomerId customerId, TppId tppId,
        boolean replaced) {
}
