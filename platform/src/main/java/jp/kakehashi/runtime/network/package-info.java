/**
 * The platform behind the bank's load balancers: who the client of a request is, when only the bank's own proxies
 * may say so ({@code kakehashi.network.*}).
 */
package jp.kakehashi.runtime.network;
