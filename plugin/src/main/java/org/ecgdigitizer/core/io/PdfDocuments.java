package org.ecgdigitizer.core.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.vector.PathClassifier;
import org.ecgdigitizer.core.vector.PdfPageReader;
import org.ecgdigitizer.core.vector.VectorPage;

/**
 * PDF pages as the digitizer reads them, each in the most exact way it allows:
 * <ol>
 * <li>drawn with vector traces (as ECG carts export them): the paths themselves;</li>
 * <li>one image filling the page (as scanners write them): that image's own pixels, at the
 * resolution the page size gives;</li>
 * <li>anything else: rendered at the chosen resolution (300 dpi by default), lowered for very
 * large pages so the pixel budget holds.</li>
 * </ol>
 */
final class PdfDocuments {

	/** An image covering this share of the page is the page (a scan). */
	static final double SCAN_SHARE = 0.85;
	/** Pages are never rendered coarser than this: the 1 mm grid would no longer be resolved. */
	static final double MIN_RENDER_DPI = 100;

	private PdfDocuments() {}

	private interface DocumentJob<T> {
		T run(PDDocument doc) throws IOException;
	}

	private static <T> T withDocument(byte[] bytes, DocumentJob<T> job) {
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			return job.run(doc);
		}
		catch (InvalidPasswordException e) {
			throw new EcgException("the PDF is password-protected; open it and save a copy without a password");
		}
		catch (EcgException e) {
			throw e;
		}
		catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
			throw new EcgException("the PDF is damaged and cannot be read (" + e.getClass().getSimpleName() + (e
				.getMessage() == null ? "" : ": " + oneLine(e.getMessage())) + "); export or download it again");
		}
	}

	static int pageCount(byte[] bytes) {
		return withDocument(bytes, doc -> {
			int n = doc.getNumberOfPages();
			if (n == 0) throw new EcgException("the PDF has no pages; export the ECG again");
			return n;
		});
	}

	static PageContent load(byte[] bytes, int index, ReadOptions options) {
		return withDocument(bytes, doc -> {
			PDPage page = doc.getPage(index);
			VectorPage vector = PdfPageReader.read(page);
			for (VectorPage.Image i : vector.images) ImageFiles.checkSize(Math.max(i.pixelWidth, ImageFiles.MIN_SIDE),
				Math.max(i.pixelHeight, ImageFiles.MIN_SIDE), options.maxPixels);
			if (vector.paths.isEmpty() && vector.images.isEmpty()) {
				throw new EcgException("the PDF page holds no drawing and no image" + (vector.texts.isEmpty() ? ""
					: ", only text") + ", so no ECG; give the page with the ECG on it");
			}
			if (options.vectors && PathClassifier.hasTraces(vector)) {
				return PageContent.vector(vector, () -> render(bytes, index, options));
			}
			VectorPage.Image scan = scan(vector);
			if (scan != null) {
				PDImageXObject image = find(page.getResources(), scan, 0);
				if (image != null) {
					ImageFiles.checkSize(image.getWidth(), image.getHeight(), options.maxPixels);
					BufferedImage rgb = ImageFiles.toRgb(image.getImage());
					double dpi = rgb.getWidth() / (scan.width / 25.4);
					return PageContent.image(rgb, dpi, true, 1, "PDF image");
				}
			}
			return renderPage(doc, index, vector, options);
		});
	}

	/** The page rendered to pixels, whatever it holds. */
	static PageContent render(byte[] bytes, int index, ReadOptions options) {
		return withDocument(bytes, doc -> renderPage(doc, index, PdfPageReader.read(doc.getPage(index)), options));
	}

	private static PageContent renderPage(PDDocument doc, int index, VectorPage page, ReadOptions options)
		throws IOException
	{
		double areaInches = page.widthMm * page.heightMm / (25.4 * 25.4);
		double cap = Math.sqrt(0.9 * options.maxPixels / areaInches);
		double dpi = Math.min(options.pdfDpi, cap);
		if (cap < MIN_RENDER_DPI) {
			throw new EcgException(String.format(Locale.ROOT, "the PDF page is %.0f x %.0f mm, too large to render " +
				"at %.0f dpi within %d megapixels; export the ECG on a smaller page", page.widthMm, page.heightMm,
				MIN_RENDER_DPI, options.maxPixels / 1_000_000));
		}
		ImageFiles.checkSize(Math.round(page.widthMm / 25.4 * dpi), Math.round(page.heightMm / 25.4 * dpi),
			options.maxPixels);
		BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(index, (float) dpi, ImageType.RGB);
		return PageContent.image(ImageFiles.toRgb(image), dpi, true, 1, String.format(Locale.ROOT,
			"PDF rendered at %.0f dpi", dpi));
	}

	/** The image that is the page, when one upright image covers it and nothing else is drawn in ink. */
	private static VectorPage.Image scan(VectorPage page) {
		VectorPage.Image best = null;
		for (VectorPage.Image i : page.images) {
			if (best == null || i.width * i.height > best.width * best.height) best = i;
		}
		if (best == null || !best.upright || best.width * best.height < SCAN_SHARE * page.widthMm * page.heightMm) {
			return null;
		}
		return best;
	}

	/** The image XObject of a placed image's pixel size, looked for in the page's resources and its forms. */
	private static PDImageXObject find(PDResources resources, VectorPage.Image placed, int depth) throws IOException {
		if (resources == null || depth > 3) return null;
		for (COSName name : resources.getXObjectNames()) {
			PDXObject x = resources.getXObject(name);
			if (x instanceof PDImageXObject) {
				PDImageXObject image = (PDImageXObject) x;
				if (image.getWidth() == placed.pixelWidth && image.getHeight() == placed.pixelHeight && !image
					.isStencil()) return image;
			}
			else if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) {
				PDImageXObject inner = find(((org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) x).getResources(),
					placed, depth + 1);
				if (inner != null) return inner;
			}
		}
		return null;
	}

	private static String oneLine(String s) {
		String t = s.replaceAll("\\s+", " ").trim();
		return t.length() > 120 ? t.substring(0, 117) + "..." : t;
	}
}
