package cn.childprotect.cms.people;

import org.springframework.stereotype.Component;

/**
 * Encrypts files other modules keep (evidence attachments) under the same key management as ID
 * numbers ({@code CMS_PII_KEY}, docs/domain.md §3.3), with a key derived for files only.
 */
@Component
public class FileCipher {

    private final PiiCipher cipher;

    FileCipher(PiiCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] encrypt(byte[] plain) {
        return cipher.encryptBytes(plain);
    }

    public byte[] decrypt(byte[] stored) {
        return cipher.decryptBytes(stored);
    }

    /** A keyed fingerprint: the same file gives the same value, which says nothing without the key. */
    public String fingerprint(byte[] plain) {
        return cipher.hashBytes(plain);
    }
}
