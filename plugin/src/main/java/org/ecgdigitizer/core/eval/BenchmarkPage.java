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
	/** The lead segments the page really shows, or null when its generator did not say. */
	public final LayoutTruth truth;
	/** The JSON that truth was read from, written beside the page by {@code bench --out}; null when none. */
	public final Object truthJson;
	/** What the digitizer is told instead of detecting it. */
	public final BenchmarkSettings settings;

	public BenchmarkPage(String name, BufferedImage image, double dpi, EcgRecord reference, String details) {
		this(name, image, dpi, reference, details, null, null, BenchmarkSettings.none());
	}

	public BenchmarkPage(String name, BufferedImage image, double dpi, EcgRecord reference, String details,
		LayoutTruth truth, Object truthJson, BenchmarkSettings settings)
	{
		if (image.getType() != BufferedImage.TYPE_INT_RGB) {
			throw new IllegalArgumentException("Benchmark pages must be TYPE_INT_RGB; convert with ImageFiles.toRgb");
		}
		this.name = name;
		this.image = image;
		this.dpi = dpi;
		this.reference = reference;
		this.details = details == null ? "" : details;
		this.truth = truth;
		this.truthJson = truthJson;
		this.settings = settings;
	}

	/** The same page with these settings replacing its own where they overlap. */
	public BenchmarkPage withSettings(BenchmarkSettings more) {
		return new BenchmarkPage(name, image, dpi, reference, details, truth, truthJson, settings.overriddenBy(more));
	}
}
