package dev.pki.resource.ca;

import dev.pki.model.TargetPath;
import dev.pki.crypto.CertView;
import dev.pki.crypto.Certs;
import dev.pki.crypto.CryptoException;
import dev.pki.crypto.DistinguishedNames;
import dev.pki.crypto.IssuingCa;
import dev.pki.crypto.Keys;
import dev.pki.crypto.Signer;
import dev.pki.crypto.WrongPassphraseException;
import dev.pki.diag.PkiException;
import dev.pki.diag.SourceLocation;
import dev.pki.facts.Fact;
import dev.pki.facts.FactSet;
import dev.pki.facts.PathState;
import dev.pki.model.Address;
import dev.pki.model.Mode;
import dev.pki.model.Sensitive;
import dev.pki.plan.Action;
import dev.pki.plan.AttributeChange;
import dev.pki.plan.Change;
import dev.pki.resource.ApplyContext;
import dev.pki.resource.Outputs;
import dev.pki.resource.Ownership;
import dev.pki.resource.PlanContext;
import dev.pki.resource.Resource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A two-tier CA in a directory: {@code root_ca.crt}, {@code root_ca.key}, {@code intermediate_ca.crt},
 * {@code intermediate_ca.key} (keys PKCS#8-encrypted, mode 0600). Created once; a CA that exists is
 * never re-created: settings that differ from it are an error the user must resolve.
 */
record CaResource(Address address, SourceLocation location, CaSpec spec) implements Resource {

    static final Ownership DIR = new Ownership("", "", new Mode("0700"));
    static final Ownership KEY = new Ownership("", "", new Mode("0600"));
    static final Ownership CERT = new Ownership("", "", new Mode("0644"));
    /** Certificates are back-dated for clock skew between hosts. */
    static final Duration BACKDATE = Duration.ofMinutes(1);

    @Override
    public Set<Fact> facts() {
        Set<Fact> facts = new LinkedHashSet<>(List.of(Fact.path(spec.dir()), Fact.content(spec.rootCert()), Fact.content(spec.rootKey()),
                Fact.content(spec.intermediateCert()), Fact.content(spec.intermediateKey())));
        if (spec.passphraseFile() != null) {
            facts.add(Fact.content(spec.passphraseFile()));
            String parent = TargetPath.parent(spec.passphraseFile());
            if (parent != null) facts.add(Fact.path(parent));
        }
        return facts;
    }

    @Override
    public Set<String> provides() {
        return Set.of(CaSpec.handleKey(spec.name()), "path:" + spec.dir());
    }

    @Override
    public Change plan(FactSet facts, PlanContext context) {
        List<String> files = List.of(spec.rootCert(), spec.rootKey(), spec.intermediateCert(), spec.intermediateKey());
        List<String> missing = files.stream().filter(f -> !context.path(facts, f).isFile()).toList();
        if (missing.size() == files.size()) return planCreate(facts, context);
        if (!missing.isEmpty()) {
            throw new PkiException(location, "ca '" + spec.name() + "' in " + spec.dir() + " on " + context.host() + " is incomplete: missing "
                    + String.join(", ", missing.stream().map(TargetPath::fileName).toList())
                    + ". pki never re-creates part of a CA: restore the files from a backup, or move " + spec.dir() + " away to create a new CA.");
        }
        requireKeys(facts, context);
        CaHandle handle = load(facts, context);
        publish(context.outputs(), handle);
        List<AttributeChange> modes = new ArrayList<>();
        for (String key : List.of(spec.rootKey(), spec.intermediateKey())) {
            modes.addAll(KEY.differences(TargetPath.fileName(key) + " ", context.path(facts, key)));
        }
        if (spec.passphraseFile() != null) modes.addAll(KEY.differences("passphrase file ", context.path(facts, spec.passphraseFile())));
        return modes.isEmpty() ? Change.noop() : Change.of(Action.UPDATE, Ownership.describe(modes), modes);
    }

    /**
     * Each CA key file holds a private key (it is not decrypted for that): a damaged key (an empty
     * file after a crash, say) stops every plan, not only the first that must sign. A key the
     * connecting user cannot read is left to the plan that needs it.
     */
    private void requireKeys(FactSet facts, PlanContext context) {
        for (String key : List.of(spec.rootKey(), spec.intermediateKey())) {
            byte[] content = context.path(facts, key).content();
            if (content == null || Keys.holdsPrivateKey(new String(content, StandardCharsets.UTF_8))) continue;
            throw new PkiException(location, "ca '" + spec.name() + "': " + key + " on " + context.host() + " holds no private key ("
                    + (content.length == 0 ? "the file is empty" : content.length + " bytes, not a PEM private key")
                    + "). pki never re-creates a CA: restore the file from a backup, or move " + spec.dir() + " away to create a new CA.");
        }
    }

    private Change planCreate(FactSet facts, PlanContext context) {
        String passphrase = spec.passphraseEnv() != null ? "from $" + spec.passphraseEnv()
                : context.path(facts, spec.passphraseFile()).isFile() ? "from " + spec.passphraseFile() : "generated into " + spec.passphraseFile();
        if (spec.passphraseEnv() != null && System.getenv(spec.passphraseEnv()) == null) {
            throw new PkiException(location, "ca '" + spec.name() + "': environment variable " + spec.passphraseEnv() + " (passphraseEnv) is not set");
        }
        context.outputs().put(CaSpec.handleKey(spec.name()), Outputs.UNKNOWN);
        context.outputs().put(CaSpec.rootKey(spec.name()), Outputs.UNKNOWN);
        context.outputs().put(CaSpec.intermediateKey(spec.name()), Outputs.UNKNOWN);
        context.simulate(spec.dir(), PathState.directory("0700", "", ""));
        List<AttributeChange> attrs = List.of(
                AttributeChange.set("dir", spec.dir()),
                AttributeChange.set("root", describe(spec.root())),
                AttributeChange.set("intermediate", describe(spec.intermediate())),
                new AttributeChange("keys", null, Sensitive.MARKER + " encrypted, mode 0600", true),
                new AttributeChange("passphrase", null, Sensitive.MARKER + " " + passphrase, true));
        return Change.of(Action.CREATE, "does not exist", attrs);
    }

    private static String describe(Tier tier) {
        return tier.subject() + ", " + tier.keyType().id() + ", " + tier.validity();
    }

    /**
     * Parses the existing CA and checks it still matches the playbook. Its signing key is decrypted
     * only when a step asks the handle for the signer (see {@link CaHandle}).
     */
    private CaHandle load(FactSet facts, PlanContext context) {
        X509Certificate root = parse(facts, context, spec.rootCert());
        X509Certificate intermediate = parse(facts, context, spec.intermediateCert());
        List<String> differences = new ArrayList<>();
        compare("root", spec.root(), CertView.of(root), differences);
        compare("intermediate", spec.intermediate(), CertView.of(intermediate), differences);
        if (!differences.isEmpty()) {
            throw new PkiException(location, "ca '" + spec.name() + "' on " + context.host() + " exists with other settings than the playbook's: "
                    + String.join("; ", differences) + ". pki never re-creates a CA: change the playbook back, or move "
                    + spec.dir() + " away to create a new CA.");
        }
        char[] passphrase = passphrase(facts, context);
        String keyPem = context.path(facts, spec.intermediateKey()).text().orElse("");
        String host = context.host();
        return CaHandle.locked(spec.name(), host, root, intermediate,
                () -> OpenedKeys.open(keyPem, passphrase, intermediate, () -> unlock(keyPem, passphrase, intermediate, host)),
                () -> OpenedKeys.openedBefore(keyPem, passphrase, intermediate));
    }

    /** Decrypts the intermediate's key and checks it is the certificate's pair; every failure names the CA and the file. */
    private IssuingCa unlock(String keyPem, char[] passphrase, X509Certificate intermediate, String host) {
        PrivateKey key;
        try {
            key = Keys.fromPem(keyPem, passphrase);
        } catch (WrongPassphraseException e) {
            throw new PkiException(location, "wrong passphrase for ca '" + spec.name() + "' ("
                    + (spec.passphraseEnv() != null ? "$" + spec.passphraseEnv() : spec.passphraseFile() + " on " + host)
                    + "): cannot decrypt " + spec.intermediateKey());
        } catch (CryptoException e) {
            throw new PkiException(location, "ca '" + spec.name() + "': cannot read " + spec.intermediateKey() + " on " + host + ": " + e.getMessage());
        }
        try {
            return IssuingCa.of(intermediate, key);
        } catch (CryptoException e) {
            throw new PkiException(location, "ca '" + spec.name() + "': " + spec.intermediateKey() + " does not match " + spec.intermediateCert());
        }
    }

    private void compare(String which, Tier wanted, CertView actual, List<String> differences) {
        if (!DistinguishedNames.normalize(wanted.subject()).equals(DistinguishedNames.normalize(actual.subject()))) {
            differences.add(which + " subject is '" + actual.subject() + "', the playbook says '" + wanted.subject() + "'");
        }
        if (wanted.keyType() != actual.keyType()) {
            differences.add(which + " key type is " + actual.keyType().id() + ", the playbook says " + wanted.keyType().id());
        }
        Instant start = actual.notBefore().plus(BACKDATE);
        Instant expected = wanted.validity().addTo(start);
        if (Duration.between(expected, actual.notAfter()).abs().compareTo(Duration.ofMinutes(2)) > 0) {
            differences.add(which + " validity ends " + actual.notAfter() + ", the playbook's validity " + wanted.validity() + " would end " + expected);
        }
    }

    private X509Certificate parse(FactSet facts, PlanContext context, String path) {
        try {
            return Certs.fromPem(context.path(facts, path).text().orElse(""));
        } catch (CryptoException e) {
            throw new PkiException(location, "ca '" + spec.name() + "': cannot read " + path + " on " + context.host() + ": " + e.getMessage());
        }
    }

    private char[] passphrase(FactSet facts, PlanContext context) {
        if (spec.passphraseEnv() != null) {
            String value = System.getenv(spec.passphraseEnv());
            if (value == null) throw new PkiException(location, "ca '" + spec.name() + "': environment variable " + spec.passphraseEnv() + " is not set");
            return value.toCharArray();
        }
        PathState file = context.path(facts, spec.passphraseFile());
        if (!file.isFile()) {
            throw new PkiException(location, "ca '" + spec.name() + "': passphrase file " + spec.passphraseFile() + " is missing on " + context.host()
                    + " but the CA's keys exist; restore it from a backup");
        }
        return file.text().orElse("").strip().toCharArray();
    }

    private static void publish(Outputs outputs, CaHandle handle) {
        outputs.put(CaSpec.handleKey(handle.name()), handle);
        outputs.put(CaSpec.rootKey(handle.name()), handle.rootPem());
        outputs.put(CaSpec.intermediateKey(handle.name()), handle.intermediatePem());
    }

    @Override
    public void apply(FactSet facts, Change change, ApplyContext context) {
        if (change.action() == Action.UPDATE) {
            for (String key : List.of(spec.rootKey(), spec.intermediateKey())) context.remote().setAttributes(key, KEY.attrs());
            if (spec.passphraseFile() != null) context.remote().setAttributes(spec.passphraseFile(), KEY.attrs());
            return;
        }
        char[] passphrase = createPassphrase(facts, context);
        Instant now = context.now();
        Instant notBefore = now.minus(BACKDATE);
        KeyPair rootKeys = Keys.generate(spec.root().keyType());
        X509Certificate root = Signer.selfSignedRoot(spec.root().subject(), rootKeys, notBefore,
                spec.root().validity().addTo(now), spec.root().pathLen());
        KeyPair intermediateKeys = Keys.generate(spec.intermediate().keyType());
        X509Certificate intermediate = Signer.intermediate(spec.intermediate().subject(), intermediateKeys.getPublic(), root,
                rootKeys.getPrivate(), notBefore, spec.intermediate().validity().addTo(now), spec.intermediate().pathLen());
        var remote = context.remote();
        remote.mkdirDurable(spec.dir(), DIR.attrs());
        // Each encryption derives its key with 100,000 rounds of PBKDF2: the two run on both cores.
        CompletableFuture<String> rootKeyPem = CompletableFuture.supplyAsync(() -> Keys.toEncryptedPem(rootKeys.getPrivate(), passphrase));
        String intermediateKeyPem = Keys.toEncryptedPem(intermediateKeys.getPrivate(), passphrase);
        // Durable: a CA cannot be made again (every certificate it signed names it), so a crash
        // right after this step must not leave an empty key behind.
        remote.writeDurable(spec.rootKey(), utf8(join(rootKeyPem)), KEY.attrs());
        remote.writeDurable(spec.intermediateKey(), utf8(intermediateKeyPem), KEY.attrs());
        remote.writeDurable(spec.rootCert(), utf8(Certs.toPem(root)), CERT.attrs());
        remote.writeDurable(spec.intermediateCert(), utf8(Certs.toPem(intermediate)), CERT.attrs());
        IssuingCa signer = IssuingCa.of(intermediate, intermediateKeys.getPrivate());
        OpenedKeys.remember(intermediateKeyPem, passphrase, signer.cert(), signer); // its verification reads it back
        publish(context.outputs(), CaHandle.unlocked(spec.name(), context.host(), root, signer));
    }

    /** The passphrase for a new CA: from the environment, an existing file, or generated into the file (0600, in a 0700 directory). */
    private char[] createPassphrase(FactSet facts, ApplyContext context) {
        if (spec.passphraseEnv() != null || context.path(facts, spec.passphraseFile()).isFile()) return passphrase(facts, context);
        String generated = Keys.newPassphrase();
        String parent = TargetPath.parent(spec.passphraseFile());
        if (parent != null && !context.path(facts, parent).isDirectory()) context.remote().mkdirDurable(parent, DIR.attrs());
        context.remote().writeDurable(spec.passphraseFile(), utf8(generated + "\n"), KEY.attrs());
        return generated.toCharArray();
    }

    private static String join(CompletableFuture<String> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
