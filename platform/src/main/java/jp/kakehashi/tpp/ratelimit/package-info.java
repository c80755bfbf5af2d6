/**
 * Per-TPP rate limits (F4): a token bucket per TPP, and per client IP address for calls without a customer's
 * authorisation (public branches and ATMs), so that one TPP's excessive or faulty traffic cannot overload the bank
 * or slow down the other TPPs. Over the limit a call is answered {@code 429 RATE_LIMIT_EXCEEDED} with
 * {@code Retry-After}, before any endpoint or the core system is touched.
 *
 * <p>Several nodes: the limits are the cluster's. Each bucket lives once, in PostgreSQL ({@code rate_bucket}), and
 * a node does not update it per call: it takes a small lease of tokens in one statement ({@link
 * jp.kakehashi.tpp.ratelimit.RateLimit#leaseSize()}: at most a tenth of the burst and a twentieth of the rate, at
 * least one) and spends them itself for at most a second; what it has not spent by then is dropped, never given back.
 * Every call the cluster accepts is a token taken from the one bucket, so over any time T the cluster accepts at most
 * burst + rate × (T + 1 s) calls of a TPP (the second: a lease taken just before T may be spent in it), and from a
 * full bucket at most burst + rate × T. A TPP is refused at most one lease early on a node whose share ran out while
 * another node still holds unspent tokens. When the bucket is empty, the node refuses locally until it will hold a
 * token again, so a flood of refused calls costs the database one statement per refill, not one per call. A busy
 * TPP at the default limit (100/s, burst 200, leases of 5) costs about 20 statements a second on each node serving
 * it, each an in-place update of one row.
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
