package org.ecgdigitizer.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.PreparedPage;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

/**
 * What the stage commands pass on to each other through the rectified page image: its geometry,
 * its lead layout, the settings it was detected with and the record name, kept as ImageJ image
 * properties (JSON text), which ImageJ also saves in TIFF files. The lead boxes and traced paths
 * travel as overlay ROIs instead (see {@link LeadRois}), so that users can edit them.
 */
public final class PageProperties {

	/** {@link PageGeometry} JSON, set by Preprocess Page. */
	public static final String GEOMETRY = "ecg.geometry";
	/** Why the page was taken to be upright, as Preprocess Page decided. */
	public static final String ORIENTATION = "ecg.orientation";
	/** {@link LeadLayout} JSON, set by Detect Leads and updated by Extract Traces. */
	public static final String LAYOUT = "ecg.layout";
	/** The layout, gain and speed the user asked for at Detect Leads. */
	public static final String SETTINGS = "ecg.settings";
	/** Record name: the stem of the scanned image's title. */
	public static final String RECORD = "ecg.record";

	/** Title suffix of the rectified page: "scan-rectified". */
	public static final String RECTIFIED_SUFFIX = "-rectified";

	private PageProperties() {}

	/** The record name for an image title: its stem, with characters other than letters, digits, '_' and '-' replaced. */
	public static String recordName(String title) {
		String name = title == null || title.isBlank() ? "page" : title;
		if (name.endsWith(RECTIFIED_SUFFIX) && name.length() > RECTIFIED_SUFFIX.length()) {
			name = name.substring(0, name.length() - RECTIFIED_SUFFIX.length());
		}
		return BatchDigitizer.stem(java.nio.file.Paths.get(name.replace('/', '_').replace('\\', '_')));
	}

	/** The record name stored on a page, or one made from its title. */
	public static String recordName(ImagePlus page) {
		String stored = page.getProp(RECORD);
		return stored != null && !stored.isBlank() ? stored : recordName(page.getTitle());
	}

	public static void setRecordName(ImagePlus page, String name) {
		page.setProp(RECORD, name);
	}

	/**
	 * The resolution the image's calibration gives (ImageJ reads it from TIFF and PNG files), in
	 * dots per inch, or NaN when the image is not calibrated in a length unit.
	 */
	public static double fileDpi(ImagePlus image) {
		Calibration cal = image.getCalibration();
		if (cal == null || !cal.scaled() || cal.pixelWidth <= 0) return Double.NaN;
		double mmPerUnit;
		switch (cal.getUnit().toLowerCase(java.util.Locale.ROOT)) {
			case "inch":
			case "inches":
			case "in":
				mmPerUnit = 25.4;
				break;
			case "cm":
				mmPerUnit = 10;
				break;
			case "mm":
				mmPerUnit = 1;
				break;
			case "micron":
			case "um":
			case "\u00b5m":
				mmPerUnit = 0.001;
				break;
			default:
				return Double.NaN;
		}
		return 25.4 / (cal.pixelWidth * mmPerUnit);
	}

	/** Stores the geometry and sets the image's spatial calibration to millimetres from it. */
	/** A prepared page as Preprocess Page leaves it: rectified, calibrated in mm, geometry and name stored. */
	public static ImagePlus rectifiedPage(PreparedPage page, String name) {
		ImagePlus imp = new ImagePlus(name + RECTIFIED_SUFFIX, new ColorProcessor(page.width(), page.height(), page
			.rgbPixels()));
		setGeometry(imp, page.geometry);
		if (page.orientation != null) imp.setProp(ORIENTATION, Json.writeCompact(page.orientation));
		setRecordName(imp, name);
		return imp;
	}

	/** The resolution a command was given, or else the one the image file carries. */
	static double dpi(double given, ImagePlus image) {
		return given > 0 ? given : fileDpi(image);
	}

	public static void setGeometry(ImagePlus page, PageGeometry geometry) {
		page.setProp(GEOMETRY, Json.writeCompact(geometry.toJson()));
		ImagePlusAdapter.calibrateMm(page, geometry.pxPerMmX, geometry.pxPerMmY);
	}

