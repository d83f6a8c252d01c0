package org.ecgdigitizer.core.preprocess;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.io.Json;

/**
 * Where the page's millimetres are: its scale on each axis, the tilt that rectification
 * removed, and where each value came from. It flows from preprocessing through every later
 * stage; a stage that learns better (the calibration pulse contradicts a grid read five times
 * too coarse, say) returns a corrected copy.
 */
public final class PageGeometry {

	/**
	 * Where a scale came from, best first; UNKNOWN until lead detection finds a pulse. PDF: the PDF
	 * page's own size (points are exact), for vector pages and for rendered pages whose grid agrees.
	 */
	public enum ScaleSource {
		PDF, GRID, PULSE, DPI, UNKNOWN;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Where the tilt came from. */
	public enum AngleSource {
		GRID, TRACES, NONE;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public final double pxPerMmX;
	public final double pxPerMmY;
	public final ScaleSource scaleSource;
	/** Tilt of the original page, degrees clockwise; the rectified page has it removed. */
	public final double angleDeg;
	public final AngleSource angleSource;
	/** The map between the working image and rectified pixels. */
	public final Rectifier.Warp warp;
	/** The working image is the original shrunk by this whole factor (1 for all but very large images). */
	public final int shrink;
	/** The grid reading, or null when the page has no usable grid. */
	public final GridEstimate grid;
	/** The image file's resolution, NaN when unknown. */
	public final double fileDpi;
	/** What decided whether the page was turned a quarter, or null when it was not looked at. */
	public final Orientation.Reading orientation;
	/**
	 * How the paper was displaced (wrinkles, curl, folds) as its grid shows, and whether the
	 * rectified page undoes it; null when not measured (no grid).
	 */
	public final PaperDisplacement.Field paperDisplacement;
	/**
	 * Which ink model separated the ink (rules, learned or a model file's name; with the default,
	 * auto, the one it chose for this page), or null when no ink model ran (a vector PDF).
	 */
	public final String inkModel;

	public PageGeometry(double pxPerMmX, double pxPerMmY, ScaleSource scaleSource, double angleDeg,
		AngleSource angleSource, Rectifier.Warp warp, int shrink, GridEstimate grid, double fileDpi)
	{
		this(pxPerMmX, pxPerMmY, scaleSource, angleDeg, angleSource, warp, shrink, grid, fileDpi, null);
	}

	public PageGeometry(double pxPerMmX, double pxPerMmY, ScaleSource scaleSource, double angleDeg,
		AngleSource angleSource, Rectifier.Warp warp, int shrink, GridEstimate grid, double fileDpi,
		Orientation.Reading orientation)
	{
		this(pxPerMmX, pxPerMmY, scaleSource, angleDeg, angleSource, warp, shrink, grid, fileDpi, orientation, null);
	}

	public PageGeometry(double pxPerMmX, double pxPerMmY, ScaleSource scaleSource, double angleDeg,
		AngleSource angleSource, Rectifier.Warp warp, int shrink, GridEstimate grid, double fileDpi,
		Orientation.Reading orientation, PaperDisplacement.Field paperDisplacement)
	{
		this(pxPerMmX, pxPerMmY, scaleSource, angleDeg, angleSource, warp, shrink, grid, fileDpi, orientation,
			paperDisplacement, null);
	}

	private PageGeometry(double pxPerMmX, double pxPerMmY, ScaleSource scaleSource, double angleDeg,
		AngleSource angleSource, Rectifier.Warp warp, int shrink, GridEstimate grid, double fileDpi,
		Orientation.Reading orientation, PaperDisplacement.Field paperDisplacement, String inkModel)
	{
		this.inkModel = inkModel;
		this.paperDisplacement = paperDisplacement;
		this.pxPerMmX = pxPerMmX;
		this.pxPerMmY = pxPerMmY;
		this.scaleSource = scaleSource;
		this.angleDeg = angleDeg;
		this.angleSource = angleSource;
		this.warp = warp;
		this.shrink = shrink;
		this.grid = grid;
		this.fileDpi = fileDpi;
		this.orientation = orientation;
	}

	public PageGeometry withScale(double x, double y, ScaleSource source) {
		return new PageGeometry(x, y, source, angleDeg, angleSource, warp, shrink, grid, fileDpi, orientation,
			paperDisplacement, inkModel);
	}

	/** This geometry of the page turned half-way round (it was upside down). */
	public PageGeometry turnedHalf() {
		return new PageGeometry(pxPerMmX, pxPerMmY, scaleSource, angleDeg + 180, angleSource, warp.turnedHalf(), shrink,
			grid, fileDpi, orientation, paperDisplacement, inkModel);
	}

	/** This geometry, saying which ink model separated the page's ink. */
	public PageGeometry withInkModel(String model) {
		return new PageGeometry(pxPerMmX, pxPerMmY, scaleSource, angleDeg, angleSource, warp, shrink, grid, fileDpi,
			orientation, paperDisplacement, model);
	}

	public int width() {
		return warp.width;
	}

	public int height() {
		return warp.height;
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("px_per_mm_x", pxPerMmX);
		m.put("px_per_mm_y", pxPerMmY);
		m.put("scale_source", scaleSource.id());
		m.put("angle_deg", angleDeg);
		m.put("angle_source", angleSource.id());
		m.put("file_dpi", Double.isNaN(fileDpi) ? null : fileDpi);
		m.put("perspective_corrected", !warp.fromSource.isAffine());
		m.put("shrink", shrink);
		m.put("warp", warp.toJson());
		m.put("grid", grid == null ? null : grid.toJson());
		m.put("orientation", orientation == null ? null : orientation.toJson());
		m.put("paper_displacement", paperDisplacement == null ? null : paperDisplacement.toJson());
		m.put("ink_model", inkModel);
		return m;
	}

	/** Reads what {@link #toJson()} wrote (Fiji keeps it as an image property between stages). */
	public static PageGeometry fromJson(Object json) {
		Map<String, Object> m = Json.object(json);
		Object grid = m.get("grid");
		Object orientation = m.get("orientation");
		Object displacement = m.get("paper_displacement");
		return new PageGeometry(Json.number(m.get("px_per_mm_x"), Double.NaN), Json.number(m.get("px_per_mm_y"),
			Double.NaN), ScaleSource.valueOf(((String) m.get("scale_source")).toUpperCase(Locale.ROOT)), Json.number(m
				.get("angle_deg"), 0), AngleSource.valueOf(((String) m.get("angle_source")).toUpperCase(Locale.ROOT)),
			Rectifier.Warp.fromJson(m.get("warp")), (int) Json.number(m.get("shrink"), 1), grid == null ? null
				: GridEstimate.fromJson(grid), Json.number(m.get("file_dpi"), Double.NaN), orientation == null ? null
					: Orientation.Reading.fromJson(orientation), displacement == null ? null : PaperDisplacement.Field
						.fromJson(displacement), (String) m.get("ink_model"));
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "PageGeometry[%.4f x %.4f px/mm (%s), angle %.3f deg (%s)]", pxPerMmX,
			pxPerMmY, scaleSource.id(), angleDeg, angleSource.id());
	}
}
