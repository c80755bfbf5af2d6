/**
 * Per-TPP rate limits (F4): a token bucket per TPP, and per client IP address for calls without a customer's
 * authorisation (public branches and ATMs), so that one TPP's excessive or faulty traffic cannot overload the bank
 * or slow down the other TPPs. Over the limit a call is answered {@code 429 RATE_LIMIT_EXCEEDED} with
 * {@code Retry-After}, before any endpoint or the core system is touched.
 *
 * <p>Several nodes: each node keeps its own buckets in memory and grants {@code 1/kakehashi.rate-limit.nodes} of
 * every configured rate and burst. Behind a load balancer that spreads a TPP's calls evenly, the cluster as a whole
 * then allows about the configured rate; a skewed balancer lets a TPP reach somewhat less. This was chosen over a
 * shared PostgreSQL counter, which would turn every API call into an update of one hot row per TPP: the limit exists
 * to protect the bank's systems, and a limiter that loads the database on every call works against that.
 *
 * <p>The limit is counted after authentication (the caller's TPP is only known from its access token), so calls
 * refused with 401 are not counted; each of those costs one hashed-token lookup.
 */
package jp.kakehashi.tpp.ratelimit;
