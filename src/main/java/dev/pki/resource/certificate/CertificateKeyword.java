package dev.pki.resource.certificate;

import dev.pki.dsl.Declaration;
import dev.pki.dsl.Keyword;
import dev.pki.model.Address;
import dev.pki.resource.Ownership;

import java.time.Duration;
import java.util.List;

/** {@code certificate('nginx.internal') { issuer ca('lab'); cert '...'; key '...' }}. */
public final class CertificateKeyword implements Keyword {

    @Override
    public String name() {
        return "certificate";
    }

    @Override
    public Object declare(Declaration d) {
        var name = d.name();
        CertificateBlock b = d.run(new CertificateBlock(d.context()));
        var ctx = d.context();
        String label = "certificate '" + name.orElse("") + "'";
        if (b.issuer == null) ctx.error(d.location(), label + " needs an issuer: issuer ca('name')");
        if (b.cert == null) ctx.error(d.location(), label + " needs a cert path: cert '/path/to/cert.crt'");
        if (b.key == null) ctx.error(d.location(), label + " needs a key path: key '/path/to/key.key'");
        Duration renewBefore = b.renewBefore == null ? b.validity.third() : b.renewBefore.toDuration();
        if (renewBefore.compareTo(b.validity.toDuration()) >= 0) {
            ctx.error(d.location(), label + ": renewBefore " + b.renewBefore + " is not shorter than validity " + b.validity
                    + "; it would be renewed on every run");
        }
        if (name.isEmpty() || b.issuer == null || b.cert == null || b.key == null) return null;
        String cn = b.commonName != null ? b.commonName : name.get();
        List<String> sans = b.sans.isEmpty() ? List.of(cn) : List.copyOf(b.sans);
        d.add(new CertificateResource(new Address("certificate", name.get()), d.location(), new CertificateSpec(
                name.get(), b.issuer, cn, sans, b.usages, b.keyType, b.validity, renewBefore, b.cert, b.key, b.chain, b.fullchain,
                new Ownership(b.owner, b.group, b.mode), b.onRenew)));
        return null;
    }
}
