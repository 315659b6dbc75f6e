package cn.childprotect.cms.people;

import org.springframework.stereotype.Component;

/** Encrypts contact details other modules keep (a reporter's phone), with the people module's key. */
@Component
public class ContactCipher {

    private final PiiCipher cipher;

    ContactCipher(PiiCipher cipher) {
        this.cipher = cipher;
    }

    public String encrypt(String plain) {
        return cipher.encrypt(plain);
    }

    public String decrypt(String stored) {
        return cipher.decrypt(stored);
    }
}
