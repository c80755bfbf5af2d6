package jp.kakehashi.notification.mail;

/**
 * Jakarta Mail looks its {@code StreamProvider} up through {@link java.util.ServiceLoader} for every message unless
 * a system property names the class; the benchmark put that scan of the class path at a tenth of the platform's CPU
 * per transfer with notices on (B10). Naming Angus Mail's provider skips the scan. Only done when the system class
 * loader can load it (Jakarta Mail instantiates the named class through that loader) and nobody set the property.
 */
final class MailStreamProviderLookup {

    private static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProviderLookup() {
    }

    static void nameTheProvider() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, ClassLoader.getSystemClassLoader());
            System.setProperty(PROPERTY, ANGUS);
        } catch (ClassNotFoundException notOnTheSystemClassPath) {
            // e.g. inside a Spring Boot fat jar: Jakarta Mail keeps its own lookup
        }
    }
}
