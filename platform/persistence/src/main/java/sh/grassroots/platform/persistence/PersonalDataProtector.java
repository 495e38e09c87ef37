package sh.grassroots.platform.persistence;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts personal data (ID numbers, phones, names) with AES-256-GCM before it reaches the
 * database, and derives a keyed hash (a "blind index") so that equal values can be found and kept
 * unique without decrypting. Both keys derive from one master key given by configuration, never
 * stored beside the data; a database dump alone reveals neither the values nor, by brute force
 * over a small space such as ID numbers, their hashes.
 * <p>
 * Plain Java: each service constructs it from its own configured key (a small CDI producer).
 * Stored values carry a format marker ({@code v1:}), so a value written before encryption is told
 * apart from a sealed one ({@link #isSealed}).
 */
public final class PersonalDataProtector {
    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    /** @param base64MasterKey 32 random bytes, base64-encoded */
    public PersonalDataProtector(String base64MasterKey) {
        if (base64MasterKey == null || base64MasterKey.isBlank()) {
            throw new IllegalStateException("The personal data key is not configured");
        }
        byte[] master;
        try {
            master = Base64.getDecoder().decode(base64MasterKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The personal data key must be base64-encoded", e);
        }
        if (master.length != 32) {
            throw new IllegalStateException("The personal data key must be 32 bytes, base64-encoded");
        }
        this.encryptionKey = new SecretKeySpec(derive(master, "encryption"), "AES");
        this.indexKey = new SecretKeySpec(derive(master, "blind-index"), "HmacSHA256");
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return FORMAT + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** For the few callers entitled to the clear value; fails on data altered in the database. */
    public String decrypt(String stored) {
        if (!isSealed(stored)) {
            throw new IllegalArgumentException("Unknown format of protected data");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Protected data cannot be decrypted (altered)", e);
        }
        if (all.length <= IV_BYTES) {
            throw new IllegalStateException("Protected data cannot be decrypted (altered)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Protected data cannot be decrypted (wrong key or altered)", e);
        }
    }

    /** True when {@code stored} was written by {@link #encrypt} (carries its format marker). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(FORMAT);
    }

    public String blindIndex(String plain) {
        return HexFormat.of().formatHex(hmac(indexKey, plain.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] derive(byte[] master, String purpose) {
        return hmac(new SecretKeySpec(master, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }
}
