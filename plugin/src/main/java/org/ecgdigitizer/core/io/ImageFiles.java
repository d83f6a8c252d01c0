package org.ecgdigitizer.core.io;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.EcgException;
import org.w3c.dom.NodeList;

/**
 * Reads page images (PNG, JPEG, TIFF, BMP, GIF) into RGB, honouring EXIF orientation and
 * compositing transparency onto white paper, and writes PNGs. Also wraps RGB images as
 * ImgLib2 images without copying.
 */
public final class ImageFiles {

	/** Pages larger than this are refused: they would not fit the memory budget. */
	public static final long MAX_PIXELS = 120_000_000L;

	private ImageFiles() {}

	/** A decoded page and what its file says about resolution. */
	public static final class LoadedImage {
		public final BufferedImage image;
		/** Dots per inch from the file's metadata, or NaN when the file does not say. */
		public final double dpi;
		/** EXIF orientation tag (1 = upright) that was applied. */
		public final int exifOrientation;
		public final String format;

		LoadedImage(BufferedImage image, double dpi, int exifOrientation, String format) {
			this.image = image;
			this.dpi = dpi;
			this.exifOrientation = exifOrientation;
			this.format = format;
		}
	}

	/**
	 * Reads an image file; fails with a one-line {@link EcgException} for anything that is not a
	 * readable image. The message does not repeat the file name: callers add it.
	 */
	public static LoadedImage read(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			throw new EcgException("file not found; check the path");
		}
		catch (IOException e) {
			throw new EcgException("cannot read the file (" + e.getMessage() + ")");
		}
		if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
			throw new EcgException("PDF input is not supported; export the page as PNG at 200-300 dpi first");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new EcgException("not an image file (PNG, JPEG, TIFF or BMP expected)");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, false);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					throw new EcgException(String.format(Locale.ROOT,
						"image is %dx%d pixels, too large; scale it to 600 dpi or less (%d megapixels at most)",
						reader.getWidth(0), reader.getHeight(0), MAX_PIXELS / 1_000_000));
				}
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				double dpi = Double.NaN;
				try {
					dpi = dpiOf(reader.getImageMetadata(0));
				}
				catch (IOException | RuntimeException e) {
					// Metadata is only a fallback for scale; a page without it is still readable.
				}
				BufferedImage decoded = reader.read(0);
				int orientation = 1;
				if (isJpeg(bytes)) {
					// Java's JPEG metadata refuses common JFIF+Adobe files, so read the markers ourselves.
					orientation = exifOrientation(bytes);
					if (Double.isNaN(dpi)) dpi = jfifDpi(bytes);
				}
				BufferedImage rgb = toRgb(decoded);
				return new LoadedImage(orient(rgb, orientation), dpi, orientation, format);
			}
			finally {
				reader.dispose();
			}
		}
		catch (EcgException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new EcgException("the image is corrupt or truncated and cannot be decoded (" +
				e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
		}
	}

	/** Writes a PNG atomically (temporary file, then move). */
	public static void writePng(BufferedImage image, Path file) throws IOException {
		AtomicFiles.write(file, png(image));
	}

	/** An image as the content of a PNG file, to write alone or staged with others. */
	public static AtomicFiles.Content png(BufferedImage image) {
		return out -> {
			if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
		};
	}

	/** Any image as TYPE_INT_RGB, transparency composited onto white paper. */
	public static BufferedImage toRgb(BufferedImage src) {
		if (src.getType() == BufferedImage.TYPE_INT_RGB) return src;
		BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, out.getWidth(), out.getHeight());
		g.drawImage(src, 0, 0, null);
		g.dispose();
		return out;
	}

	/** A zero-copy ImgLib2 view of a TYPE_INT_RGB image (alpha bits are ignored). */
	public static ArrayImg<ARGBType, IntArray> asImg(BufferedImage rgb) {
		if (rgb.getType() != BufferedImage.TYPE_INT_RGB) {
			throw new IllegalArgumentException("Expected a TYPE_INT_RGB image; convert with toRgb first");
		}
		int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
		return ArrayImgs.argbs(pixels, rgb.getWidth(), rgb.getHeight());
	}

	/** A TYPE_INT_RGB image sharing the pixels of an ARGB ArrayImg. */
	public static BufferedImage asBufferedImage(ArrayImg<ARGBType, IntArray> img) {
		int w = (int) img.dimension(0);
		int h = (int) img.dimension(1);
		int[] pixels = img.update(null).getCurrentStorageArray();
		java.awt.image.DirectColorModel rgb = new java.awt.image.DirectColorModel(24, 0xff0000, 0xff00, 0xff);
		java.awt.image.WritableRaster raster = java.awt.image.Raster.createPackedRaster(new DataBufferInt(pixels,
			pixels.length), w, h, w, rgb.getMasks(), null);
		return new BufferedImage(rgb, raster, false, null);
	}

	private static boolean isJpeg(byte[] b) {
		return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
	}

	/** Dots per inch from the standard image metadata tree, or NaN. */
	private static double dpiOf(IIOMetadata meta) {
		if (meta == null || !meta.isStandardMetadataFormatSupported()) return Double.NaN;
		IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_1.0");
		NodeList nodes = root.getElementsByTagName("HorizontalPixelSize");
		if (nodes.getLength() == 0) return Double.NaN;
		String v = ((IIOMetadataNode) nodes.item(0)).getAttribute("value");
		double mmPerPixel = Double.parseDouble(v);
		if (!(mmPerPixel > 0)) return Double.NaN;
		double dpi = 25.4 / mmPerPixel;
		// Some writers store 1 dot per unit when they know nothing; such values are not a resolution.
		return dpi >= 20 && dpi <= 2400 ? dpi : Double.NaN;
	}

	/** Dots per inch from a JPEG's JFIF header, or NaN. */
	static double jfifDpi(byte[] b) {
		if (b.length < 18 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0xe0 || b[6] != 'J' || b[7] != 'F' ||
			b[8] != 'I' || b[9] != 'F')
		{
			return Double.NaN;
		}
		int units = b[13] & 0xff;
		int xDensity = readShort(b, 14, false);
		double dpi = units == 1 ? xDensity : units == 2 ? xDensity * 2.54 : Double.NaN;
		return dpi >= 20 && dpi <= 2400 ? dpi : Double.NaN;
	}

	/** The EXIF orientation tag (1-8) of a JPEG, or 1 when absent. */
	static int exifOrientation(byte[] b) {
		int pos = 2;
		while (pos + 4 <= b.length && (b[pos] & 0xff) == 0xff) {
			int marker = b[pos + 1] & 0xff;
			if (marker == 0xda || marker == 0xd9) break; // start of scan: no more metadata
			int length = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
			int start = pos + 4;
			if (marker == 0xe1 && length >= 14 && start + 6 <= b.length && b[start] == 'E' && b[start + 1] == 'x' &&
				b[start + 2] == 'i' && b[start + 3] == 'f')
			{
				return tiffOrientation(b, start + 6, Math.min(b.length, pos + 2 + length));
			}
			pos += 2 + length;
		}
		return 1;
	}

	private static int tiffOrientation(byte[] b, int tiff, int end) {
		if (tiff + 8 > end) return 1;
		boolean little = b[tiff] == 'I';
		int ifd = tiff + readInt(b, tiff + 4, little);
		if (ifd + 2 > end || ifd < tiff) return 1;
		int entries = readShort(b, ifd, little);
		for (int i = 0; i < entries; i++) {
			int e = ifd + 2 + 12 * i;
			if (e + 12 > end) break;
			if (readShort(b, e, little) == 0x0112) {
				int v = readShort(b, e + 8, little);
				return v >= 1 && v <= 8 ? v : 1;
			}
		}
		return 1;
	}

	private static int readShort(byte[] b, int p, boolean little) {
		return little ? (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 : (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
	}

	private static int readInt(byte[] b, int p, boolean little) {
		return little ? readShort(b, p, true) | readShort(b, p + 2, true) << 16 : readShort(b, p, false) << 16 |
			readShort(b, p + 2, false);
	}

	/** Applies an EXIF orientation so the image appears as a viewer that honours EXIF shows it. */
	static BufferedImage orient(BufferedImage src, int orientation) {
		if (orientation <= 1 || orientation > 8) return src;
		int w = src.getWidth();
		int h = src.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2: t.translate(w, 0); t.scale(-1, 1); break;
			case 3: t.translate(w, h); t.rotate(Math.PI); break;
			case 4: t.translate(0, h); t.scale(1, -1); break;
			case 5: t.rotate(-Math.PI / 2); t.scale(-1, 1); break;
			case 6: t.translate(h, 0); t.rotate(Math.PI / 2); break;
			case 7: t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); break;
			case 8: t.translate(0, w); t.rotate(3 * Math.PI / 2); break;
			default: break;
		}
		BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
		g.drawImage(src, t, null);
		g.dispose();
		return out;
	}
}
