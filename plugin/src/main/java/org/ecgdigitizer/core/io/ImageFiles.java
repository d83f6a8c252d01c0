package org.ecgdigitizer.core.io;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.ecgdigitizer.core.EcgException;
import org.w3c.dom.NodeList;

/**
 * Decodes page images (PNG, JPEG including CMYK and YCCK, TIFF with all its pages, BMP, GIF, WebP)
 * into RGB, honouring EXIF orientation and compositing transparency onto white paper, after
 * checking the header's size; writes PNGs; wraps RGB images as ImgLib2 images without copying.
 * Which pages a file holds, PDFs included, is {@link InputFile}'s business.
 */
public final class ImageFiles {

	/**
	 * Pages larger than this are refused before decoding: a letter page at 600 dpi is 34
	 * megapixels, so more is a damaged file or a decompression bomb, and would not fit the memory
	 * budget.
	 */
	public static final long MAX_PIXELS = 120_000_000L;
	/** Pages smaller than this on either side cannot hold a readable ECG (a letter page at 25 dpi). */
	public static final int MIN_SIDE = 200;

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
	 * Reads the first page of a file (an image, or a PDF page as an image); fails with a one-line
	 * {@link EcgException} for anything that is not a readable page. The message does not repeat the
	 * file name: callers add it.
	 */
	public static LoadedImage read(Path file) {
		InputPage first = InputFile.of(file).pages().get(0);
		PageContent content = first.load(ReadOptions.defaults().withVectors(false));
		return new LoadedImage(content.image, content.dpi, content.exifOrientation, content.format);
	}

	/** How many pages an image file holds: the pages of a TIFF, 1 for every other kind (a GIF's first frame). */
	static int pageCount(byte[] bytes, FileKind kind) {
		if (!kind.mayHoldPages()) return 1;
		return withReader(bytes, kind, reader -> {
			try {
				return Math.max(1, reader.getNumImages(true));
			}
			catch (IOException | RuntimeException e) {
				return 1; // the first page's decoding will say what is wrong
			}
		});
	}

