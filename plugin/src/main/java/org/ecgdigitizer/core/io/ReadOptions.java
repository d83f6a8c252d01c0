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
	/**
	 * Pages with more pixels than this are refused from their header, before decoding (a server
	 * may want less than the default {@link ImageFiles#MAX_PIXELS} per upload).
	 */
	public final long maxPixels;

	private ReadOptions(double pdfDpi, boolean vectors, long maxPixels) {
		if (!(pdfDpi >= 72 && pdfDpi <= 1200)) {
			throw new EcgException(String.format(Locale.ROOT, "the PDF resolution must be 72 to 1200 dpi, got %s",
				pdfDpi));
		}
		if (maxPixels < (long) ImageFiles.MIN_SIDE * ImageFiles.MIN_SIDE) {
			throw new EcgException("the pixel limit must allow a page of " + ImageFiles.MIN_SIDE + " x " + ImageFiles
				.MIN_SIDE + " pixels at least");
		}
		this.pdfDpi = pdfDpi;
		this.vectors = vectors;
		this.maxPixels = maxPixels;
	}

	public static ReadOptions defaults() {
		return new ReadOptions(DEFAULT_PDF_DPI, true, ImageFiles.MAX_PIXELS);
	}

	public ReadOptions withPdfDpi(double dpi) {
		return new ReadOptions(dpi, vectors, maxPixels);
	}

	public ReadOptions withVectors(boolean read) {
		return new ReadOptions(pdfDpi, read, maxPixels);
	}

	public ReadOptions withMaxPixels(long pixels) {
		return new ReadOptions(pdfDpi, vectors, pixels);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "pdf_dpi=%.0f vectors=%b max_pixels=%d", pdfDpi, vectors, maxPixels);
	}
}
