package org.carecommissioning.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.carecommissioning.support.ApplicationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

/**
 * Hole 2: an unauthenticated caller could make the server buffer a body of any size (a 1 GB POST to the
 * webapps' API threw OutOfMemoryError). Each test pushes 64 MB at an API over a raw socket, as an attacker
 * would, and counts how much the server accepted before it answered and closed the connection.
 */
@ApplicationTest
class RequestSizeLimitTest {

    private static final long ATTACK_BYTES = 64L * 1024 * 1024;
    /** The largest limit (5 MB) plus what Tomcat swallows after refusing (2 MB) plus socket buffers. */
    private static final long MOST_THE_SERVER_MAY_READ = 16L * 1024 * 1024;

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/camunda/api/engine/engine/default/task", "/engine-rest/task", "/api/services"})
    @DisplayName("Hole 2: a declared Content-Length over the limit is refused with 413 before authentication, unread")
    void declaredLengthRefused(String path) throws IOException {
        Exchange exchange = send(path, false);

        assertThat(exchange.status()).isEqualTo(413);
        assertThat(exchange.response()).contains("The request is too large");
        assertThat(exchange.accepted()).isLessThan(MOST_THE_SERVER_MAY_READ);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/camunda/api/engine/engine/default/task", "/engine-rest/task", "/api/services"})
    @DisplayName("Hole 2: a chunked body of unbounded size is never buffered: the server stops reading and refuses it")
    void chunkedBodyNotBuffered(String path) throws IOException {
        Exchange exchange = send(path, true);

        assertThat(exchange.accepted()).as("bytes the server took before closing").isLessThan(MOST_THE_SERVER_MAY_READ);
        assertThat(exchange.status()).as(exchange.response()).isBetween(400, 499);
    }

    private Exchange send(String path, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + ATTACK_BYTES + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'a');
            block[0] = '"';
            long sent = 0;
            socket.setSendBufferSize(64 * 1024);
            try {
                while (sent < ATTACK_BYTES) {
                    if (chunked) {
                        out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(block);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    sent += block.length;
                    if (socket.getInputStream().available() > 0) {
                        break; // the server has answered: stop, as a real client would
                    }
                }
            } catch (IOException closedByServer) {
                // the server refused and closed the connection while we were still sending
            }
            return new Exchange(sent, readResponse(socket));
        }
    }

    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (text.length() < 4096 && (n = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (text.indexOf("\r\n\r\n") >= 0) {
                    // the head is in; the short body follows at once, or the server keeps the connection open
                    socket.setSoTimeout(1_000);
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived before the server closed is the answer
        }
        return text.toString();
    }

    private record Exchange(long accepted, String response) {

        int status() {
            return response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
        }
    }
}
