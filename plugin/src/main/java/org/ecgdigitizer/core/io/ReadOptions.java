package org.ecgdigitizer.core.io;

import java.util.Locale;

import org.ecgdigitizer.core.EcgException;

/** How pages are read from files: the resolution PDF pages are rendered at, and whether vector PDF pages are read as vectors. */
public final class ReadOptions {

	/** PDF pages are rendered at this resolution by default: the 1 mm grid is 12 pixels. */
	public static final double DEFAULT_PDF_DPI = 300;

	/** Dots per inch a PDF page is rendered at when it has to be rendered. */
	public final double pdfDpi;
	/** Vector PDF pages are digitized from their paths; false renders every PDF page to pixels. */
	public final boolean vectors;

	private ReadOptions(double pdfDpi, boolean vectors) {
		if (!(pdfDpi >= 72 && pdfDpi <= 1200)) {
			throw new EcgException(String.format(Locale.ROOT, "the PDF resolution must be 72 to 1200 dpi, got %s",
				pdfDpi));
		}
		this.pdfDpi = pdfDpi;
		this.vectors = vectors;
	}

	public static ReadOptions defaults() {
		return new ReadOptions(DEFAULT_PDF_DPI, true);
	}

	public ReadOptions withPdfDpi(double dpi) {
		return new ReadOptions(dpi, vectors);
	}

	public ReadOptions withVectors(boolean read) {
		return new ReadOptions(pdfDpi, read);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "pdf_dpi=%.0f vectors=%b", pdfDpi, vectors);
	}
}
