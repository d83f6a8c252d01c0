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

	private final int[] rgb;
	private final float[] ink;
	private final float[] density;
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
		return rgb;
	}

	/** Ink probability per pixel (0..1), row-major. Shared, not copied. */
	public float[] inkPixels() {
		return ink;
	}

	/** Ink density per pixel (0..1, proportional to pen coverage), row-major. Shared, not copied. */
	public float[] densityPixels() {
		return density;
	}

	/** The rectified page as an ImgLib2 image sharing these pixels. */
	public ArrayImg<ARGBType, IntArray> rectified() {
		return ArrayImgs.argbs(rgb, width(), height());
	}

	/** The ink probability as an ImgLib2 image sharing these values. */
	public ArrayImg<FloatType, FloatArray> inkProbability() {
		return ArrayImgs.floats(ink, width(), height());
	}

	/** The page turned half-way round (it was upside down). */
	public PreparedPage turnedHalf() {
		int n = rgb.length;
		int[] r = new int[n];
		float[] k = new float[n];
		float[] d = new float[n];
		for (int i = 0; i < n; i++) {
			r[i] = rgb[n - 1 - i];
			k[i] = ink[n - 1 - i];
			d[i] = density[n - 1 - i];
		}
		PageGeometry g = geometry;
		PageGeometry turned = new PageGeometry(g.pxPerMmX, g.pxPerMmY, g.scaleSource, g.angleDeg + 180, g.angleSource,
			g.warp.turnedHalf(), g.shrink, g.grid, g.fileDpi, g.orientation, g.paperDisplacement);
		return new PreparedPage(r, k, d, turned, inkModel, orientation, new HashMap<>());
	}

	public PreparedPage withGeometry(PageGeometry newGeometry) {
		return new PreparedPage(rgb, ink, density, newGeometry, inkModel, orientation, fromInk);
	}

	/** The same page with the evidence of which way up it is. */
	public PreparedPage withOrientation(Map<String, Object> evidence) {
		return new PreparedPage(rgb, ink, density, geometry, inkModel, evidence, fromInk);
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
