package org.ecgdigitizer.command;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.BatchDigitizer;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.layout.LeadRegion;
import org.ecgdigitizer.core.preprocess.GridEstimate;
import org.ecgdigitizer.core.preprocess.PageGeometry;
import org.ecgdigitizer.core.preprocess.PreparedPage;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.EcgRecord;

import ij.macro.Interpreter;
import ij.measure.ResultsTable;

/** The digitizer's results as ImageJ tables, with the column names macros read them by. */
public final class ResultTables {

	public static final String MEASUREMENTS = "ECG page measurements";
	public static final String LEADS = "ECG leads";
	public static final String SIGNALS = "ECG signals";
	public static final String DIAGNOSTICS = "ECG diagnostics";
	public static final String SUMMARY = "ECG folder summary";

	private ResultTables() {}

	/** Shows a table in its own window, except headless or in a batch-mode macro. */
	public static void show(ResultsTable table, String title) {
		if (GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode()) return;
		table.show(title);
	}

	/** One row: the page's scale, tilt and grid, each with where it came from. */
	public static ResultsTable measurements(String page, PreparedPage prepared) {
		PageGeometry g = prepared.geometry;
		ResultsTable t = new ResultsTable();
		t.incrementCounter();
		t.addValue("Page", page);
		t.addValue("px_per_mm_x", g.pxPerMmX);
		t.addValue("px_per_mm_y", g.pxPerMmY);
		t.addValue("scale_source", g.scaleSource.id());
		t.addValue("angle_deg", g.angleDeg);
		t.addValue("angle_source", g.angleSource.id());
		t.addValue("perspective_corrected", g.warp.fromSource.isAffine() ? 0 : 1);
		t.addValue("shrink", g.shrink);
		t.addValue("file_dpi", g.fileDpi);
		GridEstimate grid = g.grid;
		t.addValue("grid_found", grid != null && grid.found ? 1 : 0);
		t.addValue("grid_strength_x", grid == null ? Double.NaN : grid.strengthX);
		t.addValue("grid_strength_y", grid == null ? Double.NaN : grid.strengthY);
		t.addValue("grid_1mm_and_5mm_x", grid != null && grid.minorAndMajorX ? 1 : 0);
		t.addValue("grid_1mm_and_5mm_y", grid != null && grid.minorAndMajorY ? 1 : 0);
		t.addValue("grid_coverage", grid == null ? Double.NaN : grid.coverage);
		t.addValue("ink_colour_separated", prepared.inkModel.colourSeparated ? 1 : 0);
		t.addValue("grid_darkness_rgb", rgb(prepared.inkModel.gridColour));
		t.addValue("ink_darkness_rgb", rgb(prepared.inkModel.inkColour));
		t.addValue("width_px", g.width());
		t.addValue("height_px", g.height());
		t.addValue("width_mm", g.width() / g.pxPerMmX);
		t.addValue("height_mm", g.height() / g.pxPerMmY);
		return t;
	}

	private static String rgb(double[] v) {
		if (v == null || v.length < 3) return "";
		return String.format(Locale.ROOT, "%.3f %.3f %.3f", v[0], v[1], v[2]);
	}

	/** One row per lead box, in page pixels and seconds. */
	public static ResultsTable leads(LeadLayout layout) {
		ResultsTable t = new ResultsTable();
		for (LeadRegion r : layout.regions) {
			t.incrementCounter();
			t.addValue("Lead", r.label());
			t.addValue("Row", r.row + 1);
			t.addValue("Column", r.column + 1);
			t.addValue("Rhythm", r.rhythm ? 1 : 0);
			t.addValue("Start_s", r.startSeconds);
			t.addValue("End_s", r.endSeconds);
			t.addValue("X", r.box.x);
			t.addValue("Y", r.box.y);
			t.addValue("Width", r.box.width);
			t.addValue("Height", r.box.height);
			t.addValue("Baseline_y", r.baselineY);
			t.addValue("Confidence", r.confidence);
		}
		return t;
	}

	/** Time in seconds, then one column per lead in mV (NaN where the lead was not printed). */
	public static ResultsTable signals(EcgRecord record) {
		ResultsTable t = new ResultsTable(record.length());
		double fs = record.samplingFrequency();
		double[] time = new double[record.length()];
		for (int k = 0; k < time.length; k++) time[k] = k / fs;
		t.setValues("time_s", time);
		for (int c = 0; c < record.leadCount(); c++) t.setValues(record.leadNames().get(c), record.channel(c));
		t.setPrecision(4);
		return t;
	}

	/** Item, value and where the value came from: scale, tilt, gain, speed, layout, per-lead confidence, warnings. */
	public static ResultsTable diagnostics(Digitization d) {
		LeadLayout l = d.layout;
		PageGeometry g = l.geometry;
		ResultsTable t = new ResultsTable();
		item(t, "record", d.record.name(), "");
		item(t, "layout", l.layout.spec(), l.layoutSource);
		item(t, "lead order", l.layout.isCabrera() ? "Cabrera" : "standard", l.namingSource);
		item(t, "px/mm x", number(g.pxPerMmX), g.scaleSource.id());
		item(t, "px/mm y", number(g.pxPerMmY), g.scaleSource.id());
		item(t, "angle (deg)", number(g.angleDeg), g.angleSource.id());
		item(t, "perspective corrected", g.warp.fromSource.isAffine() ? "no" : "yes", "");
		item(t, "gain (mm/mV)", number(l.gainMmPerMv), l.gainSource);
		item(t, "speed (mm/s)", number(l.speedMmPerS), l.speedSource);
		item(t, "sampling frequency (Hz)", number(d.record.samplingFrequency()), "settings");
		item(t, "duration (s)", number(d.record.durationSeconds()), "");
		for (Map.Entry<String, Double> e : d.leadConfidence.entrySet()) {
			item(t, "confidence " + e.getKey(), e.getValue().isNaN() ? "not printed" : number(e.getValue()), "");
		}
		for (String w : d.warnings) item(t, "warning", w, "");
		return t;
	}

	private static void item(ResultsTable t, String item, String value, String source) {
		t.incrementCounter();
		t.addValue("Item", item);
		t.addValue("Value", value);
		t.addValue("Source", source == null ? "" : source);
	}

	private static String number(double v) {
		if (Double.isNaN(v)) return "NaN";
		return String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
	}

	/** One row per page of a folder run: which input made which record, and how well. */
	public static ResultsTable summary(List<BatchDigitizer.Result> results) {
		ResultsTable t = new ResultsTable();
		for (BatchDigitizer.Result r : results) {
			t.incrementCounter();
			t.addValue("File", r.input == null ? "" : r.input.getFileName().toString());
			t.addValue("Page", r.page);
			t.addValue("Record", r.stem);
			t.addValue("Status", r.status);
			t.addValue("Message", r.message == null ? "" : r.message);
			t.addValue("Read as", r.readAs);
			t.addValue("Layout", r.layout);
			t.addValue("Leads digitized", r.leadsDigitized < 0 ? Double.NaN : r.leadsDigitized);
			t.addValue("Leads printed", r.leadsPrinted < 0 ? Double.NaN : r.leadsPrinted);
			t.addValue("Mean confidence", r.meanConfidence);
			t.addValue("px_per_mm_x", r.pxPerMmX);
			t.addValue("px_per_mm_y", r.pxPerMmY);
			t.addValue("Scale source", r.scaleSource);
			t.addValue("Seconds", r.seconds);
		}
		return t;
	}
}
