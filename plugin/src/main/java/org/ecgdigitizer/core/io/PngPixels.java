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
 */
final class PngPixels {

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

	private static BufferedImage decodeOrNull(byte[] b) throws DataFormatException {
		int pos = 8;
		int w = -1;
		int h = -1;
		int channels = 0;
		Inflater inflater = null;
		byte[] raw = null;
		int inflated = 0;
		try {
			while (pos + 8 <= b.length) {
				int length = readInt(b, pos);
				String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
				int data = pos + 8;
				if (length < 0 || data + length > b.length) return null;
				switch (type) {
					case "IHDR":
						if (length != 13 || w >= 0) return null;
						w = readInt(b, data);
						h = readInt(b, data + 4);
						int depth = b[data + 8] & 255;
						int colour = b[data + 9] & 255;
						channels = colour == 0 ? 1 : colour == 2 ? 3 : colour == 6 ? 4 : 0;
						// deflate, the only filter method, no interlacing
						if (w <= 0 || h <= 0 || depth != 8 || channels == 0 || b[data + 10] != 0 || b[data + 11] != 0 ||
							b[data + 12] != 0) return null;
						long size = (long) h * (1 + (long) w * channels);
						if (size > Integer.MAX_VALUE - 16 || (long) w * h > ImageFiles.MAX_PIXELS) return null;
						raw = new byte[(int) size];
						inflater = new Inflater();
						break;
					case "IDAT":
						if (inflater == null || inflater.finished()) return null;
						inflater.setInput(b, data, length);
						while (!inflater.needsInput() && !inflater.finished()) {
							int n = inflater.inflate(raw, inflated, raw.length - inflated);
							inflated += n;
							// more output than the rows hold, or a stream that wants a dictionary
							if (n == 0 && (inflated == raw.length || inflater.needsDictionary())) return null;
						}
						break;
					case "IEND":
						if (inflater == null || !inflater.finished() || inflated != raw.length) return null;
						BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
						int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
						return unfilter(raw, w, h, channels, out) ? image : null;
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
		finally {
			if (inflater != null) inflater.end();
		}
	}

	/**
	 * Undoes each row's filter in place and packs the pixels into RGB; false for an unknown filter
	 * or a pixel that is not opaque.
	 */
	private static boolean unfilter(byte[] raw, int w, int h, int channels, int[] out) {
		int stride = 1 + w * channels;
		int bytes = w * channels;
		for (int y = 0; y < h; y++) {
			int row = y * stride + 1;
			int prev = row - stride; // the row above, when there is one
			int filter = raw[row - 1];
			switch (filter) {
				case 0:
					break;
				case 1:
					for (int i = channels; i < bytes; i++) raw[row + i] += raw[row + i - channels];
					break;
				case 2:
					if (y > 0) for (int i = 0; i < bytes; i++) raw[row + i] += raw[prev + i];
					break;
				case 3:
					for (int i = 0; i < bytes; i++) {
						int left = i >= channels ? raw[row + i - channels] & 255 : 0;
						int up = y > 0 ? raw[prev + i] & 255 : 0;
						raw[row + i] += (byte) ((left + up) >>> 1);
					}
					break;
				case 4:
					for (int i = 0; i < bytes; i++) {
						int left = i >= channels ? raw[row + i - channels] & 255 : 0;
						int up = y > 0 ? raw[prev + i] & 255 : 0;
						int upLeft = i >= channels && y > 0 ? raw[prev + i - channels] & 255 : 0;
						raw[row + i] += (byte) paeth(left, up, upLeft);
					}
					break;
				default:
					return false;
			}
			int o = y * w;
			if (channels == 1) {
				for (int x = 0; x < w; x++) {
					int g = raw[row + x] & 255;
					out[o + x] = g << 16 | g << 8 | g;
				}
			}
			else {
				for (int x = 0, i = row; x < w; x++, i += channels) {
					if (channels == 4 && raw[i + 3] != (byte) 255) return false;
					out[o + x] = (raw[i] & 255) << 16 | (raw[i + 1] & 255) << 8 | raw[i + 2] & 255;
				}
			}
		}
		return true;
	}

	private static int paeth(int a, int b, int c) {
		int p = a + b - c;
		int pa = Math.abs(p - a);
		int pb = Math.abs(p - b);
		int pc = Math.abs(p - c);
		return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
	}

	private static int readInt(byte[] b, int at) {
		return (b[at] & 255) << 24 | (b[at + 1] & 255) << 16 | (b[at + 2] & 255) << 8 | b[at + 3] & 255;
	}
}