	/**
	 * Decodes image {@code index} of a file after checking its header: too many pixels (a
	 * decompression bomb) or too few are refused before any pixel is decoded.
	 */
	static LoadedImage decode(byte[] bytes, FileKind kind, int index, long maxPixels) {
		checkComplete(bytes, kind);
		return withReader(bytes, kind, reader -> {
			try {
				Dimension size = size(reader, kind, index);
				checkSize(size.width, size.height, maxPixels);
				String format = kind.label;
				double dpi = Double.NaN;
				try {
					dpi = dpiOf(reader.getImageMetadata(index));
				}
				catch (IOException | RuntimeException e) {
					// Metadata is only a fallback for scale; a page without it is still readable.
				}
				if (kind == FileKind.PNG && index == 0) {
					BufferedImage direct = PngPixels.decode(bytes);
					if (direct != null) return new LoadedImage(direct, dpi, 1, format);
				}
				List<String> warnings = new ArrayList<>();
				reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
				BufferedImage decoded;
				try {
					decoded = reader.read(index);
				}
				catch (javax.imageio.IIOException e) {
					if (kind != FileKind.JPEG || e.getMessage() == null || !e.getMessage().contains("Unsupported Image Type"))
						throw e;
					decoded = cmykJpeg(reader.readRaster(index, null), adobeTransform(bytes));
				}
				for (String w2 : warnings) {
					if (w2.toLowerCase(Locale.ROOT).contains("premature end")) {
						throw new EcgException("the image is truncated (the file ends before the picture does); copy " +
							"or download it again");
					}
				}
				int orientation = 1;
				if (kind == FileKind.JPEG) {
					// Java's JPEG metadata refuses common JFIF+Adobe files, so read the markers ourselves.
					orientation = exifOrientation(bytes);
					if (Double.isNaN(dpi)) dpi = jfifDpi(bytes);
				}
				return new LoadedImage(orient(toRgb(decoded), orientation), dpi, orientation, format);
			}
			catch (EcgException e) {
				throw e;
			}
			catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
				// decoders throw all sorts on damaged data; the user only needs to know the file is bad
				throw new EcgException("the " + kind.label + " image is corrupt or truncated and cannot be decoded (" +
					e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())) +
					"); copy or download it again");
			}
		});
	}

	/**
	 * The width and height of a file's first image from its header, without decoding a pixel (a
	 * 40000 x 40000 PNG is measured, never allocated); a damaged header fails with one line.
	 */
	public static Dimension headerSize(byte[] bytes, FileKind kind) {
		return withReader(bytes, kind, reader -> size(reader, kind, 0));
	}

	private static Dimension size(ImageReader reader, FileKind kind, int index) {
		try {
			return new Dimension(reader.getWidth(index), reader.getHeight(index));
		}
		catch (IOException | RuntimeException | OutOfMemoryError e) {
			throw new EcgException("the " + kind.label + " image's header is damaged or claims an impossible size (" +
				oneLine(String.valueOf(e.getMessage())) + "): refused before decoding; copy or download it again");
		}
	}

	/**
	 * Refuses a file that ends before the length its own header declares (a WebP's RIFF size):
	 * decoders read on past the end, slowly, and return a page with its bottom made up.
	 */
	static void checkComplete(byte[] b, FileKind kind) {
		if (kind == FileKind.WEBP && b.length >= 12) {
			long declared = (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
			if (b.length < declared + 8) {
				throw new EcgException(String.format(Locale.ROOT, "the WebP image is truncated (%d of its %d bytes); " +
					"copy or download it again", b.length, declared + 8));
			}
		}
	}

	/** Refuses a page too large to decode safely or too small to hold an ECG, from its header's size. */
	static void checkSize(long w, long h, long maxPixels) {
		if (w * h > maxPixels || w <= 0 || h <= 0) {
			throw new EcgException(String.format(Locale.ROOT, "the image claims %d x %d pixels (%.0f megapixels), " +
				"more than a page may have (%.0f megapixels; a letter page at 600 dpi has 34): refused before " +
				"decoding; it is damaged, or scale it down to 300-600 dpi", w, h, w * (double) h / 1e6, maxPixels / 1e6));
		}
		if (w < MIN_SIDE || h < MIN_SIDE) {
			throw new EcgException(tooSmall(w, h));
		}
	}

	/** What a page smaller than {@link #MIN_SIDE} on a side is told, wherever it is caught. */
	public static String tooSmall(long w, long h) {
		return String.format(Locale.ROOT, "the image is only %dx%d pixels, too small for an ECG page (%d on each " +
			"side at least); scan the page at 100 dpi or more", w, h, MIN_SIDE);
	}

	private interface ReaderJob<T> {
		T run(ImageReader reader);
	}

	/** Runs a job with a reader for the bytes, disposed after. */
	private static <T> T withReader(byte[] bytes, FileKind kind, ReaderJob<T> job) {
		try (ImageInputStream in = new ByteImageStream(bytes)) {
			ImageReader reader = reader(in, kind);
			try {
				reader.setInput(in, false, false);
				return job.run(reader);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException e) {
			throw new EcgException("cannot read the image (" + e.getMessage() + ")");
		}
	}

	private static ImageReader reader(ImageInputStream in, FileKind kind) {
		if (kind == FileKind.WEBP) {
			// made directly, not looked up: Fiji's class loader may hide the decoder from ImageIO's registry
			return new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi().createReaderInstance(null);
		}
		Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
		if (!readers.hasNext()) {
			throw new EcgException("the file starts like a " + kind.label + " image but no decoder accepts it; it " +
				"is damaged: copy or download it again");
		}
		return readers.next();
	}

	private static String oneLine(String s) {
		String t = s.replaceAll("\\s+", " ").trim();
		return t.length() > 120 ? t.substring(0, 117) + "..." : t;
	}

	/** The colour transform of a JPEG's Adobe marker (0 CMYK, 1 YCbCr, 2 YCCK), or -1 without one. */
	static int adobeTransform(byte[] b) {
		int pos = 2;
		while (pos + 4 <= b.length && (b[pos] & 0xff) == 0xff) {
			int marker = b[pos + 1] & 0xff;
			if (marker == 0xda || marker == 0xd9) break;
			int length = ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
			int start = pos + 4;
			if (marker == 0xee && length >= 12 && start + 12 <= b.length && b[start] == 'A' && b[start + 1] == 'd' &&
				b[start + 2] == 'o' && b[start + 3] == 'b' && b[start + 4] == 'e') return b[start + 11] & 0xff;
			pos += 2 + length;
		}
		return -1;
	}

	/**
	 * A four-channel JPEG (CMYK, or YCCK) as RGB. Adobe's files, the usual source, store the inks
	 * inverted; YCCK holds the first three of those as YCbCr. A naive ink model is enough for pages
	 * whose colours only need telling apart, not reproducing.
	 */
	static BufferedImage cmykJpeg(java.awt.image.Raster raster, int adobeTransform) {
		if (raster.getNumBands() != 4) throw new EcgException("the JPEG has an unsupported colour model");
		int w = raster.getWidth(), h = raster.getHeight();
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] px = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
		int[] row = new int[4 * w];
		boolean inverted = adobeTransform >= 0;
		for (int y = 0; y < h; y++) {
			raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
			for (int x = 0; x < w; x++) {
				double c = row[4 * x], m = row[4 * x + 1], yy = row[4 * x + 2], k = row[4 * x + 3];
				if (adobeTransform == 2) {
					double luma = c, cb = m - 128, cr = yy - 128;
					c = 255 - clamp(luma + 1.402 * cr);
					m = 255 - clamp(luma - 0.344136 * cb - 0.714136 * cr);
					yy = 255 - clamp(luma + 1.772 * cb);
				}
				// as "paper left" fractions: inverted data holds them directly
				double pc = inverted ? c : 255 - c, pm = inverted ? m : 255 - m, py = inverted ? yy : 255 - yy;
				double pk = inverted ? k : 255 - k;
				int r = (int) Math.round(pc * pk / 255), g = (int) Math.round(pm * pk / 255), b = (int) Math.round(py *
					pk / 255);
				px[y * w + x] = r << 16 | g << 8 | b;
			}
		}
		return out;
	}

	private static double clamp(double v) {
		return v < 0 ? 0 : v > 255 ? 255 : v;
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

	/** Deflate level of review images (overlays, plots): made to be looked at once, so written fast. */
	static final int REVIEW_DEFLATE_LEVEL = 1;

	/**
	 * A review image (an overlay, a plot) as a PNG written with a fast deflate level: a few times
	 * quicker than the default level on a noisy page, for a somewhat larger file. RGB images, as
	 * overlays and plots are, go through {@link ReviewPng} (rows unfiltered: half the time again).
	 */
	public static AtomicFiles.Content reviewPng(BufferedImage image) {
		if (ReviewPng.accepts(image)) return out -> ReviewPng.write(image, REVIEW_DEFLATE_LEVEL, out);
		return out -> {
			Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
			if (!writers.hasNext()) throw new IOException("no PNG writer available");
			ImageWriter writer = writers.next();
			try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
				writer.setOutput(stream);
				ImageWriteParam param = writer.getDefaultWriteParam();
				if (param.canWriteCompressed()) {
					param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
					// the JDK's PNG writer deflates at level 9 - round(9 * quality)
					param.setCompressionQuality(1f - REVIEW_DEFLATE_LEVEL / 9f);
				}
				writer.write(null, new IIOImage(image, null, null), param);
			}
			finally {
				writer.dispose();
			}
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

	/**
	 * The pixels of a packed-RGB image, one int per pixel, row after row with nothing between rows
	 * (TYPE_INT_RGB on a raster of its own: one bank, no offset, a stride of its width), shared not
	 * copied; null for any other kind of image.
	 */
	static int[] packedRgbPixels(BufferedImage image) {
		java.awt.image.WritableRaster raster = image.getRaster();
		java.awt.image.DataBuffer buffer = raster.getDataBuffer();
		if (image.getType() != BufferedImage.TYPE_INT_RGB || !(buffer instanceof DataBufferInt) || buffer
			.getNumBanks() != 1 || buffer.getOffset() != 0 || raster.getParent() != null || !(raster
				.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel) ||
			((java.awt.image.SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride() != image
				.getWidth())
		{
			return null;
		}
		return ((DataBufferInt) buffer).getData();
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
