package jp.demofintech.kakeibo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jp.demofintech.kakeibo.bank.BankConnection;
import jp.demofintech.kakeibo.bank.CustomerContext;
import jp.demofintech.kakeibo.bank.PendingAuthorization;

/**
 * What the app keeps for a customer between requests, all of it server-side in the HTTP session: the authorization
 * request on its way through the bank, then the connection with its tokens. The browser holds only the session
 * cookie.
 */
final class CustomerSession {

    private static final String PENDING = CustomerSession.class.getName() + ".pending";
    private static final String CONNECTION = CustomerSession.class.getName() + ".connection";

    private CustomerSession() {
    }

    static void pending(HttpServletRequest request, PendingAuthorization pending) {
        request.getSession(true).setAttribute(PENDING, pending);
    }

    /** Takes the pending request out of the session: an answer of the bank is accepted once. */
    static PendingAuthorization takePending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        var pending = (PendingAuthorization) session.getAttribute(PENDING);
        session.removeAttribute(PENDING);
        return pending;
    }

    static void connected(HttpServletRequest request, BankConnection connection) {
        // a new session id once connected, so an id planted before (session fixation) is worth nothing
        request.changeSessionId();
        request.getSession().setAttribute(CONNECTION, connection);
    }

    static BankConnection connection(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (BankConnection) session.getAttribute(CONNECTION);
    }

    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** The customer in front of the app, for the bank's FAPI headers. */
    static CustomerContext customer(HttpServletRequest request) {
        return new CustomerContext(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
