package jp.kakehashi.runtime;

import java.io.PrintWriter;
import jp.kakehashi.shared.ContentSecurityPolicy;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's error report for what it refuses before the application sees the request (a request line with characters
 * RFC 9112 §3.2 does not allow, such as {@code []}; headers past {@code max-http-request-header-size}; a path that does
 * not decode), written in the platform's words ({@link ErrorArea}) instead of Tomcat's HTML page: the API's error JSON
 * under {@code /v1}, an OAuth error on the machine endpoints, a plain page of the bank elsewhere. Spring's filters
 * never ran for these requests, so the security headers the screens get from Spring Security are set here, the
 * Content-Security-Policy included. Nothing of the request is echoed.
 */
class PlatformErrorReportValve extends ErrorReportValve {

    private final String bankName;

    PlatformErrorReportValve(String bankName) {
        this.bankName = HtmlUtils.htmlEscape(bankName);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String path = request.getCoyoteRequest().requestURI().toString();
        ErrorArea area = ErrorArea.of(path);
        String json = area.json(request, status, null);
        try {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.POLICY);
            response.setContentType(json != null ? "application/json" : "text/html");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json != null ? json : page(status));
                response.finishResponse();
            }
        }
        catch (Exception cannotAnswer) {
            // the connection is going away: nothing more can be said on it
        }
    }

    /** The bank's error page in its plainest form: no template engine runs outside the application. */
    private String page(int status) {
        return """
                <!DOCTYPE html>
                <html lang="ja">
                <head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>エラー | %1$s</title><link rel="stylesheet" href="/css/bank.css"></head>
                <body>
                <header class="bank-header"><div class="bank-brand"><span class="bank-mark" aria-hidden="true">架</span>
                <span class="bank-name">%1$s</span></div></header>
                <main class="card narrow"><h1>エラー</h1>
                <p class="lead">このページを表示できませんでした。お手数ですが、ご利用中のサービスの画面からやり直してください。</p>
                <p class="note">HTTP ステータス: <code>%2$d</code></p></main>
                </body>
                </html>
                """.formatted(bankName, status);
    }
}
