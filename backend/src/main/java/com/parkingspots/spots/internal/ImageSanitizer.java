package com.parkingspots.spots.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Accepts JPEG, PNG and WebP photos by their content (magic bytes), never by name or declared type, and drops their
 * metadata (EXIF with GPS position, XMP, comments). JPEG and PNG are decoded and re-encoded as JPEG (PNG transparency
 * is flattened onto white); WebP, which the JDK cannot decode, is checked chunk by chunk and re-assembled without its
 * EXIF and XMP chunks.
 */
final class ImageSanitizer {

    /** Larger images are refused before decoding (a small file can declare a huge canvas). */
    static final long MAX_PIXELS = 40_000_000L;

    record Sanitized(byte[] content, String extension) {}

    static final class NotAnImage extends RuntimeException {
        NotAnImage(String message) {
            super(message, null, false, false);
        }
    }

    private ImageSanitizer() {}

    static Sanitized sanitize(byte[] data) {
        if (isJpeg(data) || isPng(data)) {
            return new Sanitized(reencode(data), "jpg");
        }
        if (isWebp(data)) {
            return new Sanitized(stripWebp(data), "webp");
        }
        throw new NotAnImage("File is not a JPEG, PNG or WebP image");
    }

    static boolean isJpeg(byte[] d) {
        return d.length > 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff;
    }

    static boolean isPng(byte[] d) {
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        return d.length > 8 && Arrays.equals(Arrays.copyOf(d, 8), magic);
    }

    static boolean isWebp(byte[] d) {
        return d.length >= 12 && ascii(d, 0).equals("RIFF") && ascii(d, 8).equals("WEBP");
    }

    private static byte[] reencode(byte[] data) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new NotAnImage("File is not a JPEG, PNG or WebP image");
            }
            ImageReader reader = readers.next();
            BufferedImage image;
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new NotAnImage("Image is too large: at most " + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(output);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof NotAnImage notAnImage) {
                throw notAnImage;
            }
            throw new NotAnImage("Image could not be decoded: the file is damaged or not a supported image");
        }
    }

    /** Re-assembles a WebP RIFF container without EXIF and XMP chunks, checking its structure on the way. */
    private static byte[] stripWebp(byte[] d) {
        ByteBuffer in = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        long riffSize = Integer.toUnsignedLong(in.getInt(4));
        if (riffSize + 8 > d.length || riffSize < 4) {
            throw new NotAnImage("Image could not be decoded: the WebP file is truncated");
        }
        int end = (int) (riffSize + 8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean hasImage = false;
        int pos = 12;
        while (pos + 8 <= end) {
            String fourcc = ascii(d, pos);
            long size = Integer.toUnsignedLong(in.getInt(pos + 4));
            long padded = size + (size & 1);
            if (pos + 8 + size > end) {
                throw new NotAnImage("Image could not be decoded: the WebP file is truncated");
            }
            if (fourcc.equals("VP8 ") || fourcc.equals("VP8L") || fourcc.equals("ANMF")) {
                hasImage = true;
            }
            if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
                byte[] chunk = Arrays.copyOfRange(d, pos, (int) Math.min(end, pos + 8 + padded));
                if (fourcc.equals("VP8X") && chunk.length > 8) {
                    chunk[8] &= (byte) ~0x0C; // clear the EXIF (0x08) and XMP (0x04) flags
                }
                body.writeBytes(chunk);
            }
            pos += (int) (8 + padded);
        }
        if (!hasImage) {
            throw new NotAnImage("Image could not be decoded: the WebP file holds no image");
        }
        byte[] chunks = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.putInt(4 + chunks.length);
        out.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.put(chunks);
        return out.array();
    }

    private static String ascii(byte[] d, int offset) {
        return new String(d, offset, 4, StandardCharsets.US_ASCII);
    }
}
