package jp.kakehashi.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import jp.kakehashi.authorization.customer.CustomerCredentials;
import jp.kakehashi.notification.mail.CustomerContacts;
import jp.kakehashi.tpp.RegistrationTokens;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the sandbox at start (idempotent): the customers documented in the README and a demo TPP, 株式会社デモフィンテック
 * with its 家計簿 app. The TPP's private key is created once and kept in the data folder, where the demo FinTech app
 * reads it; only the public key is registered with the bank, as with a real TPP.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Kakehashi#2026";
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    static final String DEMO_TPP = "tpp-demo-fintech";
    static final String DEMO_CLIENT = "demo-kakeibo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CustomerCredentials customers;
    private final CustomerContacts contacts;
    private final Tpps tpps;
    private final PasswordEncoder passwords;
    private final Path keyFile;
    private final String redirectUri;
    private final RegistrationTokens registrationTokens;

    DemoData(CustomerCredentials customers, CustomerContacts contacts, Tpps tpps, PasswordEncoder passwords, RegistrationTokens registrationTokens,
            @Value("${kakehashi.demo.tpp-key-file:data/demo-tpp/private-jwks.json}") Path keyFile,
            @Value("${kakehashi.demo.redirect-uri:https://localhost:8444/callback}") String redirectUri) {
        this.registrationTokens = registrationTokens;
        this.customers = customers;
        this.contacts = contacts;
        this.tpps = tpps;
        this.passwords = passwords;
        this.keyFile = keyFile;
        this.redirectUri = redirectUri;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        String hash = passwords.encode(DEMO_PASSWORD);
        customers.upsert("C0001", "yamada", "山田 太郎", "INDIVIDUAL", hash, DEMO_TOTP_SECRET);
        customers.upsert("C0002", "sato", "佐藤 花子", "INDIVIDUAL", hash, DEMO_TOTP_SECRET);
        customers.upsert("C0003", "kakehashi-shoji", "株式会社架け橋商事", "CORPORATE", hash, DEMO_TOTP_SECRET);
        // where transfer notices go (B10); example.jp never receives mail, a bank's test mail server catches it
        contacts.register("C0001", "yamada.taro@example.jp", java.util.Locale.JAPANESE);
        contacts.register("C0002", "sato.hanako@example.jp", java.util.Locale.JAPANESE);
        contacts.register("C0003", "keiri@kakehashi-shoji.example.jp", java.util.Locale.JAPANESE);
        if (tpps.find(DEMO_TPP).isEmpty()) {
            tpps.register(new Tpp(DEMO_TPP, "株式会社デモフィンテック", "Demo FinTech K.K.", "かけいぼ Plus",
                    "Kakeibo Plus", "代表取締役 鈴木 一郎", "東京都千代田区丸の内1-1-1", "03-0000-0000",
                    "support@demo-fintech.example", "https://demo-fintech.example/support", "関東財務局長（電代）第00001号",
                    TppStatus.ACTIVE, Set.of("accounts", "balances", "transactions", "transfers")));
            tpps.registerClient(new TppClient(DEMO_CLIENT, DEMO_TPP, "かけいぼ Plus (web)", List.of(redirectUri),
                    publicKeys(), null, TppClient.AuthMethod.PRIVATE_KEY_JWT, null,
                    TppClient.SenderConstraint.DPOP));
            log.info("Demo TPP {} registered; its private key is in {}", DEMO_TPP, keyFile.toAbsolutePath());
        }
        issueRegistrationToken();
    }

    /**
     * A fresh initial access token for the demo TPP at every start, so dynamic client registration (RFC 7591) can be
     * tried at once; the bank's staff console issues them in production. It is written next to the TPP's key, as
     * the bank would hand it to the TPP out of band, and never logged.
     */
    private void issueRegistrationToken() throws IOException {
        Path tokenFile = keyFile.toAbsolutePath().resolveSibling("registration-token.txt");
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, registrationTokens.issue(DEMO_TPP, Duration.ofDays(1)) + System.lineSeparator());
        log.info("An initial access token for dynamic client registration of {} is in {}", DEMO_TPP, tokenFile);
    }

    private String publicKeys() throws IOException, JOSEException, ParseException {
        JWKSet privateKeys;
        if (Files.exists(keyFile)) {
            privateKeys = JWKSet.parse(Files.readString(keyFile));
        }
        else {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID("demo-kakeibo-1").generate();
            privateKeys = new JWKSet(key);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, privateKeys.toString(false));
        }
        return privateKeys.toPublicJWKSet().toString();
    }
}
