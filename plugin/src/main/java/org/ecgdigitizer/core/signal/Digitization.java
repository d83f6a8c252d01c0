package org.ecgdigitizer.core.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.layout.LeadLayout;
import org.ecgdigitizer.core.trace.Trace;

/**
 * The outcome of digitizing one page: the 12-lead record and everything needed to judge it
 * (layout, calibration with its sources, traces, per-lead confidence, warnings).
 */
public final class Digitization {

	public final EcgRecord record;
	public final LeadLayout layout;
	public final List<Trace> traces;
	public final DigitizerSettings settings;
	/** Per standard lead: 0..1, NaN when the lead was not printed. */
	public final Map<String, Double> leadConfidence;
	public final List<String> warnings;

	public Digitization(EcgRecord record, LeadLayout layout, List<Trace> traces, DigitizerSettings settings,
		Map<String, Double> leadConfidence, List<String> warnings)
	{
		this.record = record;
		this.layout = layout;
		this.traces = Collections.unmodifiableList(new ArrayList<>(traces));
		this.settings = settings;
		this.leadConfidence = Collections.unmodifiableMap(new LinkedHashMap<>(leadConfidence));
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
	}

	/** The diagnostics written beside the signals as JSON. */
	public Map<String, Object> diagnostics() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("record", record.name());
		m.put("fs", record.samplingFrequency());
		m.put("duration_s", record.durationSeconds());
		m.put("layout", layout.layout.spec());
		m.put("layout_source", layout.layoutSource);
		m.put("lead_names_source", layout.namingSource);
		m.put("px_per_mm_x", layout.geometry.pxPerMmX);
		m.put("px_per_mm_y", layout.geometry.pxPerMmY);
		m.put("scale_source", layout.geometry.scaleSource.id());
		m.put("angle_deg", layout.geometry.angleDeg);
		m.put("angle_source", layout.geometry.angleSource.id());
		m.put("gain_mm_per_mv", layout.gainMmPerMv);
		m.put("gain_source", layout.gainSource);
		m.put("speed_mm_per_s", layout.speedMmPerS);
		m.put("speed_source", layout.speedSource);
		m.put("settings", settings.toJson());
		Map<String, Object> leads = new LinkedHashMap<>();
		for (Map.Entry<String, Double> e : leadConfidence.entrySet()) {
			Map<String, Object> lead = new LinkedHashMap<>();
			lead.put("confidence", e.getValue().isNaN() ? null : e.getValue());
			lead.put("printed", !e.getValue().isNaN());
			leads.put(e.getKey(), lead);
		}
		m.put("leads", leads);
		m.put("page", layout.toJson());
		List<Map<String, Object>> crossings = new ArrayList<>();
		for (Trace t : traces) if (t.nameCrossingJson() != null) crossings.add(t.nameCrossingJson());
		if (!crossings.isEmpty()) m.put("names_over_traces", crossings);
		m.put("geometry", layout.geometry.toJson());
		m.put("warnings", warnings);
		return m;
	}
}
