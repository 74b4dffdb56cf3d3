package org.armswatch.chart;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * An RGB image as PNG: IHDR, the pixel rows each with the "Sub" filter (or "Up" where a row repeats the one above),
 * deflated at the fastest level, IEND; no time or text chunk, so the same picture gives the same bytes. ImageIO's
 * writer read every pixel through the raster one sample at a time and tried all five filters on every row: a third of
 * drawing the run's charts. Charts are flat colours side by side, which "Sub" turns into runs of zeros.
 */
final class PngEncoding {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte SUB = 1;
    private static final byte UP = 2;

    private PngEncoding() {}

    /** @param image of TYPE_INT_RGB, as the chart drawer makes it */
    static byte[] png(BufferedImage image) throws IOException {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("an RGB image of ints is expected, not type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        var out = new ByteArrayOutputStream(width * height / 4);
        out.write(SIGNATURE);
        var header = new ByteArrayOutputStream(13);
        var h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.writeByte(8); // bits per sample
        h.writeByte(2); // truecolour, no alpha
        h.writeByte(0); // deflate
        h.writeByte(0); // adaptive filtering, one filter type per row
        h.writeByte(0); // not interlaced
        chunk(out, "IHDR", header.toByteArray());

        var idat = new ByteArrayOutputStream(width * height / 4);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (var z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[1 + 3 * width];
            byte[] same = new byte[1 + 3 * width];
            same[0] = UP;
            for (int y = 0; y < height; y++) {
                int at = y * width;
                // A row like the one above (background, the inside of a bar) is all zeros under "Up".
                if (y > 0 && Arrays.equals(pixels, at, at + width, pixels, at - width, at)) {
                    z.write(same);
                    continue;
                }
                row[0] = SUB;
                int left = 0;
                for (int x = 0, i = 1; x < width; x++, at++, i += 3) {
                    int p = pixels[at];
                    row[i] = (byte) ((p >>> 16) - (left >>> 16));
                    row[i + 1] = (byte) ((p >>> 8) - (left >>> 8));
                    row[i + 2] = (byte) (p - left);
                    left = p;
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        var d = new DataOutputStream(out);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
