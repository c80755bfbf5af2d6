/**
 * Mail to customers (B10, C6, E1, E2): the customer's contact address and language ({@link
 * jp.kakehashi.notification.mail.CustomerContacts}), transfer notices after every status a customer must hear of, and
 * the bank's warning about an incident of a TPP the customer connected ({@link
 * jp.kakehashi.notification.mail.CustomerWarnings}), each warning recorded with its outcome. Mail is sent without a
 * transaction open, so no database connection waits on the mail server.
 * <p>
 * A named interface: the incident desk shows the warnings, the demo registers its customers' contacts.
 */
@org.springframework.modulith.NamedInterface("mail")
package jp.kakehashi.notification.mail;
