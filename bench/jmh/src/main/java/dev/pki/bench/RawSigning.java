package dev.pki.bench;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Raw BouncyCastle, no pki code: the limit for B4. A leaf like pki's (EC P-256, three SANs,
 * basicConstraints, keyUsage, EKU serverAuth, SKI, AKI, 128-bit random serial) signed with
 * SHA256withECDSA by an EC P-256 issuer.
 *
 * <ul>
 *   <li>{@code signLeaf}: build and sign one certificate for a pre-generated key (signing alone);</li>
 *   <li>{@code keygenSignPem}: generate the leaf's key, sign, PEM-encode key and certificate —
 *       everything one issued certificate needs in-process, without any I/O.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RawSigning {

    static final String BC = BouncyCastleProvider.PROVIDER_NAME;
    final SecureRandom random = new SecureRandom();
    KeyPairGenerator generator;
    KeyPair issuer;
    X500Name issuerName;
    byte[] issuerSki;
    KeyPair subject;
    int counter;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (Security.getProvider(BC) == null) Security.addProvider(new BouncyCastleProvider());
        generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        issuer = generator.generateKeyPair();
        issuerName = new X500Name("CN=Bench Intermediate CA");
        issuerSki = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(issuer.getPublic()).getKeyIdentifier();
        subject = generator.generateKeyPair();
    }

    X509CertificateHolder sign(KeyPair leaf) throws Exception {
        int i = ++counter;
        long now = System.currentTimeMillis();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(128, random).add(BigInteger.ONE),
                new Date(now - 60_000), new Date(now + 90L * 86_400_000), new X500Name("CN=svc" + i + ".internal"),
                leaf.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "svc" + i + ".internal"),
                new GeneralName(GeneralName.dNSName, "svc" + i),
                new GeneralName(GeneralName.iPAddress, "10.1.2." + (i % 250 + 1))}));
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(leaf.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerSki));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).setSecureRandom(random)
                .build(issuer.getPrivate());
        return b.build(signer);
    }

    @Benchmark
    public X509CertificateHolder signLeaf() throws Exception {
        return sign(subject);
    }

    @Benchmark
    public String keygenSignPem() throws Exception {
        KeyPair leaf = generator.generateKeyPair();
        X509CertificateHolder cert = sign(leaf);
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(leaf.getPrivate());
            pem.writeObject(cert);
        }
        return out.toString();
    }
}
