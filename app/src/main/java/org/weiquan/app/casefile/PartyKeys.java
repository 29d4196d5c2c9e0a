package org.weiquan.app.casefile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keys that recognise the same person or employer across cases without storing the ID number
 * again: a keyed hash (HMAC-SHA256) of the ID number. ID numbers have little entropy, so a plain
 * hash could be reversed by trying them all; without the key it cannot. The key comes from
 * {@code weiquan.personal-data.key} (Base64) or, on the embedded default, from a file created once
 * in the data directory.
 */
@Component
public class PartyKeys {
    private final byte[] key;

    public PartyKeys(@Value("${weiquan.personal-data.key:}") String configuredKey,
                     @Value("${weiquan.data-dir:./data}") String dataDir) {
        this.key = configuredKey.isBlank() ? keyFile(Path.of(dataDir, "personal-data.key")) : Base64.getDecoder().decode(configuredKey);
        if (key.length < 32) throw new IllegalStateException("the personal-data key must have at least 256 bits");
    }

    /** The stable key of a worker, from the ID number. */
    public String person(String idNumber) {
        return "person:" + hmac(idNumber.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * A stable pseudonym for analysts: the same value always gives the same pseudonym, and without
     * the key nobody can tell whose it is. {@code kind} keeps pseudonyms of different things apart.
     */
    public String pseudonym(String kind, String value) {
        return kind + "-" + hmac(kind + ":" + value.strip().toUpperCase(Locale.ROOT)).substring(0, 16);
    }

    /** The key of an employer: its credit code, which is public information. */
    public String employer(String creditCode) {
        return "employer:" + creditCode.strip().toUpperCase(Locale.ROOT);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the personal-data key " + file, e);
        }
    }
}
