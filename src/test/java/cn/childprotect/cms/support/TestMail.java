package cn.childprotect.cms.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP port of this test JVM, free when it was chosen: the shared application context sends
 * to it and the mail tests start GreenMail on it. A fixed port (3025) made parallel builds on one
 * machine steal each other's mails.
 */
public final class TestMail {

    public static final int PORT = freePort();

    private TestMail() {
    }

    /** A GreenMail server on this JVM's port, not yet started. */
    public static GreenMail server() {
        return new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
