package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgdigitizer.core.Box;
import org.ecgdigitizer.core.preprocess.PageGeometry;

/**
 * The result of lead detection: which layout the page has, where each lead segment is, and
 * the paper speed and gain, each with where it came from.
 */
public final class LeadLayout {

	public final PageLayout layout;
	/** "detected", "user", or "rows" (chosen from the row count alone). */
	public final String layoutSource;
	public final List<LeadRegion> regions;
	public final double speedMmPerS;
	/** "pulse", "user" or "default". */
	public final String speedSource;
	public final double gainMmPerMv;
	public final String gainSource;
	/** Seconds shown by a full-width row. */
	public final double pageSeconds;
	/** Image columns where record time 0 and pageSeconds are. */
	public final double x0;
	public final double x1;
	public final List<CalibrationPulse> pulses;
	/** "labels" when printed labels named the leads, "template" when the layout's order was assumed. */
	public final String namingSource;
	public final PageGeometry geometry;
	public final List<String> warnings;
	/** Column separator ticks printed across the traces: page furniture, not signal. */
	public final List<Box> separators;
	/** What detection saw and how it chose the layout. */
	public final LayoutEvidence evidence;
	/**
	 * Segments found on the page whose printed names were not read: traced beside the named ones, so
	 * that the signals can name them ({@code signal.UnreadLeads}); those left unnamed are not digitized.
	 */
	public final List<LeadRegion> unread;

	public LeadLayout(PageLayout layout, String layoutSource, List<LeadRegion> regions, double speedMmPerS,
		String speedSource, double gainMmPerMv, String gainSource, double pageSeconds, double x0, double x1,
		List<CalibrationPulse> pulses, String namingSource, PageGeometry geometry, List<String> warnings)
	{
		this(layout, layoutSource, regions, speedMmPerS, speedSource, gainMmPerMv, gainSource, pageSeconds, x0, x1,
			pulses, namingSource, geometry, warnings, Collections.emptyList());
	}

	public LeadLayout(PageLayout layout, String layoutSource, List<LeadRegion> regions, double speedMmPerS,
		String speedSource, double gainMmPerMv, String gainSource, double pageSeconds, double x0, double x1,
		List<CalibrationPulse> pulses, String namingSource, PageGeometry geometry, List<String> warnings,
		List<Box> separators)
	{
		this(layout, layoutSource, regions, speedMmPerS, speedSource, gainMmPerMv, gainSource, pageSeconds, x0, x1,
			pulses, namingSource, geometry, warnings, separators, LayoutEvidence.NONE);
	}

	public LeadLayout(PageLayout layout, String layoutSource, List<LeadRegion> regions, double speedMmPerS,
		String speedSource, double gainMmPerMv, String gainSource, double pageSeconds, double x0, double x1,
		List<CalibrationPulse> pulses, String namingSource, PageGeometry geometry, List<String> warnings,
		List<Box> separators, LayoutEvidence evidence)
	{
		this(layout, layoutSource, regions, speedMmPerS, speedSource, gainMmPerMv, gainSource, pageSeconds, x0, x1,
			pulses, namingSource, geometry, warnings, separators, evidence, Collections.emptyList());
	}

	public LeadLayout(PageLayout layout, String layoutSource, List<LeadRegion> regions, double speedMmPerS,
		String speedSource, double gainMmPerMv, String gainSource, double pageSeconds, double x0, double x1,
		List<CalibrationPulse> pulses, String namingSource, PageGeometry geometry, List<String> warnings,
		List<Box> separators, LayoutEvidence evidence, List<LeadRegion> unread)
	{
		this.unread = Collections.unmodifiableList(new ArrayList<>(unread));
		this.evidence = evidence == null ? LayoutEvidence.NONE : evidence;
		this.layout = layout;
		this.layoutSource = layoutSource;
		this.regions = Collections.unmodifiableList(new ArrayList<>(regions));
		this.speedMmPerS = speedMmPerS;
		this.speedSource = speedSource;
		this.gainMmPerMv = gainMmPerMv;
		this.gainSource = gainSource;
		this.pageSeconds = pageSeconds;
		this.x0 = x0;
		this.x1 = x1;
		this.pulses = Collections.unmodifiableList(new ArrayList<>(pulses));
		this.namingSource = namingSource;
		this.geometry = geometry;
		this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
		this.separators = Collections.unmodifiableList(new ArrayList<>(separators));
	}

	/** The same layout with other regions (after the user moved them, say). */
	public LeadLayout withRegions(List<LeadRegion> newRegions) {
		return new LeadLayout(layout, layoutSource, newRegions, speedMmPerS, speedSource, gainMmPerMv, gainSource,
			pageSeconds, x0, x1, pulses, namingSource, geometry, warnings, separators, evidence, unread);
	}

	/** The same layout on another geometry (a scale from elsewhere), with more warnings. */
	public LeadLayout withGeometry(PageGeometry newGeometry, List<String> moreWarnings) {
		List<String> w = new ArrayList<>(warnings);
		w.addAll(moreWarnings);
		return new LeadLayout(layout, layoutSource, regions, speedMmPerS, speedSource, gainMmPerMv, gainSource,
			pageSeconds, x0, x1, pulses, namingSource, newGeometry, w, separators, evidence, unread);
	}

