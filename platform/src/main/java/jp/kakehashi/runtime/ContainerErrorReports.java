package jp.kakehashi.runtime;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link PlatformErrorReportValve} in the place of Tomcat's error report valve on the host (B11): Spring Boot
 * adds a plain {@link ErrorReportValve} there (without stack traces), which would still answer with Tomcat's HTML
 * page. Runs after Boot's own customizer, so its valve is the one replaced.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String bankName;

    ContainerErrorReports(@Value("${kakehashi.bank.name:架け橋銀行}") String bankName) {
        this.bankName = bankName;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new PlatformErrorReportValve(bankName));
            // the host adds a valve of this class at start only if none is there: ours is
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(PlatformErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
