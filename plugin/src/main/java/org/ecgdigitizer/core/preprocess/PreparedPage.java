package org.ecgdigitizer.core.preprocess;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;

/** The result of preprocessing: the rectified page, its ink probability and its geometry. */
public final class PreparedPage {

	private int[] rgb;
	private final float[] ink;
	private float[] density;
	/**
	 * The page this one is turned from, while its pixels and density are not turned yet: the
	 * upside-down check reads only the ink of the turned page, and a page is three full planes.
	 */
	private PreparedPage turnedFrom;
	public final PageGeometry geometry;
	/** How ink was told from grid, for diagnostics. */
	public final InkModel.Result inkModel;
	/** Why the page is taken to be upright (JSON of the decision's evidence), or null when not decided. */
	public final Map<String, Object> orientation;
	/** What later stages computed from the ink plane alone, by type: pages sharing the plane share it. */
	private final Map<Class<?>, Object> fromInk;

	public PreparedPage(int[] rgb, float[] ink, float[] density, PageGeometry geometry, InkModel.Result inkModel) {
		this(rgb, ink, density, geometry, inkModel, null, new HashMap<>());
	}

	private PreparedPage(int[] rgb, float[] ink, float[] density, PageGeometry geometry, InkModel.Result inkModel,
		Map<String, Object> orientation, Map<Class<?>, Object> fromInk)
	{
		this.orientation = orientation;
		this.fromInk = fromInk;
		this.rgb = rgb;
		this.ink = ink;
		this.density = density;
		this.geometry = geometry;
		this.inkModel = inkModel;
	}

	public int width() {
		return geometry.width();
	}

	public int height() {
		return geometry.height();
	}

	/** Rectified page pixels, packed RGB, row-major. Shared, not copied. */
	public int[] rgbPixels() {
		turnRest();
		return rgb;
	}

	/** Ink probability per pixel (0..1), row-major. Shared, not copied. */
	public float[] inkPixels() {
		return ink;
	}

	/** Ink density per pixel (0..1, proportional to pen coverage), row-major. Shared, not copied. */
	public float[] densityPixels() {
		turnRest();
		return density;
	}

	/** The rectified page as an ImgLib2 image sharing these pixels. */
	public ArrayImg<ARGBType, IntArray> rectified() {
		return ArrayImgs.argbs(rgbPixels(), width(), height());
	}

	/** The ink probability as an ImgLib2 image sharing these values. */
	public ArrayImg<FloatType, FloatArray> inkProbability() {
		return ArrayImgs.floats(ink, width(), height());
	}

	/**
	 * The page turned half-way round (it was upside down). Its ink is turned now; its pixels and
	 * density when first asked for.
	 */
	public PreparedPage turnedHalf() {
		PageGeometry turned = geometry.turnedHalf();
		PreparedPage page = new PreparedPage(null, reversed(ink), null, turned, inkModel, orientation, new HashMap<>());
		page.turnedFrom = this;
		return page;
	}

	private synchronized void turnRest() {
		if (turnedFrom == null) return;
		int[] from = turnedFrom.rgbPixels();
		int n = from.length;
		int[] r = new int[n];
		for (int i = 0; i < n; i++) r[i] = from[n - 1 - i];
		rgb = r;
		density = reversed(turnedFrom.densityPixels());
		turnedFrom = null;
	}

	private static float[] reversed(float[] plane) {
		int n = plane.length;
		float[] out = new float[n];
		for (int i = 0; i < n; i++) out[i] = plane[n - 1 - i];
		return out;
	}

	public PreparedPage withGeometry(PageGeometry newGeometry) {
		return new PreparedPage(rgbPixels(), ink, densityPixels(), newGeometry, inkModel, orientation, fromInk);
	}

	/** The same page with the evidence of which way up it is. */
	public PreparedPage withOrientation(Map<String, Object> evidence) {
		return new PreparedPage(rgbPixels(), ink, densityPixels(), geometry, inkModel, evidence, fromInk);
	}

	/**
	 * The one {@code type} made from this page's ink plane, made on first request and kept with the
	 * plane, so that stages asking the same questions of it (label readings, rows of traces) do not
	 * ask them twice. Whatever else {@code make} reads (the geometry's scale, say), the asker must
	 * check against the page it asks on: pages sharing the plane may differ in it.
	 */
	public <T> T fromInk(Class<T> type, Function<PreparedPage, T> make) {
		synchronized (fromInk) {
			Object known = fromInk.get(type);
			if (known == null) {
				known = make.apply(this);
				fromInk.put(type, known);
			}
			return type.cast(known);
		}
	}
}