	public LeadLayout withNaming(List<LeadRegion> newRegions, PageLayout newLayout, String source,
		List<String> moreWarnings)
	{
		List<String> w = new ArrayList<>(warnings);
		w.addAll(moreWarnings);
		return new LeadLayout(newLayout, layoutSource, newRegions, speedMmPerS, speedSource, gainMmPerMv, gainSource,
			pageSeconds, x0, x1, pulses, source, geometry, w, separators, evidence, unread);
	}

	/** The same layout with other evidence (segments the signals named, say). */
	public LeadLayout withEvidence(LayoutEvidence newEvidence) {
		if (newEvidence == evidence) return this;
		return new LeadLayout(layout, layoutSource, regions, speedMmPerS, speedSource, gainMmPerMv, gainSource,
			pageSeconds, x0, x1, pulses, namingSource, geometry, warnings, separators, newEvidence, unread);
	}

	/** The named regions followed by the unread ones: what the trace extractor follows. */
	public LeadLayout withUnreadTraced() {
		if (unread.isEmpty()) return this;
		List<LeadRegion> all = new ArrayList<>(regions);
		all.addAll(unread);
		return new LeadLayout(layout, layoutSource, all, speedMmPerS, speedSource, gainMmPerMv, gainSource, pageSeconds,
			x0, x1, pulses, namingSource, geometry, warnings, separators, evidence, Collections.emptyList());
	}

	/** Pixels per second along x. */
	public double pxPerSecond() {
		return geometry.pxPerMmX * speedMmPerS;
	}

	/** Pixels per millivolt along y. */
	public double pxPerMv() {
		return geometry.pxPerMmY * gainMmPerMv;
	}

	/** Reads what {@link #toJson()} wrote, with the page geometry it was detected on. */
	public static LeadLayout fromJson(Object json, PageGeometry geometry) {
		Map<String, Object> m = org.ecgdigitizer.core.io.Json.object(json);
		List<LeadRegion> regions = new ArrayList<>();
		for (Object r : org.ecgdigitizer.core.io.Json.array(m.get("regions"))) regions.add(LeadRegion.fromJson(r));
		List<CalibrationPulse> pulses = new ArrayList<>();
		for (Object p : org.ecgdigitizer.core.io.Json.array(m.get("pulses"))) {
			pulses.add(CalibrationPulse.fromJson(p, geometry.pxPerMmX, geometry.pxPerMmY));
		}
		List<Box> separators = new ArrayList<>();
		Object seps = m.get("separators");
		if (seps != null) for (Object b : org.ecgdigitizer.core.io.Json.array(seps)) separators.add(Box.fromJson(b));
		List<LeadRegion> unread = new ArrayList<>();
		Object u = m.get("unread_regions");
		if (u != null) for (Object r : org.ecgdigitizer.core.io.Json.array(u)) unread.add(LeadRegion.fromJson(r));
		List<String> warnings = new ArrayList<>();
		Object w = m.get("warnings");
		if (w != null) for (Object s : org.ecgdigitizer.core.io.Json.array(w)) warnings.add((String) s);
		return new LeadLayout(PageLayout.parse((String) m.get("layout")), (String) m.get("layout_source"), regions,
			num(m, "speed_mm_per_s"), (String) m.get("speed_source"), num(m, "gain_mm_per_mv"), (String) m.get(
				"gain_source"), num(m, "page_seconds"), num(m, "x0"), num(m, "x1"), pulses, (String) m.get(
					"lead_names_source"), geometry, warnings, separators, LayoutEvidence.fromJson(m.get("evidence")), unread);
	}

	private static double num(Map<String, Object> m, String key) {
		return org.ecgdigitizer.core.io.Json.number(m.get(key), Double.NaN);
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("layout", layout.spec());
		m.put("layout_source", layoutSource);
		m.put("lead_names_source", namingSource);
		m.put("speed_mm_per_s", speedMmPerS);
		m.put("speed_source", speedSource);
		m.put("gain_mm_per_mv", gainMmPerMv);
		m.put("gain_source", gainSource);
		m.put("page_seconds", pageSeconds);
		m.put("x0", x0);
		m.put("x1", x1);
		List<Object> p = new ArrayList<>();
		for (CalibrationPulse pulse : pulses) p.add(pulse.toJson());
		m.put("pulses", p);
		List<Object> seps = new ArrayList<>();
		for (Box b : separators) seps.add(b.toJson());
		m.put("separators", seps);
		List<Object> r = new ArrayList<>();
		for (LeadRegion region : regions) r.add(region.toJson(0));
		m.put("regions", r);
		List<Object> u = new ArrayList<>();
		for (LeadRegion region : unread) u.add(region.toJson(0));
		m.put("unread_regions", u);
		m.put("warnings", warnings);
		m.put("evidence", evidence.toJson());
		return m;
	}
}
