package dev.pki.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.openssl.PEMParser;

/** PEM text encoding and decoding shared by {@link Keys} and {@link Certs}. */
final class Pem {

    // Always "\n", never the platform separator: files written on the controller land on Linux targets.
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {}

    /** Encodes DER bytes as one PEM block, ending in a newline. */
    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + BASE64.encodeToString(der) + "\n"
                + "-----END " + type + "-----\n";
    }

    /**
     * Parses every PEM block in the text into BouncyCastle's objects (certificate holders, key
     * infos, ...), in order. Text outside blocks is ignored, as openssl does.
     *
     * @param errorMessage the message of the CryptoException thrown for malformed input
     */
    static List<Object> readAll(String pem, String errorMessage) {
        if (pem == null) {
            throw new CryptoException(errorMessage);
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            // BC signals bad base64 / bad DER with runtime exceptions as well as IOExceptions.
            throw new CryptoException(errorMessage, e);
        }
        return objects;
    }
}
