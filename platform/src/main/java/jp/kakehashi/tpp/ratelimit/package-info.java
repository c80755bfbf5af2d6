/**
 * Per-TPP rate limits (F4): a token bucket per TPP, and per client IP address for calls without a customer's
 * authorisation (public branches and ATMs), so that one TPP's excessive or faulty traffic cannot overload the bank
 * or slow down the other TPPs. Over the limit a call is answered {@code 429 RATE_LIMIT_EXCEEDED} with
 * {@code Retry-After}, before any endpoint or the core system is touched.
 *
 * <p>Several nodes: the limits are the cluster's. Each bucket lives once, in PostgreSQL ({@code rate_bucket} per
 * TPP, {@code rate_bucket_address} per client address), and a node does not update it per call: it takes a small
 * lease of tokens in one statement ({@link jp.kakehashi.tpp.ratelimit.RateLimit#leaseSize()}: at most a tenth of the
 * burst and a twentieth of the rate, at least one) and spends them itself for at most a second. What it has not spent
 * by then, or when the TPP's limit changes, is given back to the bucket by the statement that takes its next lease
 * (capped at the burst); a token is never both given back and spent. Every call the cluster accepts is a token taken
 * from the one bucket and not given back, so over any time T the cluster accepts at most burst + rate × (T + 1 s)
 * calls of a TPP (the second: a lease taken just before T may be spent in it), and from a full bucket at most burst +
 * rate × T; and since unspent tokens return, a TPP whose calls are spread over many nodes, each spending less than a
 * lease a second, still reaches its rate (only the leftovers of a lease whose node then goes quiet for the TPP are
 * lost, and only until the bucket refills). A TPP is refused at most one lease early on a node whose share ran out
 * while another node still holds unspent tokens. When the bucket is empty, the node refuses locally until it will hold
 * a token again, asking at most once a second, so a flood of refused calls costs the database one statement a second
 * per node, not one per call, and a limit changed on another node applies within a second. A busy TPP at the default
 * limit (100/s, burst 200, leases of 5) costs about 20 statements a second on each node serving it, each an
 * in-place update of one row.
 *
 * <p>Calls without a customer's authorisation count against the caller's address: an IPv4 address, or the IPv6
 * prefix of {@code kakehashi.rate-limit.ipv6-prefix-length} bits (/64 by default: a host usually holds a whole /64 and
 * could otherwise rotate through it). Their buckets, of any number, are forgotten once idle and full again, found
 * through an index on the refill time.
 *
 * <p>The authorization server's endpoints that authenticate clients (token, PAR, introspection, revocation) count
 * each request against the authenticated client ({@code kakehashi.rate-limit.per-client}, 20/s, burst 40 by default),
 * answered over the limit with {@code 429}, an OAuth error body and {@code Retry-After}: so one client cannot
 * overload the token endpoint, nor fill Spring's node-local DPoP proof cache (1,000 proofs per key a window).
 *
 * <p>This replaced per-node buckets that each granted {@code 1/nodes} of the limit: behind a balancer that does
 * not spread a TPP's calls evenly (sticky connections, a node down), those let a TPP reach far less than its limit
 * or, after a node was added without changing the setting, more.
 *
 * <p>Per-TPP overrides set at run time ({@link jp.kakehashi.tpp.ratelimit.TppRateLimits#override}) are stored in
 * {@code rate_limit_override} and read by every node each second.
 *
 * <p>The limit is counted after authentication (the caller's TPP is only known from its access token), so calls
 * refused with 401 are not counted; each of those costs one hashed-token lookup. The client address of the per-IP
 * limit is the caller's, also behind a load balancer (see {@code jp.kakehashi.runtime.network}).
 */
package jp.kakehashi.tpp.ratelimit;
