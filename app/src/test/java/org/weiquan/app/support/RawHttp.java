package org.weiquan.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * One HTTP/1.1 request written byte by byte, exactly as given: no normalising of the path, no
 * encoding, header values in UTF-8 (which Java's HTTP client refuses to send). For requests that a
 * careless or hostile client sends and a well-behaved one cannot.
 */
public final class RawHttp {
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public record Answer(int status, String contentType, String body) {
    }

    /** {@code extraHeaders}: whole header lines, each ending in CRLF; {@code user} signs in with the demo password. */
    public Answer send(String user, String method, String path, String extraHeaders, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String credentials = user == null ? "" : "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + ApiClient.passwordOf(user)).getBytes(StandardCharsets.UTF_8)) + "\r\n";
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                + credentials + "Content-Type: application/json\r\n"
                + "Accept: application/json, application/problem+json\r\n"
                + extraHeaders + "Content-Length: " + content.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            IOException unsent = null;
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it has read all of what it refuses
                unsent = e;
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (IOException e) {
                if (all.size() == 0) throw unsent != null ? unsent : e;
            }
            if (all.size() == 0 && unsent != null) throw unsent;
            byte[] bytes = all.toByteArray();
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String headers = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).toLowerCase();
            int status = Integer.parseInt(headers.substring(9, 12));
            String contentType = headers.lines().filter(l -> l.startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            byte[] rest = Arrays.copyOfRange(bytes, end + 4, bytes.length);
            byte[] payload = headers.contains("transfer-encoding: chunked") ? dechunk(rest) : rest;
            return new Answer(status, contentType, new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int line = indexOf(chunked, new byte[]{'\r', '\n'}, at);
            int size = Integer.parseInt(new String(chunked, at, line - at, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) return body.toByteArray();
            body.write(chunked, line + 2, size);
            at = line + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] sought, int from) {
        for (int i = from; i <= bytes.length - sought.length; i++) {
            if (Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) return i;
        }
        throw new IllegalStateException("malformed HTTP answer");
    }
}
