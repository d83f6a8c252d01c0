package org.ecgdigitizer.core.io;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

import org.ecgdigitizer.core.vector.VectorPage;

/**
 * One page's content, ready for the digitizer: pixels with what is known of their resolution, or
 * (for a vector PDF page) the paths and text the page was drawn with, which can also be rendered.
 */
public final class PageContent {

	/** The page as TYPE_INT_RGB, or null for a vector page. */
	public final BufferedImage image;
	/** The page's paths and text, or null for an image. */
	public final VectorPage vector;
	/** Resolution of the image in dots per inch, NaN when unknown. */
	public final double dpi;
	/** The resolution is exact: it comes from a PDF page's size, not from a scanner's note. */
	public final boolean exactScale;
	/** EXIF orientation applied (1 = upright). */
	public final int exifOrientation;
	/** What the page was read as: "PNG", "PDF vector", "PDF image", "PDF rendered at 300 dpi". */
	public final String format;
	private final Supplier<PageContent> render;

	private PageContent(BufferedImage image, VectorPage vector, double dpi, boolean exactScale, int exifOrientation,
		String format, Supplier<PageContent> render)
	{
		this.image = image;
		this.vector = vector;
		this.dpi = dpi;
		this.exactScale = exactScale;
		this.exifOrientation = exifOrientation;
		this.format = format;
		this.render = render;
	}

	static PageContent image(BufferedImage rgb, double dpi, boolean exactScale, int exifOrientation, String format) {
		return new PageContent(rgb, null, dpi, exactScale, exifOrientation, format, null);
	}

	static PageContent vector(VectorPage page, Supplier<PageContent> render) {
		return new PageContent(null, page, Double.NaN, true, 1, "PDF vector", render);
	}

	public boolean isVector() {
		return vector != null;
	}

	/** The page as pixels: itself for an image, the rendered page for a vector page. */
	public PageContent rendered() {
		return render == null ? this : render.get();
	}
}
