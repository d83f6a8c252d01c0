package org.ecgdigitizer.core.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the PNGs scanners and page generators write (8-bit grey, RGB or opaque RGBA, not
 * interlaced, no colour profile) straight into packed RGB: the JDK's reader fills a byte raster
 * row by row through the generic raster calls and the page is then drawn into RGB, twice the time.
 * The pixels are those the JDK's reader and {@link ImageFiles#toRgb} give; anything else (palettes,
 * 16 bits, interlacing, transparency, an ICC profile, a damaged or truncated stream) is left to the
 * JDK's reader, which says what is wrong.
 *
 * <p>Rows are inflated a block at a time (about 256 kB), undone and packed while they are in the
 * cache: the whole inflated page (15 MB for an RGBA page at 200 dpi) is never held.</p>
 */
final class PngPixels {

	/** About this many bytes of rows are inflated at a time: few calls into zlib, and the rows stay in the cache. */
	private static final int BLOCK_BYTES = 1 << 18;

	private PngPixels() {}

	/** The page as TYPE_INT_RGB, or null when the file is not one decoded here. */
	static BufferedImage decode(byte[] b) {
		try {
			return decodeOrNull(b);
		}
		catch (DataFormatException | RuntimeException e) {
			return null;
		}
	}

	/** What the chunks say: the header's fields and where the image data lies. */
	private static final class Chunks {
		int width = -1, height = -1, channels;
		/** Offsets and lengths of the IDAT chunks' data, in order. */
		int[] data = new int[16];
		int count;

		void addData(int offset, int length) {
			if (2 * count + 2 > data.length) data = java.util.Arrays.copyOf(data, 2 * data.length);
			data[2 * count] = offset;
			data[2 * count + 1] = length;
			count++;
		}

		/** The chunks up to IEND, or null for a file not decoded here. */
		static Chunks of(byte[] b) {
			Chunks c = new Chunks();
			int pos = 8;
			while (pos + 8 <= b.length) {
				int length = readInt(b, pos);
				String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
				int data = pos + 8;
				if (length < 0 || data + length > b.length) return null;
				switch (type) {
					case "IHDR":
						if (length != 13 || c.width >= 0) return null;
						int w = readInt(b, data);
						int h = readInt(b, data + 4);
						int depth = b[data + 8] & 255;
						int colour = b[data + 9] & 255;
						int channels = colour == 0 ? 1 : colour == 2 ? 3 : colour == 6 ? 4 : 0;
						// deflate, the only filter method, no interlacing
						if (w <= 0 || h <= 0 || depth != 8 || channels == 0 || b[data + 10] != 0 || b[data + 11] != 0 ||
							b[data + 12] != 0) return null;
						if ((long) w * channels + 1 > Integer.MAX_VALUE / 2 - 16 || (long) w * h > ImageFiles.MAX_PIXELS)
							return null;
						c.width = w;
						c.height = h;
						c.channels = channels;
						break;
					case "IDAT":
						if (c.width < 0) return null;
						c.addData(data, length);
						break;
					case "IEND":
						return c.width < 0 ? null : c;
					default:
						// colour profiles, transparency and palettes change what the JDK's reader makes of the
						// pixels; other ancillary chunks (text, resolution, gamma, chromaticities, time) do not
						if (type.equals("iCCP") || type.equals("tRNS") || type.equals("PLTE") || type.equals("sBIT") ||
							(type.charAt(0) & 0x20) == 0) return null;
				}
				pos = data + length + 4; // and the CRC
			}
			return null;
		}
	}

	private static BufferedImage decodeOrNull(byte[] b) throws DataFormatException {
		Chunks chunks = Chunks.of(b);
		if (chunks == null) return null;
		int w = chunks.width, h = chunks.height, channels = chunks.channels;
		int stride = 1 + w * channels;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
		// a block of rows after the row above it (zeros above the first row), each with its filter byte
		// first: inflated together, then undone and packed while in the cache
		int block = (int) Math.max(1, Math.min(h, BLOCK_BYTES / stride));
		byte[] rows = new byte[(1 + block) * stride + 1];
		Inflater inflater = new Inflater();
		try {
			int next = 0; // the next IDAT chunk to give the inflater
			for (int y0 = 0; y0 < h; y0 += block) {
				int count = Math.min(block, h - y0);
				if (y0 > 0) System.arraycopy(rows, block * stride, rows, 0, stride);
				for (int filled = 0, size = count * stride; filled < size;) {
					if (inflater.needsInput()) {
						if (next == chunks.count) return null; // the data ends before the rows do
						inflater.setInput(b, chunks.data[2 * next], chunks.data[2 * next + 1]);
						next++;
						continue;
					}
					int n = inflater.inflate(rows, stride + filled, size - filled);
					// the stream ended early, or wants a dictionary
					if (n == 0 && !inflater.needsInput()) return null;
					filled += n;
				}
				for (int k = 1; k <= count; k++) {
					int row = k * stride;
					if (!unfilter(rows, row + 1, row - stride + 1, w * channels, channels, rows[row])) return null;
					if (!pack(rows, row + 1, w, channels, out, (y0 + k - 1) * w)) return null;
				}
			}
			// the stream must end with the rows, in the chunks that hold them
			byte[] more = new byte[1];
			while (!inflater.finished()) {
				if (inflater.needsInput()) {
					if (next == chunks.count) return null;
					inflater.setInput(b, chunks.data[2 * next], chunks.data[2 * next + 1]);
					next++;
					continue;
				}
				if (inflater.inflate(more) > 0 || !inflater.finished() && !inflater.needsInput()) return null;
			}
			return next == chunks.count ? image : null;
		}
		finally {
			inflater.end();
		}
	}

