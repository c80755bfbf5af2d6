package jp.kakehashi.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.assessment.AssessmentProperties;
import jp.kakehashi.tpp.assessment.AssessmentRecord;
import jp.kakehashi.tpp.assessment.Assessments;
import jp.kakehashi.tpp.chain.ChainHandling;
import jp.kakehashi.tpp.chain.ChainedParties;
import jp.kakehashi.tpp.monitoring.CompensationCapacities;
import jp.kakehashi.tpp.monitoring.CompensationCapacity;
import jp.kakehashi.tpp.monitoring.MonitoringAgreement;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;

/**
 * The sandbox's oversight data for the demo TPP (A4, A5, A7, E5, F2), so the console's oversight pages have something
 * to show: a monitoring agreement whose review is overdue, an overdue improvement request, insurance that ends soon,
 * chained parties (reads by approval, payments by direct contract only), and assessments — one signed by a demo peer
 * bank, みなと銀行（デモ）, whose key is kept in the data folder and trusted in the sandbox only, and one issued by
 * this bank. Seeded once, after the demo TPP exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoOversight {

    static final String PEER_BANK_ISSUER = "https://minato-bank.demo.example";
    private static final String TPP = DemoData.DEMO_TPP;

    private final Path peerKeyFile;

    DemoOversight(@Value("${kakehashi.demo.tpp-key-file:data/demo-tpp/private-jwks.json}") Path tppKeyFile) {
        this.peerKeyFile = tppKeyFile.toAbsolutePath().getParent().resolveSibling("demo-peer-bank")
                .resolve("private-jwks.json");
    }

    /** The demo peer bank, trusted in the sandbox like a bank configured in kakehashi.assessments.trusted-banks. */
    @Bean
    AssessmentProperties.TrustedBank demoPeerBank() throws IOException, JOSEException, ParseException {
        return new AssessmentProperties.TrustedBank("みなと銀行（デモ）", PEER_BANK_ISSUER, null,
                new JWKSet(peerKey().toPublicJWK()).toString());
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed(ApplicationReadyEvent ready) throws Exception {
        var context = ready.getApplicationContext();
        TppMonitoring monitoring = context.getBean(TppMonitoring.class);
        if (context.getBean(Tpps.class).find(TPP).isEmpty() || monitoring.agreement(TPP).isPresent()) {
            return;
        }
        var today = monitoring.today();
        monitoring.agree(new MonitoringAgreement(TPP, "書面による報告とヒアリング", MonitoringAgreement.Depth.STANDARD, 6,
                "年1回（決済サービス開始前に1回）", "経営・システム・業務の重要な変更は1か月前までに届出", "セキュリティ自己点検表、インシデント一覧、脆弱性診断結果",
                today.minusMonths(7), "staff-operator", null));
        monitoring.requestImprovement(TPP, null, "アクセスログの保存期間（6か月）を1年以上に延ばすこと", today.minusDays(3),
                "staff-reviewer");
        context.getBean(CompensationCapacities.class).record(TPP, CompensationCapacity.Kind.INSURANCE,
                "架空損害保険株式会社", "CY-2026-0001", 100_000_000L, today.plusDays(45), "staff-operator",
                today.minusMonths(10), "サイバー保険（不正送金補償特約）");
        ChainedParties chains = context.getBean(ChainedParties.class);
        chains.choose(TPP, ApiClass.READ, ChainHandling.APPROVAL, null, "staff-operator");
        chains.choose(TPP, ApiClass.PAYMENT, ChainHandling.DIRECT_CONTRACT, null, "staff-operator");
        chains.register(TPP, "kakeibo-partner", "株式会社家計簿パートナー", "1010001000001", Set.of(ApiClass.READ),
                "staff-operator");
        chains.approve(TPP, "kakeibo-partner", "staff-approver");
        chains.register(TPP, "pending-partner", "株式会社審査待ち", null, Set.of(ApiClass.READ), "staff-operator");
        Assessments assessments = context.getBean(Assessments.class);
        assessments.importRecord(TPP, peerRecord(today.minusMonths(2)), "staff-reviewer");
        assessments.export(TPP, AssessmentRecord.Kind.SCREENING, today.minusMonths(8),
                AssessmentRecord.Outcome.PASSED, "共通チェックリスト全項目に適合。ISO/IEC 27001 認証を確認。", "staff-approver");
    }

    private String peerRecord(java.time.LocalDate assessedOn) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(PEER_BANK_ISSUER).jwtID("minato-demo-1")
                .issueTime(new Date()).claim("kind", "monitoring").claim("assessed_on", assessedOn.toString())
                .claim("outcome", "passed_with_conditions")
                .claim("summary", "定期モニタリング。ログ保存期間について改善要請1件（回答待ち）。")
                .claim("tpp", Map.of("name", "株式会社デモフィンテック", "registration_number", "関東財務局長（電代）第00001号"))
                .build();
        ECKey key = peerKey();
        var jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    private ECKey peerKey() throws IOException, JOSEException, ParseException {
        if (Files.exists(peerKeyFile)) {
            return (ECKey) JWKSet.parse(Files.readString(peerKeyFile)).getKeys().getFirst();
        }
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("minato-demo-1").generate();
        Files.createDirectories(peerKeyFile.getParent());
        Files.writeString(peerKeyFile, new JWKSet(key).toString(false));
        return key;
    }
}