	/** The page's geometry; fails when the image did not come out of Preprocess Page. */
	public static PageGeometry geometry(ImagePlus page) {
		String json = page.getProp(GEOMETRY);
		if (json == null || json.isBlank()) {
			throw new EcgException("image '" + page.getTitle() + "' is not a rectified page (it carries no page " +
				"geometry); select the '..." + RECTIFIED_SUFFIX + "' image that Preprocess Page or Digitize ECG made");
		}
		try {
			return PageGeometry.fromJson(Json.parse(json));
		}
		catch (RuntimeException e) {
			throw new EcgException("the page geometry stored on '" + page.getTitle() + "' is damaged (" + e
				.getMessage() + "); run Preprocess Page again");
		}
	}

	/** The prepared page rebuilt from the rectified pixels and the stored geometry. */
	public static PreparedPage preparedPage(ImagePlus page) {
		PageGeometry geometry = geometry(page);
		if (page.getWidth() != geometry.width() || page.getHeight() != geometry.height()) {
			throw new EcgException(String.format("image '%s' is %dx%d pixels but its geometry is for %dx%d; use the " +
				"rectified page as Preprocess Page made it (do not crop or scale it)", page.getTitle(), page.getWidth(),
				page.getHeight(), geometry.width(), geometry.height()));
		}
		if (page.getType() != ImagePlus.COLOR_RGB) {
			throw new EcgException("image '" + page.getTitle() + "' is not RGB; use the rectified page as Preprocess " +
				"Page made it");
		}
		int[] rgb = (int[]) ((ColorProcessor) page.getProcessor()).getPixels();
		PreparedPage prepared = Stages.fromRectified(rgb, geometry);
		String orientation = page.getProp(ORIENTATION);
		return orientation == null || orientation.isBlank() ? prepared : prepared.withOrientation(Json.object(Json.parse(
			orientation)));
	}

	/**
	 * Stores the layout with the geometry it was measured with (lead detection may correct the scale,
	 * from the calibration pulses, say) and calibrates the page with that scale. The preprocessing
	 * geometry stays as it was: the ink is separated with it.
	 */
	public static void setLayout(ImagePlus page, LeadLayout layout) {
		Map<String, Object> m = new LinkedHashMap<>(layout.toJson());
		m.put("geometry", layout.geometry.toJson());
		page.setProp(LAYOUT, Json.writeCompact(m));
		ImagePlusAdapter.calibrateMm(page, layout.geometry.pxPerMmX, layout.geometry.pxPerMmY);
	}

	/** The layout stored by Detect Leads or Extract Traces. */
	public static LeadLayout layout(ImagePlus page) {
		String json = page.getProp(LAYOUT);
		if (json == null || json.isBlank()) {
			throw new EcgException("image '" + page.getTitle() + "' carries no lead layout; run Detect Leads on it " +
				"first (or select the '..." + RECTIFIED_SUFFIX + "' page that has lead boxes)");
		}
		try {
			Map<String, Object> m = Json.object(Json.parse(json));
			PageGeometry geometry = m.get("geometry") != null ? PageGeometry.fromJson(m.get("geometry")) : geometry(
				page);
			return LeadLayout.fromJson(m, geometry);
		}
		catch (EcgException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new EcgException("the lead layout stored on '" + page.getTitle() + "' is damaged (" + e.getMessage() +
				"); run Detect Leads again");
		}
	}

	public static void setSettings(ImagePlus page, DigitizerSettings settings) {
		page.setProp(SETTINGS, Json.writeCompact(settings.toJson()));
	}

	/** The settings stored at Detect Leads, at another sampling frequency; the defaults when none are stored. */
	public static DigitizerSettings settings(ImagePlus page, double fs) {
		String json = page.getProp(SETTINGS);
		if (json == null || json.isBlank()) return DigitizerSettings.parse(fs, "auto", "auto", "auto");
		Map<String, Object> m = Json.object(Json.parse(json));
		return DigitizerSettings.parse(fs, String.valueOf(m.get("layout")), String.valueOf(m.get("gain")), String
			.valueOf(m.get("speed")));
	}
}
