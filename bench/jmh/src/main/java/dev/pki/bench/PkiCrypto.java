package dev.pki.bench;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.pki.crypto.Certs;
import dev.pki.crypto.KeyType;
import dev.pki.crypto.IssuingCa;
import dev.pki.crypto.Keys;
import dev.pki.crypto.LeafRequest;
import dev.pki.crypto.Signer;
import dev.pki.crypto.Usage;
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
 * pki's own in-process path for one leaf (dev.pki.crypto): {@code Keys.generate}, {@code Signer.leaf}
 * with an {@code IssuingCa} (its key checked against its certificate once, when it is made),
 * {@code Keys.toPem}, {@code Certs.toPem}. Compared with {@link RawSigning} it shows what pki's
 * crypto layer adds on top of BouncyCastle.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PkiCrypto {

    IssuingCa issuer;
    KeyPair subject;
    int counter;

    @Setup(Level.Trial)
    public void setUp() {
        Instant now = Instant.now();
        KeyPair root = Keys.generate(KeyType.EC_P256);
        X509Certificate rootCert = Signer.selfSignedRoot("CN=Bench Root CA", root, now, now.plus(3650, ChronoUnit.DAYS), 1);
        KeyPair issuerKeys = Keys.generate(KeyType.EC_P256);
        issuer = IssuingCa.of(Signer.intermediate("CN=Bench Intermediate CA", issuerKeys.getPublic(), rootCert, root.getPrivate(),
                now, now.plus(1825, ChronoUnit.DAYS), 0), issuerKeys.getPrivate());
        subject = Keys.generate(KeyType.EC_P256);
    }

    LeafRequest request(KeyPair leaf) {
        int i = ++counter;
        Instant now = Instant.now();
        return new LeafRequest("svc" + i + ".internal", List.of("svc" + i + ".internal", "svc" + i, "10.1.2." + (i % 250 + 1)),
                Set.of(Usage.SERVER), leaf.getPublic(), now.minusSeconds(60), now.plus(90, ChronoUnit.DAYS));
    }

    @Benchmark
    public X509Certificate signLeaf() {
        return Signer.leaf(request(subject), issuer);
    }

    @Benchmark
    public String keygenSignPem() {
        KeyPair leaf = Keys.generate(KeyType.EC_P256);
        X509Certificate cert = Signer.leaf(request(leaf), issuer);
        return Keys.toPem(leaf.getPrivate()) + Certs.toPem(cert);
    }
}
