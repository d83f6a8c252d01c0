package org.ecgdigitizer.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What a file is, from its first bytes (never its name or declared type), and an image's size from
 * its header, without decoding a pixel: a 40000 x 40000 PNG is measured in microseconds and never
 * allocated. Plain Java with no web types, so it can move to core's input layer.
 */
public final class ImageHeaders {

	private ImageHeaders() {}

	/** The kinds of file the magic bytes tell apart. */
	public enum Kind {
		PNG("png"), JPEG("jpeg"), TIFF("tiff"), BMP("bmp"), GIF("gif"), PDF(null), UNKNOWN(null);

		/** The ImageIO format name that reads it, or null when ImageIO does not. */
		final String imageIoFormat;

		Kind(String imageIoFormat) {
			this.imageIoFormat = imageIoFormat;
		}

		public boolean isImage() {
			return imageIoFormat != null;
		}
	}

	/** An image's format and size as its header gives them. */
	public static final class Header {
		public final Kind kind;
		public final int width;
		public final int height;

		Header(Kind kind, int width, int height) {
			this.kind = kind;
			this.width = width;
			this.height = height;
		}

		public long pixels() {
			return (long) width * height;
		}
	}

	/** The kind of file from its first bytes. */
	public static Kind kind(byte[] head) {
		if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) return Kind.PNG;
		if (startsWith(head, 0xff, 0xd8, 0xff)) return Kind.JPEG;
		// classic TIFF only: ImageIO does not read BigTIFF (version 43)
		if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) return Kind.TIFF;
		if (startsWith(head, 'B', 'M')) return Kind.BMP;
		if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
			return Kind.GIF;
		}
		if (startsWith(head, '%', 'P', 'D', 'F', '-')) return Kind.PDF;
		return Kind.UNKNOWN;
	}

	/** The kind of a file from its first bytes. */
	public static Kind kind(Path file) throws IOException {
		byte[] head = new byte[16];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		return kind(n == head.length ? head : java.util.Arrays.copyOf(head, n));
	}

	/**
	 * The size of the first image in the file, read from its header by the ImageIO reader of the
	 * format its magic bytes name.
	 *
	 * @throws IOException when the header cannot be read (a corrupt or truncated file)
	 * @throws IllegalArgumentException when the file is not an image ImageIO reads (check {@link #kind} first)
	 */
	public static Header read(Path file) throws IOException {
		Kind kind = kind(file);
		if (!kind.isImage()) throw new IllegalArgumentException("not an image: " + kind);
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.imageIoFormat);
		if (!readers.hasNext()) throw new IllegalArgumentException("no ImageIO reader for " + kind);
		ImageReader reader = readers.next();
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) throw new IOException("cannot open the file");
			reader.setInput(in, true, true);
			return new Header(kind, reader.getWidth(0), reader.getHeight(0));
		}
		catch (RuntimeException e) {
			// ImageIO readers throw unchecked exceptions on some malformed headers
			throw new IOException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
				e);
		}
		finally {
			reader.dispose();
		}
	}

	private static boolean startsWith(byte[] b, int... magic) {
		if (b.length < magic.length) return false;
		for (int i = 0; i < magic.length; i++) {
			if ((b[i] & 0xff) != magic[i]) return false;
		}
		return true;
	}
}