	/**
	 * Undoes a row's filter in place: {@code bytes} bytes from {@code at}, the row above (zeros for
	 * the first row) at {@code up}. The first pixel, which has no left neighbour, is done apart, so
	 * that the loops over the rest test nothing per byte. False for an unknown filter.
	 */
	static boolean unfilter(byte[] r, int at, int up, int bytes, int channels, byte filter) {
		int first = Math.min(channels, bytes);
		switch (filter) {
			case 0:
				return true;
			case 1: // sub: the byte to the left
				for (int i = at + channels, end = at + bytes; i < end; i++) r[i] += r[i - channels];
				return true;
			case 2: // up: the byte above
				for (int i = 0; i < bytes; i++) r[at + i] += r[up + i];
				return true;
			case 3: // average of left and above
				for (int i = 0; i < first; i++) r[at + i] += (byte) ((r[up + i] & 255) >>> 1);
				for (int i = at + channels, u = up + channels, end = at + bytes; i < end; i++, u++) {
					r[i] += (byte) (((r[i - channels] & 255) + (r[u] & 255)) >>> 1);
				}
				return true;
			case 4: // Paeth: left, above or above-left, whichever is nearest left + above - above-left
				// with no left neighbour, left and above-left are 0 and above is always chosen
				for (int i = 0; i < first; i++) r[at + i] += r[up + i];
				for (int i = at + channels, u = up + channels, end = at + bytes; i < end; i++, u++) {
					r[i] += (byte) paeth(r[i - channels] & 255, r[u] & 255, r[u - channels] & 255);
				}
				return true;
			default:
				return false;
		}
	}

	/**
	 * The PNG specification's Paeth predictor without branches (in the specification's order of
	 * ties: left, above, above-left): p - a = b - c, p - b = a - c, p - c = (b - c) + (a - c).
	 */
	static int paeth(int a, int b, int c) {
		int pa = b - c;
		int pb = a - c;
		int pc = Math.abs(pa + pb);
		pa = Math.abs(pa);
		pb = Math.abs(pb);
		int notA = (pb - pa | pc - pa) >> 31; // all ones when pa > pb or pa > pc
		int notB = (pc - pb) >> 31; // all ones when pb > pc
		int bOrC = c ^ (b ^ c) & ~notB;
		return a ^ (a ^ bOrC) & notA;
	}

	/** Four bytes of an array as one big-endian int, in one load. */
	private static final java.lang.invoke.VarHandle BIG_ENDIAN_INT = java.lang.invoke.MethodHandles
		.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

	/**
	 * Packs an unfiltered row into RGB; false when an RGBA pixel is not opaque. An RGB pixel is read
	 * with the byte after it (the array holds one more byte than the rows), an RGBA pixel whole.
	 */
	private static boolean pack(byte[] r, int at, int w, int channels, int[] out, int o) {
		switch (channels) {
			case 1:
				for (int x = 0; x < w; x++) out[o + x] = (r[at + x] & 255) * 0x010101;
				return true;
			case 3:
				for (int x = 0, i = at; x < w; x++, i += 3) out[o + x] = (int) BIG_ENDIAN_INT.get(r, i) >>> 8;
				return true;
			default:
				int opaque = -1;
				for (int x = 0, i = at; x < w; x++, i += 4) {
					int rgba = (int) BIG_ENDIAN_INT.get(r, i);
					out[o + x] = rgba >>> 8;
					opaque &= rgba;
				}
				return (opaque & 255) == 255;
		}
	}

	private static int readInt(byte[] b, int at) {
		return (b[at] & 255) << 24 | (b[at + 1] & 255) << 16 | (b[at + 2] & 255) << 8 | b[at + 3] & 255;
	}
}
