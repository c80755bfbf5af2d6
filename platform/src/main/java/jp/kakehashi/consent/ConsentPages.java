package jp.kakehashi.consent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a consent page is kept in its record (D5): gzip, since an HTML page of a few tens of kilobytes shrinks to a few
 * and every consent keeps one for as long as the records are kept.
 */
final class ConsentPages {

    private ConsentPages() {
    }

    static byte[] compress(byte[] page) {
        var out = new ByteArrayOutputStream(page.length / 4 + 64);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(page);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] decompress(byte[] stored) {
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return gzip.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("a kept consent page does not decompress", e);
        }
    }
}
