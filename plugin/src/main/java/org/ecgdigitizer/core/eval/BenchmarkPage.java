package org.ecgdigitizer.core.eval;

import java.awt.image.BufferedImage;

import org.ecgdigitizer.core.signal.EcgRecord;

/** One page of a benchmark: the image to digitize and the signal it shows. */
public final class BenchmarkPage {

	/** Record name of the page (letters, digits, '_' and '-'). */
	public final String name;
	/** The page, TYPE_INT_RGB. */
	public final BufferedImage image;
	/** Resolution to tell the digitizer, as an image file would; NaN when unknown. */
	public final double dpi;
	/** The reference to score against: NaN wherever the page does not show the lead. */
	public final EcgRecord reference;
	/** What varied on this page (grid colour, labels, distortion parameters), for the report. */
	public final String details;

	public BenchmarkPage(String name, BufferedImage image, double dpi, EcgRecord reference, String details) {
		if (image.getType() != BufferedImage.TYPE_INT_RGB) {
			throw new IllegalArgumentException("Benchmark pages must be TYPE_INT_RGB; convert with ImageFiles.toRgb");
		}
		this.name = name;
		this.image = image;
		this.dpi = dpi;
		this.reference = reference;
		this.details = details == null ? "" : details;
	}
}
