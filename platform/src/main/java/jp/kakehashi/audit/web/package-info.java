/**
 * Where the execution log meets HTTP: the servlet filter that records every {@code /v1} call.
 */
@org.jspecify.annotations.NullMarked
package jp.kakehashi.audit.web;
