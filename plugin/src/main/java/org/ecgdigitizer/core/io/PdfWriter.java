package org.ecgdigitizer.core.io;

import java.awt.image.BufferedImage;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes images as PDF pages, as scanners do: one losslessly stored image per page, the page sized from the resolution. */
public final class PdfWriter {

	private PdfWriter() {}

	/** One page holding the image at the given resolution (the page is the image's size in inches). */
	public static AtomicFiles.Content image(BufferedImage image, double dpi) {
		return images(new BufferedImage[] { image }, dpi);
	}

	/** One page per image, each at the given resolution. */
	public static AtomicFiles.Content images(BufferedImage[] images, double dpi) {
		return out -> {
			try (PDDocument doc = new PDDocument()) {
				for (BufferedImage image : images) {
					float w = (float) (image.getWidth() / dpi * 72), h = (float) (image.getHeight() / dpi * 72);
					PDPage page = new PDPage(new PDRectangle(w, h));
					doc.addPage(page);
					PDImageXObject x = LosslessFactory.createFromImage(doc, image);
					try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
						cs.drawImage(x, 0, 0, w, h);
					}
				}
				doc.save(out);
			}
		};
	}
}
