package org.ecgdigitizer.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ecgdigitizer.core.io.Json;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.signal.Digitization;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;

/**
 * The table the job writes: one row per page, ok or failed. docs/scale-out.md describes every
 * column; the values are those {@code digitize} writes into {@code NAME.json} and the record files.
 */
final class PageTable {

	static final String OK = "ok";
	static final String FAILED = "failed";

	/** One column per standard lead, in standard order: its samples in mV, null when the page does not print it. */
	static final StructType LEADS = leadStruct(DataTypes.createArrayType(DataTypes.FloatType, false));
	/** One column per standard lead: 0..1, null when the page does not print it. */
	static final StructType CONFIDENCE = leadStruct(DataTypes.DoubleType);

	static final StructType SCHEMA = new StructType(new StructField[] {
		field("source_path", DataTypes.StringType, false),
		field("record", DataTypes.StringType, false),
		field("status", DataTypes.StringType, false),
		field("error", DataTypes.StringType, true),
		field("layout", DataTypes.StringType, true),
		field("layout_source", DataTypes.StringType, true),
		field("px_per_mm_x", DataTypes.DoubleType, true),
		field("px_per_mm_y", DataTypes.DoubleType, true),
		field("scale_source", DataTypes.StringType, true),
		field("angle_deg", DataTypes.DoubleType, true),
		field("gain_mm_per_mv", DataTypes.DoubleType, true),
		field("gain_source", DataTypes.StringType, true),
		field("speed_mm_per_s", DataTypes.DoubleType, true),
		field("speed_source", DataTypes.StringType, true),
		field("fs", DataTypes.DoubleType, true),
		field("samples", DataTypes.IntegerType, true),
		field("leads", LEADS, true),
		field("confidence", CONFIDENCE, true),
		field("warnings", DataTypes.createArrayType(DataTypes.StringType, false), true),
		field("diagnostics", DataTypes.StringType, true),
		field("seconds", DataTypes.DoubleType, false),
		field("digitizer_version", DataTypes.StringType, false) });

	private PageTable() {}

	/** The row of a digitized page. */
	static Row ok(String sourcePath, String record, Digitization d, double seconds, String version) {
		LeadLayout layout = d.layout;
		EcgRecord leads = d.record.toStandardLeads();
		Object[] samples = new Object[Lead.values().length];
		Object[] confidence = new Object[Lead.values().length];
		for (Lead lead : Lead.values()) {
			Double c = d.leadConfidence.get(lead.label());
			boolean printed = c != null && !c.isNaN();
			samples[lead.ordinal()] = printed ? floats(leads.channel(lead.ordinal())) : null;
			confidence[lead.ordinal()] = printed ? c : null;
		}
		return RowFactory.create(sourcePath, record, OK, null, layout.layout.spec(), layout.layoutSource,
			finite(layout.geometry.pxPerMmX), finite(layout.geometry.pxPerMmY), layout.geometry.scaleSource.id(),
			finite(layout.geometry.angleDeg), finite(layout.gainMmPerMv), layout.gainSource, finite(layout.speedMmPerS),
			layout.speedSource, d.record.samplingFrequency(), d.record.length(), RowFactory.create(samples), RowFactory
				.create(confidence), d.warnings.toArray(new String[0]), Json.write(d.diagnostics()), seconds, version);
	}

	/** The row of a page that could not be digitized: its one-line error, nothing else. */
	static Row failed(String sourcePath, String record, String error, double seconds, String version) {
		return RowFactory.create(sourcePath, record, FAILED, error, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, seconds, version);
	}

	/** Samples as floats: 7 significant digits, far finer than the 1 uV a WFDB file keeps. */
	private static float[] floats(double[] v) {
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
		return out;
	}

	private static Double finite(double v) {
		return Double.isFinite(v) ? v : null;
	}

	private static StructType leadStruct(org.apache.spark.sql.types.DataType type) {
		List<StructField> fields = new ArrayList<>();
		for (String lead : Lead.standardLabels()) fields.add(field(lead, type, true));
		return new StructType(fields.toArray(new StructField[0]));
	}

	private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
		return DataTypes.createStructField(name, type, nullable);
	}
}
