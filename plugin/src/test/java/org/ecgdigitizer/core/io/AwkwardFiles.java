package org.ecgdigitizer.core.io;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.ecgdigitizer.core.synth.PageGenerator;
import org.ecgdigitizer.core.synth.PageSpec;
import org.ecgdigitizer.core.synth.SyntheticPage;

/**
 * The files an ECG archive really holds, made here from a generated page (nothing downloaded):
 * every encoding the digitizer must read, and every kind of broken or hostile file it must refuse
 * in one line. Valid pages are small (100 dpi) so that digitizing all of them stays quick.
 */
public final class AwkwardFiles {

	private AwkwardFiles() {}

	/** A clean 100-dpi 3x4+1 page with its ground truth. */
	public static SyntheticPage page(long seed) {
		return PageGenerator.render(PageGenerator.synthesize(seed, 500, "ecg-" + seed), PageSpec.defaults().withDpi(
			100), seed);
	}

	/** Files that hold pages: name -> number of pages. */
	public static Map<String, Integer> writeValid(Path dir, SyntheticPage page) throws IOException {
		Files.createDirectories(dir);
		BufferedImage rgb = page.image();
		Map<String, Integer> out = new LinkedHashMap<>();
		png(dir, "rgb.png", rgb, out);
		png(dir, "grey8.png", convert(rgb, BufferedImage.TYPE_BYTE_GRAY), out);
		png(dir, "grey16.png", convert(rgb, BufferedImage.TYPE_USHORT_GRAY), out);
		png(dir, "palette.png", convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), out);
		png(dir, "rgba.png", rgba(rgb), out);
		tiff(dir, "grey8.tif", new BufferedImage[] { convert(rgb, BufferedImage.TYPE_BYTE_GRAY) }, out);
		tiff(dir, "grey16.tif", new BufferedImage[] { convert(rgb, BufferedImage.TYPE_USHORT_GRAY) }, out);
		tiff(dir, "two-pages.tif", new BufferedImage[] { rgb, rgb }, out);
		write(dir, "progressive.jpg", jpeg(rgb, true), 1, out);
		write(dir, "cmyk.jpg", cmykJpeg(rgb, 0), 1, out);
		write(dir, "ycck.jpg", cmykJpeg(rgb, 2), 1, out);
		write(dir, "exif-rotated.jpg", exifRotated(rgb), 1, out);
		write(dir, "page.bmp", encode(rgb, "bmp"), 1, out);
		write(dir, "page.gif", encode(convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), "gif"), 1, out);
		write(dir, "page.webp", WebpWriter.encode(rgb), 1, out);
		write(dir, "vector.pdf", bytes(page.vectorPdf()), 1, out);
		write(dir, "scan.pdf", bytes(page.rasterPdf()), 1, out);
		write(dir, "two-pages.pdf", merge(bytes(page.vectorPdf()), bytes(page.rasterPdf())), 2, out);
		// renamed: what a file is comes from its bytes
		write(dir, "png-named.jpg", encode(rgb, "png"), 1, out);
		return out;
	}

	/** Files that must be refused with a one-line error: name -> a word the error must contain. */
	public static Map<String, String> writeBad(Path dir, SyntheticPage page) throws IOException {
		Files.createDirectories(dir);
		BufferedImage rgb = page.image();
		Map<String, String> out = new LinkedHashMap<>();
		byte[] png = encode(rgb, "png"), jpg = jpeg(rgb, false), tif = tiffBytes(new BufferedImage[] { rgb });
		byte[] gif = encode(convert(rgb, BufferedImage.TYPE_BYTE_INDEXED), "gif"), bmp = encode(rgb, "bmp");
		byte[] pdf = bytes(page.vectorPdf()), scan = bytes(page.rasterPdf());
		bad(dir, "empty.png", new byte[0], "empty", out);
		bad(dir, "empty.pdf", new byte[0], "empty", out);
		bad(dir, "html.jpg", ("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not found" +
			"</body></html>").getBytes(StandardCharsets.UTF_8), "web page", out);
		bad(dir, "html-lower.png", "<html><body>Session expired</body></html>".getBytes(StandardCharsets.UTF_8),
			"web page", out);
		bad(dir, "notes.png", "patient list\nsee the scans folder\n".getBytes(StandardCharsets.UTF_8), "text", out);
		bad(dir, "zip.png", Arrays.copyOf(new byte[] { 'P', 'K', 3, 4, 20, 0 }, 200), "archive", out);
		bad(dir, "gzip.tif", Arrays.copyOf(new byte[] { 0x1f, (byte) 0x8b, 8, 0 }, 200), "archive", out);
		byte[] noise = new byte[5000];
		new java.util.Random(3).nextBytes(noise);
		noise[0] = 0x13;
		bad(dir, "noise.jpg", noise, "not an image", out);
		for (double at : new double[] { 0.02, 0.3, 0.6, 0.95 }) {
			bad(dir, "truncated-" + (int) (at * 100) + ".png", cut(png, at), "", out);
			bad(dir, "truncated-" + (int) (at * 100) + ".jpg", cut(jpg, at), "", out);
			bad(dir, "truncated-" + (int) (at * 100) + ".pdf", cut(pdf, at), "PDF", out);
		}
		bad(dir, "truncated.tif", cut(tif, 0.5), "", out);
		bad(dir, "truncated.gif", cut(gif, 0.5), "", out);
		bad(dir, "truncated.bmp", cut(bmp, 0.5), "", out);
		bad(dir, "truncated-scan.pdf", cut(scan, 0.5), "PDF", out);
		bad(dir, "truncated.webp", cut(WebpWriter.encode(rgb), 0.5), "", out);
		bad(dir, "bomb.png", pngHeader(100_000, 100_000), "before decoding", out);
		bad(dir, "bomb-wide.png", pngHeader(2_000_000, 100), "before decoding", out);
		bad(dir, "bomb.jpg", jpegClaiming(jpg, 60_000, 60_000), "before decoding", out);
		bad(dir, "bomb.gif", gifClaiming(65_535, 65_535), "before decoding", out);
		bad(dir, "bomb.bmp", bmpClaiming(50_000, 50_000), "before decoding", out);
		bad(dir, "bomb.tif", tiffClaiming(100_000, 100_000), "before decoding", out);
		bad(dir, "bomb-page.pdf", hugePagePdf(), "too large", out);
		bad(dir, "bomb-image.pdf", hugeImagePdf(), "before decoding", out);
		bad(dir, "tiny.png", encode(new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB), "png"), "too small", out);
		bad(dir, "tiny.jpg", jpeg(new BufferedImage(300, 150, BufferedImage.TYPE_INT_RGB), false), "too small", out);
		bad(dir, "encrypted.pdf", encryptedPdf(), "password", out);
		bad(dir, "broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n%%EOF\n".getBytes(
			StandardCharsets.ISO_8859_1), "PDF", out);
		bad(dir, "no-pages.pdf", emptyPdf(), "no pages", out);
		bad(dir, "text-only.pdf", textPdf("Discharge letter: see attached ECG."), "only text", out);
		bad(dir, "blank.png", encode(new BufferedImage(1100, 850, BufferedImage.TYPE_BYTE_GRAY), "png"), "", out);
		return out;
	}

	/**
	 * The page with most of the traces of all leads but I, aVF, V5 and II painted out in the paper's
	 * colour (their first and last tenth stay, so that every row still holds ink).
	 */
	public static BufferedImage blanked(SyntheticPage page) {
		BufferedImage out = new BufferedImage(page.image().getWidth(), page.image().getHeight(),
			BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.drawImage(page.image(), 0, 0, null);
		g.setColor(new java.awt.Color(page.image().getRGB(5, 5)));
		g.setStroke(new java.awt.BasicStroke(4f));
		java.util.Set<org.ecgdigitizer.core.signal.Lead> kept = KEPT;
		for (org.ecgdigitizer.core.synth.GroundTruth.Segment s : page.truth().segments) {
			if (kept.contains(s.region.lead)) continue;
			java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
			int from = s.x.length / 10, to = s.x.length - s.x.length / 10;
			path.moveTo(s.x[from], s.y[from]);
			for (int i = from + 1; i < to; i++) path.lineTo(s.x[i], s.y[i]);
			g.draw(path);
		}
		g.dispose();
		return out;
	}

	/** The leads {@link #blanked} leaves whole. */
	public static final java.util.Set<org.ecgdigitizer.core.signal.Lead> KEPT = java.util.Set.of(
		org.ecgdigitizer.core.signal.Lead.I, org.ecgdigitizer.core.signal.Lead.AVF, org.ecgdigitizer.core.signal.Lead.V5,
		org.ecgdigitizer.core.signal.Lead.II);

	// ------------------------------------------------------------------ encoders

	static BufferedImage convert(BufferedImage src, int type) {
		BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
		Graphics2D g = out.createGraphics();
		g.drawImage(src, 0, 0, null);
		g.dispose();
		return out;
	}

	/** The page with a transparent margin, as screenshots and exports have. */
	static BufferedImage rgba(BufferedImage src) {
		BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < src.getHeight(); y++) {
			for (int x = 0; x < src.getWidth(); x++) {
				boolean margin = x < 15 || y < 15 || x >= src.getWidth() - 15 || y >= src.getHeight() - 15;
				out.setRGB(x, y, margin ? 0 : 0xff000000 | src.getRGB(x, y));
			}
		}
		return out;
	}

	public static byte[] encode(BufferedImage image, String format) throws IOException {
		if (format.equals("webp")) return WebpWriter.encode(image);
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		if (!ImageIO.write(image, format, b)) throw new IOException("no " + format + " writer for this image");
		return b.toByteArray();
	}

	public static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
		ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam p = w.getDefaultWriteParam();
		p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		p.setCompressionQuality(0.9f);
		if (progressive) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		try (ImageOutputStream o = ImageIO.createImageOutputStream(b)) {
			w.setOutput(o);
			w.write(null, new IIOImage(image, null, null), p);
		}
		w.dispose();
		return b.toByteArray();
	}

	/**
	 * A four-channel JPEG as Photoshop writes them: inks stored inverted, with an Adobe marker
	 * saying CMYK (0) or YCCK (2, the first three inks as YCbCr).
	 */
	static byte[] cmykJpeg(BufferedImage rgb, int transform) throws IOException {
		int w = rgb.getWidth(), h = rgb.getHeight();
		WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
		int[] px = new int[4];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int v = rgb.getRGB(x, y);
				double rr = v >> 16 & 255, gg = v >> 8 & 255, bb = v & 255;
				double k = 255 - Math.max(rr, Math.max(gg, bb));
				double paper = 255 - k;
				// stored inverted: 255 - ink; with K taken out, the coloured inks are what is left
				double sc = paper == 0 ? 255 : 255 * rr / paper, sm = paper == 0 ? 255 : 255 * gg / paper;
				double sy = paper == 0 ? 255 : 255 * bb / paper, sk = 255 - k;
				if (transform == 2) {
					double cr = 255 - sc, cg = 255 - sm, cb = 255 - sy;
					px[0] = (int) Math.round(0.299 * cr + 0.587 * cg + 0.114 * cb);
					px[1] = (int) Math.round(-0.168736 * cr - 0.331264 * cg + 0.5 * cb + 128);
					px[2] = (int) Math.round(0.5 * cr - 0.418688 * cg - 0.081312 * cb + 128);
				}
				else {
					px[0] = (int) Math.round(sc);
					px[1] = (int) Math.round(sm);
					px[2] = (int) Math.round(sy);
				}
				px[3] = (int) Math.round(sk);
				for (int i = 0; i < 4; i++) px[i] = Math.max(0, Math.min(255, px[i]));
				r.setPixel(x, y, px);
			}
		}
		ImageWriter wr = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		try (ImageOutputStream o = ImageIO.createImageOutputStream(b)) {
			wr.setOutput(o);
			ImageWriteParam p = wr.getDefaultWriteParam();
			p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			p.setCompressionQuality(0.95f);
			wr.write(null, new IIOImage(r, null, null), p);
		}
		wr.dispose();
		byte[] app14 = { (byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform };
		return insertAfterSoi(b.toByteArray(), app14);
	}

	/** The page stored turned a quarter to the left, with the EXIF tag (6) that turns it upright. */
	static byte[] exifRotated(BufferedImage rgb) throws IOException {
		int w = rgb.getWidth(), h = rgb.getHeight();
		BufferedImage turned = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = turned.createGraphics();
		AffineTransform t = new AffineTransform();
		t.translate(0, w);
		t.rotate(-Math.PI / 2);
		g.drawImage(rgb, t, null);
		g.dispose();
		ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8).putShort((short) 1);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0).putInt(0);
		byte[] body = tiff.array();
		byte[] app1 = new byte[4 + 6 + body.length];
		app1[0] = (byte) 0xff;
		app1[1] = (byte) 0xe1;
		int len = 2 + 6 + body.length;
		app1[2] = (byte) (len >> 8);
		app1[3] = (byte) len;
		System.arraycopy(new byte[] { 'E', 'x', 'i', 'f', 0, 0 }, 0, app1, 4, 6);
		System.arraycopy(body, 0, app1, 10, body.length);
		return insertAfterSoi(jpeg(turned, false), app1);
	}

	private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
		byte[] out = new byte[jpeg.length + segment.length];
		System.arraycopy(jpeg, 0, out, 0, 2);
		System.arraycopy(segment, 0, out, 2, segment.length);
		System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
		return out;
	}

	static byte[] tiffBytes(BufferedImage[] pages) throws IOException {
		ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		try (ImageOutputStream o = ImageIO.createImageOutputStream(b)) {
			w.setOutput(o);
			ImageWriteParam p = w.getDefaultWriteParam();
			p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			p.setCompressionType("Deflate");
			w.prepareWriteSequence(null);
			for (BufferedImage page : pages) w.writeToSequence(new IIOImage(page, null, null), p);
			w.endWriteSequence();
		}
		w.dispose();
		return b.toByteArray();
	}

	public static byte[] bytes(AtomicFiles.Content content) throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		content.writeTo(b);
		return b.toByteArray();
	}

	public static byte[] merge(byte[]... pdfs) throws IOException {
		PDFMergerUtility merger = new PDFMergerUtility();
		for (byte[] pdf : pdfs) merger.addSource(new RandomAccessReadBuffer(pdf));
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		merger.setDestinationStream(b);
		merger.mergeDocuments(null);
		return b.toByteArray();
	}

	// ------------------------------------------------------------------ hostile headers

	static byte[] pngHeader(int width, int height) {
		ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 2 + 12).order(ByteOrder.BIG_ENDIAN);
		b.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		chunk(b, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(
			(byte) 0).put((byte) 0).put((byte) 0).array());
		chunk(b, "IDAT", new byte[] { 0x78, 0x01 });
		chunk(b, "IEND", new byte[0]);
		return Arrays.copyOf(b.array(), b.position());
	}

	private static void chunk(ByteBuffer b, String type, byte[] data) {
		b.putInt(data.length);
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		b.put(t).put(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		b.putInt((int) crc.getValue());
	}

	/** A valid JPEG whose frame header claims another size. */
	static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
		byte[] b = jpeg.clone();
		for (int i = 2; i + 9 < b.length;) {
			int marker = b[i + 1] & 0xff, len = (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
			if (marker == 0xc0 || marker == 0xc2) {
				b[i + 5] = (byte) (height >> 8);
				b[i + 6] = (byte) height;
				b[i + 7] = (byte) (width >> 8);
				b[i + 8] = (byte) width;
				return b;
			}
			i += 2 + len;
		}
		throw new IllegalStateException("no frame header");
	}

	static byte[] gifClaiming(int width, int height) {
		ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
		b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height).put(
			(byte) 0x80).put((byte) 0).put((byte) 0);
		b.put(new byte[] { 0, 0, 0, (byte) 255, (byte) 255, (byte) 255 });
		b.put((byte) 0x2c).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height).put(
			(byte) 0);
		b.put(new byte[] { 2, 2, 0x4c, 0x01, 0, 0x3b });
		return Arrays.copyOf(b.array(), b.position());
	}

	static byte[] bmpClaiming(int width, int height) {
		ByteBuffer b = ByteBuffer.allocate(54 + 16).order(ByteOrder.LITTLE_ENDIAN);
		b.put(new byte[] { 'B', 'M' }).putInt(70).putInt(0).putInt(54);
		b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
			.putInt(2835).putInt(2835).putInt(0).putInt(0);
		return b.array();
	}

	static byte[] tiffClaiming(int width, int height) {
		ByteBuffer b = ByteBuffer.allocate(8 + 2 + 9 * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
		b.put(new byte[] { 'I', 'I', 42, 0 }).putInt(8).putShort((short) 9);
		int data = 8 + 2 + 9 * 12 + 4;
		entry(b, 256, 4, width);
		entry(b, 257, 4, height);
		entry(b, 258, 3, 8);
		entry(b, 259, 3, 1);
		entry(b, 262, 3, 1);
		entry(b, 273, 4, data);
		entry(b, 277, 3, 1);
		entry(b, 278, 4, height);
		entry(b, 279, 4, 16);
		b.putInt(0);
		return b.array();
	}

	private static void entry(ByteBuffer b, int tag, int type, int value) {
		b.putShort((short) tag).putShort((short) type).putInt(1);
		if (type == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}

	/** A letter page holding an image whose dictionary claims 100000 x 100000 pixels. */
	static byte[] hugeImagePdf() throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.LETTER);
			doc.addPage(page);
			org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image = org.apache.pdfbox.pdmodel.graphics.image
				.LosslessFactory.createFromImage(doc, new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
			image.getCOSObject().setInt(org.apache.pdfbox.cos.COSName.WIDTH, 100_000);
			image.getCOSObject().setInt(org.apache.pdfbox.cos.COSName.HEIGHT, 100_000);
			try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
				cs.drawImage(image, 0, 0, 612, 792);
			}
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			doc.save(b);
			return b.toByteArray();
		}
	}

	static byte[] hugePagePdf() throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(new PDRectangle(14_400, 14_400));
			doc.addPage(page);
			try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
				cs.moveTo(100, 100);
				cs.lineTo(5000, 300);
				cs.stroke();
			}
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			doc.save(b);
			return b.toByteArray();
		}
	}

	static byte[] encryptedPdf() throws IOException {
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage(PDRectangle.LETTER));
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
				new AccessPermission());
			policy.setEncryptionKeyLength(128);
			doc.protect(policy);
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			doc.save(b);
			return b.toByteArray();
		}
	}

	static byte[] emptyPdf() throws IOException {
		try (PDDocument doc = new PDDocument()) {
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			doc.save(b);
			return b.toByteArray();
		}
	}

	static byte[] textPdf(String text) throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.LETTER);
			doc.addPage(page);
			try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
				cs.beginText();
				cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				cs.newLineAtOffset(72, 700);
				cs.showText(text);
				cs.endText();
			}
			ByteArrayOutputStream b = new ByteArrayOutputStream();
			doc.save(b);
			return b.toByteArray();
		}
	}

	// ------------------------------------------------------------------ helpers

	static byte[] cut(byte[] b, double at) {
		return Arrays.copyOf(b, Math.max(1, (int) (b.length * at)));
	}

	private static void png(Path dir, String name, BufferedImage image, Map<String, Integer> out) throws IOException {
		write(dir, name, encode(image, "png"), 1, out);
	}

	private static void tiff(Path dir, String name, BufferedImage[] pages, Map<String, Integer> out)
		throws IOException
	{
		write(dir, name, tiffBytes(pages), pages.length, out);
	}

	private static void write(Path dir, String name, byte[] bytes, int pages, Map<String, Integer> out)
		throws IOException
	{
		Files.write(dir.resolve(name), bytes);
		out.put(name, pages);
	}

	private static void bad(Path dir, String name, byte[] bytes, String word, Map<String, String> out)
		throws IOException
	{
		Files.write(dir.resolve(name), bytes);
		out.put(name, word);
	}
}
