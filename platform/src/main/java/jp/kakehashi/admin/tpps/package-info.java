/**
 * The console's TPP screens (A6, C5): the registry's list and one TPP's page (company, application, status history,
 * clients, usable scopes), activation by an operator, and restrict / suspend / resume / revoke as maker-checker
 * requests executed by {@code tpp.TppLifecycle} once a second person approves.
 */
package jp.kakehashi.admin.tpps;
