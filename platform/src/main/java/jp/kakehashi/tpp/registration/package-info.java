/** Dynamic client registration (RFC 7591) for approved TPPs, with a bank-issued initial access token. */
package jp.kakehashi.tpp.registration;
