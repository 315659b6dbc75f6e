package cn.childprotect.cms.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Field encryption for identifiers (AES-256-GCM, random 96-bit IV per value) and keyed hashes
 * (HMAC-SHA256) for exact look-up. Both keys derive from one master key: {@code CMS_PII_KEY}
 * (base64, 32 bytes) from the environment; the embedded default may instead generate one and
 * keep it in {@code ./data/pii.key}. A real deployment without the key refuses to start.
 */
@Component
class PiiCipher {

    private static final Logger log = LoggerFactory.getLogger(PiiCipher.class);
    private static final String PREFIX = "v1:";

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecretKeySpec fileKey;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PiiCipher(PiiProperties pii) {
        this(pii.key(), pii.allowGeneratedKey(), pii.keyFile());
    }

    /** With a key of its own (PiiKeyStartupTests). */
    PiiCipher(String configuredKey, boolean allowGenerated, Path keyFile) {
        byte[] master = resolveMasterKey(configuredKey, allowGenerated, keyFile);
        this.encryptionKey = new SecretKeySpec(derive(master, "cms-pii-encryption"), "AES");
        this.hashKey = new SecretKeySpec(derive(master, "cms-pii-lookup-hash"), "HmacSHA256");
        this.fileKey = new SecretKeySpec(derive(master, "cms-evidence-files"), "AES");
        Arrays.fill(master, (byte) 0);
    }

    String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown cipher text format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong CMS_PII_KEY?)", e);
        }
    }

    /** Files (evidence attachments): AES-256-GCM with a key of their own from the same master key; IV first. */
    byte[] encryptBytes(byte[] plain) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, fileKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return out;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    byte[] decryptBytes(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, fileKey, new GCMParameterSpec(128, stored, 0, 12));
            return cipher.doFinal(stored, 12, stored.length - 12);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong CMS_PII_KEY?)", e);
        }
    }

    /** Keyed hash of bytes (a file's fingerprint that reveals nothing without the key). */
    String hashBytes(byte[] plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(plain));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /** Deterministic, keyed: equal inputs give equal hashes, and without the key nothing can be guessed. */
    String hash(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String HOW_TO_FIX = "Set CMS_PII_KEY to the base64 of 32 random bytes, e.g. "
            + "export CMS_PII_KEY=$(openssl rand -base64 32); with docker compose put it in .env (see .env.example). "
            + "Keep the key: data encrypted with it cannot be read without it.";

    private static byte[] resolveMasterKey(String configured, boolean allowGenerated, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return decodeKey(configured, "CMS_PII_KEY");
        }
        if (!allowGenerated) {
            throw new PiiKeyException("CMS_PII_KEY is not set: it is required outside the embedded default.",
                    HOW_TO_FIX);
        }
        try {
            if (Files.exists(keyFile)) {
                return decodeKey(Files.readString(keyFile), "the local PII key file " + keyFile.toAbsolutePath());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated a local PII key at {} (embedded default only; set CMS_PII_KEY in production)",
                    keyFile.toAbsolutePath());
            return key;
        }
        catch (IOException e) {
            throw new PiiKeyException("Cannot read or write the local PII key " + keyFile.toAbsolutePath() + ": "
                    + e.getMessage(), "Make ./data writable, or set CMS_PII_KEY. " + HOW_TO_FIX);
        }
    }

    /** The key's value is never put into a message: it is a secret even when malformed. */
    static byte[] decodeKey(String value, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.strip());
        }
        catch (IllegalArgumentException notBase64) {
            throw new PiiKeyException("The value of " + source + " is not valid base64.", HOW_TO_FIX);
        }
        if (key.length != 32) {
            throw new PiiKeyException("The value of " + source + " decodes to " + key.length
                    + " bytes; it must be exactly 32 (AES-256).", HOW_TO_FIX);
        }
        return key;
    }
}
