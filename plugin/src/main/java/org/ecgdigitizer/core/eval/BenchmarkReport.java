package org.ecgdigitizer.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.Median;
import org.ecgdigitizer.core.StageTimes;
import org.ecgdigitizer.core.io.Json;

/**
 * The outcome of a benchmark run: per condition, the score of every page and the summary the
 * table shows. Everything the summary needs is kept per page, so a report read back from JSON
 * gives the same table.
 *
 * <p>Pages the digitizer refused or crashed on count as empty predictions (each lead 0 dB), as
 * the Challenge scores a missing output. Skipped pages (an input without a reference, an
 * unreadable image) are listed but enter no number.</p>
 */
public final class BenchmarkReport {

	/** What happened to a page. */
	public enum Status {
		/** Digitized and scored. */
		OK,
		/** The digitizer refused or crashed; scored as an empty prediction. */
		FAILED,
		/** The input was unusable; not scored. */
		SKIPPED;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status parse(String id) {
			for (Status s : values()) if (s.id().equals(id)) return s;
			throw new EcgException("Unknown page status '" + id + "' in the benchmark report; use ok, failed or skipped");
		}
	}

	/** One page's outcome. */
	public static final class PageResult {
		public final String name;
		public final Status status;
		/** Why it failed or was skipped; "" when it worked. */
		public final String reason;
		/** What varied on the page. */
		public final String details;
		/** What the digitizer read from the page (layout, gain, speed, scale); "" if nothing. */
		public final String detected;
		/** Seconds the digitizer took (wall clock); NaN for a skipped page. */
		public final double seconds;
		/**
		 * CPU seconds of the thread that ran the digitizer; NaN when skipped or not measured. Unlike
		 * {@link #seconds} it barely changes when other programs keep the machine busy.
		 */
		public final double cpuSeconds;
		/** The Challenge 2024 SNR of each printed lead (NaN where undefined, e.g. a perfect copy). */
		public final Map<String, Double> leadSnr2024;
		/** The Kaggle powers summed over the page's printed leads. */
		public final double kaggleSignal;
		public final double kaggleNoise;
		/**
		 * The Challenge alignment's time shift of each predicted lead whose shift was applied, in samples:
		 * positive when the prediction runs late (its time 0 was put too early, left of the true start).
		 */
		public final Map<String, Integer> leadShift;
		/** The reference's sampling frequency (Hz), to turn shifts into milliseconds; NaN when skipped. */
		public final double samplingFrequency;
		/** The layout found against the page's truth; null when there is no truth or no layout to check. */
		public final LayoutCheck layout;
		/** CPU seconds of each stage; null when not measured (the baseline, a skipped page). */
		public final StageTimes stages;
		/**
		 * How far the digitizer's time 0 lies from the true one, in samples (positive: right of it, the
		 * prediction runs early); NaN when the page's truth has no single column of time 0 or the page
		 * was not digitized ({@link LayoutTruth#timeZeroError}).
		 */
		public final double timeZeroError;

		public PageResult(String name, Status status, String reason, String details, String detected, double seconds,
			double cpuSeconds, Map<String, Double> leadSnr2024, double kaggleSignal, double kaggleNoise,
			Map<String, Integer> leadShift, double samplingFrequency, LayoutCheck layout, StageTimes stages)
		{
			this(name, status, reason, details, detected, seconds, cpuSeconds, leadSnr2024, kaggleSignal, kaggleNoise,
				leadShift, samplingFrequency, layout, stages, Double.NaN);
		}

		public PageResult(String name, Status status, String reason, String details, String detected, double seconds,
			double cpuSeconds, Map<String, Double> leadSnr2024, double kaggleSignal, double kaggleNoise,
			Map<String, Integer> leadShift, double samplingFrequency, LayoutCheck layout, StageTimes stages,
			double timeZeroError)
		{
			this.name = name;
			this.status = status;
			this.reason = reason == null ? "" : reason;
			this.details = details == null ? "" : details;
			this.detected = detected == null ? "" : detected;
			this.seconds = seconds;
			this.cpuSeconds = cpuSeconds;
			this.leadSnr2024 = Collections.unmodifiableMap(new LinkedHashMap<>(leadSnr2024));
			this.kaggleSignal = kaggleSignal;
			this.kaggleNoise = kaggleNoise;
			this.leadShift = Collections.unmodifiableMap(new LinkedHashMap<>(leadShift));
			this.samplingFrequency = samplingFrequency;
			this.layout = layout;
			this.stages = stages;
			this.timeZeroError = timeZeroError;
		}

		/** A digitized (OK) or failed page with its scores. */
		public static PageResult scored(String name, Status status, String reason, String details, String detected,
			double seconds, double cpuSeconds, RecordScore score, double samplingFrequency, LayoutCheck layout,
			StageTimes stages)
		{
			Map<String, Double> leads = new LinkedHashMap<>();
			Map<String, Integer> shifts = new LinkedHashMap<>();
			double signal = 0, noise = 0;
			for (LeadScore l : score.leads) {
				if (!l.scored()) continue;
				leads.put(l.lead, l.snr2024);
				signal += l.kaggleSignal;
				noise += l.kaggleNoise;
				// a missing lead's zeros say nothing about where the digitizer put time 0
				if (l.predicted && l.shiftApplied) shifts.put(l.lead, l.shift);
			}
			return new PageResult(name, status, reason, details, detected, seconds, cpuSeconds, leads, signal, noise,
				shifts, samplingFrequency, layout, stages);
		}

		/** The same result with the error of its time 0, in samples. */
		public PageResult withTimeZeroError(double samples) {
			return new PageResult(name, status, reason, details, detected, seconds, cpuSeconds, leadSnr2024,
				kaggleSignal, kaggleNoise, leadShift, samplingFrequency, layout, stages, samples);
		}

		public static PageResult skipped(String name, String reason, String details) {
			return new PageResult(name, Status.SKIPPED, reason, details, "", Double.NaN, Double.NaN, Map.of(), 0, 0, Map
				.of(), Double.NaN, null, null);
		}

		/** The same result with another reason. */
		public PageResult withReason(String newReason) {
			return new PageResult(name, status, newReason, details, detected, seconds, cpuSeconds, leadSnr2024,
				kaggleSignal, kaggleNoise, leadShift, samplingFrequency, layout, stages, timeZeroError);
		}

		/** Whether the page enters the scores (digitized or failed, not skipped). */
		public boolean scored() {
			return status != Status.SKIPPED;
		}

		/** Mean 2024 SNR over the page's leads, undefined ones skipped; NaN when there is none. */
		public double meanSnr2024() {
			double sum = 0;
			int n = 0;
			for (double v : leadSnr2024.values()) {
				if (Double.isNaN(v)) continue;
				sum += v;
				n++;
			}
			return n == 0 ? Double.NaN : sum / n;
		}

		/** The page's Kaggle SNR in dB; NaN when nothing was printed. */
		public double snrKaggle() {
			return leadSnr2024.isEmpty() ? Double.NaN : KaggleSnr.db(KaggleSnr.ratio(kaggleSignal, kaggleNoise));
		}
	}

	/** One condition: its pages and the summary numbers. */
	public static final class ConditionResult {
		public final String name;
		public final String description;
		public final List<PageResult> pages;
		/** Largest heap in use while the digitizer ran on any of its pages, MB; NaN if not measured. */
		public final double peakHeapMb;
		/** What the digitizer was told about these pages instead of detecting it. */
		public final BenchmarkSettings settings;

		public ConditionResult(String name, String description, List<PageResult> pages, double peakHeapMb,
			BenchmarkSettings settings)
		{
			this.name = name;
			this.description = description == null ? "" : description;
			this.pages = Collections.unmodifiableList(new ArrayList<>(pages));
			this.peakHeapMb = peakHeapMb;
			this.settings = settings;
		}

		/** The pages of several conditions as one, with the largest peak heap. */
		public static ConditionResult combine(String name, String description, List<ConditionResult> parts) {
			List<PageResult> all = new ArrayList<>();
			double peak = Double.NaN;
			for (ConditionResult c : parts) {
				all.addAll(c.pages);
				if (!Double.isNaN(c.peakHeapMb)) peak = Double.isNaN(peak) ? c.peakHeapMb : Math.max(peak, c.peakHeapMb);
			}
			return new ConditionResult(name, description, all, peak, BenchmarkSettings.none());
		}

		/** Pages the digitizer was run on (all but the skipped). */
		public int attempted() {
			return count(Status.OK) + count(Status.FAILED);
		}

		public int failures() {
			return count(Status.FAILED);
		}

		public int skipped() {
			return count(Status.SKIPPED);
		}

		private int count(Status status) {
			int n = 0;
			for (PageResult p : pages) if (p.status == status) n++;
			return n;
		}

		/** Mean over pages of each page's mean lead SNR (2024), dB. */
		public double meanSnr2024() {
			double sum = 0;
			int n = 0;
			for (PageResult p : pages) {
				double v = p.scored() ? p.meanSnr2024() : Double.NaN;
				if (Double.isNaN(v)) continue;
				sum += v;
				n++;
			}
			return n == 0 ? Double.NaN : sum / n;
		}

		/** The worst page's mean lead SNR (2024), dB. */
		public double worstSnr2024() {
			PageResult w = worstPage();
			return w == null ? Double.NaN : w.meanSnr2024();
		}

		/** The page with the lowest mean lead SNR (the first of equals), or null. */
		public PageResult worstPage() {
			PageResult worst = null;
			for (PageResult p : pages) {
				if (!p.scored() || Double.isNaN(p.meanSnr2024())) continue;
				if (worst == null || p.meanSnr2024() < worst.meanSnr2024()) worst = p;
			}
			return worst;
		}

		/** The Challenge 2024 score: the mean over all (page, lead) pairs, dB. */
		public double overallSnr2024() {
			double sum = 0;
			int n = 0;
			for (PageResult p : pages) {
				if (!p.scored()) continue;
				for (double v : p.leadSnr2024.values()) {
					if (Double.isNaN(v)) continue;
					sum += v;
					n++;
				}
			}
			return n == 0 ? Double.NaN : sum / n;
		}

		/** The Kaggle 2025 score over the pages, dB. */
		public double snrKaggle() {
			List<Double> ratios = new ArrayList<>();
			for (PageResult p : pages) {
				if (p.scored() && !p.leadSnr2024.isEmpty()) ratios.add(KaggleSnr.ratio(p.kaggleSignal, p.kaggleNoise));
			}
			return KaggleSnr.score(ratios.stream().mapToDouble(Double::doubleValue).toArray());
		}

		/** Share of the true segments whose lead was named right, over pages with a layout check; NaN if none. */
		public double namedRate() {
			int named = 0, total = 0;
			for (PageResult p : pages) {
				if (!p.scored() || p.layout == null) continue;
				named += p.layout.named();
				total += p.layout.leads.size();
			}
			return total == 0 ? Double.NaN : named / (double) total;
		}

		/** Share of the pages with a layout check whose layout was right; NaN if none. */
		public double layoutRate() {
			int right = 0, total = 0;
			for (PageResult p : pages) {
				if (!p.scored() || p.layout == null) continue;
				total++;
				if (p.layout.layoutRight) right++;
			}
			return total == 0 ? Double.NaN : right / (double) total;
		}

		/** Mean alignment shift over every (page, lead) whose shift was applied, in samples; NaN if none. */
		public double meanShiftSamples() {
			return mean(shifts(false));
		}

		/** The same in milliseconds (each lead's shift at its page's sampling frequency). */
		public double meanShiftMs() {
			return mean(shifts(true));
		}

		/** Median of the same, in milliseconds: a systematic offset, unmoved by a few misplaced leads. */
		public double medianShiftMs() {
			double[] s = shifts(true);
			Arrays.sort(s);
			return Median.ofSorted(s);
		}

		private double[] shifts(boolean ms) {
			List<Double> out = new ArrayList<>();
			for (PageResult p : pages) {
				if (!p.scored()) continue;
				for (int shift : p.leadShift.values()) out.add(ms ? 1000.0 * shift / p.samplingFrequency : shift);
			}
			return out.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
		}

		private static double mean(double[] v) {
			return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
		}

		/** Mean error of the pages' time 0 against the truth, samples; NaN when no page has one. */
		public double meanTimeZeroError() {
			return mean(timeZeroErrors());
		}

		/**
		 * Mean size of what is left of the pages' time-0 errors after whole samples are taken out, in
		 * samples (0 to 0.5): the Challenge's alignment shifts by whole samples only, so this part
		 * stays in the score; NaN when no page has one.
		 */
		public double meanTimeZeroFraction() {
			return mean(Arrays.stream(timeZeroErrors()).map(e -> Math.abs(e - Math.rint(e))).toArray());
		}

		/** How many pages' time 0 was compared with the truth. */
		public int timeZeroPages() {
			return timeZeroErrors().length;
		}

		private double[] timeZeroErrors() {
			return pages.stream().filter(p -> p.status == Status.OK).mapToDouble(p -> p.timeZeroError).filter(
				Double::isFinite).toArray();
		}

		/** Median seconds per attempted page. */
		public double secondsMedian() {
			return Median.ofSorted(seconds(p -> p.seconds));
		}

		/** Median CPU seconds per attempted page. */
		public double cpuSecondsMedian() {
			return Median.ofSorted(seconds(p -> p.cpuSeconds));
		}

		/** Median CPU seconds of stage i of {@link StageTimes#STAGES} per attempted page. */
		public double stageCpuMedian(int stage) {
			return Median.ofSorted(seconds(p -> p.stages == null ? Double.NaN : p.stages.seconds(stage)));
		}

		/** 90th percentile of seconds per attempted page (nearest rank: the largest of up to 10 pages). */
		public double secondsP90() {
			double[] s = seconds(p -> p.seconds);
			if (s.length == 0) return Double.NaN;
			return s[(int) Math.ceil(0.9 * s.length) - 1];
		}

		private double[] seconds(ToDoubleFunction<PageResult> value) {
			double[] s = pages.stream().filter(PageResult::scored).mapToDouble(value).filter(v -> !Double.isNaN(v))
				.toArray();
			Arrays.sort(s);
			return s;
		}
	}

	/** "real" or "flat". */
	public final String digitizer;
	/** How the pages were made: source, seed, pages per condition, the command line. */
	public final Map<String, Object> setup;
	/** Where it ran: cores, CPU, Java, heap limit. */
	public final Map<String, Object> machine;
	/** When it ran (ISO 8601). */
	public final String date;
	public final List<ConditionResult> conditions;
	/**
	 * How fast the whole run went: threads, pages, wall seconds, pages per second of the run and of
	 * the digitizer alone, the run's peak heap; empty when not measured.
	 */
	public final Map<String, Object> throughput;

	public BenchmarkReport(String digitizer, Map<String, Object> setup, Map<String, Object> machine, String date,
		List<ConditionResult> conditions)
	{
		this(digitizer, setup, machine, date, conditions, Map.of());
	}

	public BenchmarkReport(String digitizer, Map<String, Object> setup, Map<String, Object> machine, String date,
		List<ConditionResult> conditions, Map<String, Object> throughput)
	{
		this.throughput = Collections.unmodifiableMap(new LinkedHashMap<>(throughput));
		this.digitizer = digitizer;
		this.setup = Collections.unmodifiableMap(new LinkedHashMap<>(setup));
		this.machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
		this.date = date;
		this.conditions = Collections.unmodifiableList(new ArrayList<>(conditions));
	}

	/** All conditions together, as the last row of the table. */
	public ConditionResult overall() {
		return ConditionResult.combine("all", "every page of every condition", conditions);
	}

	// ------------------------------------------------------------------ text

	/** The table: one line per condition and a last line over all of them. */
	public String table() {
		int width = 9;
		for (ConditionResult c : conditions) width = Math.max(width, c.name.length());
		String head = "%-" + width + "s %5s %6s %9s %9s %9s %9s %8s %8s %8s %8s %6s %8s %7s %7s %8s %6s %7s%n";
		StringBuilder sb = new StringBuilder();
		sb.append(String.format(Locale.ROOT, head, "condition", "pages", "failed", "mean dB", "worst dB", "all dB",
			"Kaggle dB", "s median", "s p90", "cpu s", "heap MB", "shift", "shift ms", "med ms", "named %", "layout %", "x0 err", "x0 frac"));
		for (ConditionResult c : conditions) row(sb, head, c);
		if (conditions.size() > 1) row(sb, head, overall());
		return sb.toString();
	}

	private static void row(StringBuilder sb, String format, ConditionResult c) {
		sb.append(String.format(Locale.ROOT, format, c.name, c.attempted(), c.failures(), fixed(c.meanSnr2024(), 2),
			fixed(c.worstSnr2024(), 2), fixed(c.overallSnr2024(), 2), fixed(c.snrKaggle(), 2), fixed(c.secondsMedian(), 2),
			fixed(c.secondsP90(), 2), fixed(c.cpuSecondsMedian(), 2), fixed(c.peakHeapMb, 0), fixed(c.meanShiftSamples(), 1),
			fixed(c.meanShiftMs(), 1), fixed(c.medianShiftMs(), 1), fixed(100 * c.namedRate(), 0), fixed(100 * c
				.layoutRate(), 0), fixed(c.meanTimeZeroError(), 2), fixed(c.meanTimeZeroFraction(), 2)));
	}

	/**
	 * Where the time went: per condition the median CPU seconds per page and of each stage, then the
	 * run's pages per second; "" when nothing was measured.
	 */
	public String speed() {
		if (conditions.stream().allMatch(c -> c.pages.stream().allMatch(p -> p.stages == null))) return "";
		int width = 9;
		for (ConditionResult c : conditions) width = Math.max(width, c.name.length());
		StringBuilder head = new StringBuilder("%-" + width + "s %8s");
		for (int i = 0; i < StageTimes.STAGES.length; i++) head.append(" %10s");
		String format = head.append("%n").toString();
		StringBuilder sb = new StringBuilder();
		List<Object> titles = new ArrayList<>(List.of("condition", "cpu s"));
		titles.addAll(List.of(StageTimes.STAGES));
		sb.append(String.format(Locale.ROOT, format, titles.toArray()));
		List<ConditionResult> rows = new ArrayList<>(conditions);
		if (conditions.size() > 1) rows.add(overall());
		for (ConditionResult c : rows) {
			List<Object> cells = new ArrayList<>(List.of(c.name, fixed(c.cpuSecondsMedian(), 3)));
			for (int i = 0; i < StageTimes.STAGES.length; i++) cells.add(fixed(c.stageCpuMedian(i), 3));
			sb.append(String.format(Locale.ROOT, format, cells.toArray()));
		}
		if (!throughput.isEmpty()) {
			sb.append(String.format(Locale.ROOT, "%s pages on %s thread(s) in %s s: %s pages/s for the run (making, " +
				"reading and scoring pages included), %s pages/s for the digitizer alone; peak heap %s MB%n",
				throughput.get("pages"), throughput.get("threads"), fixed(number(throughput.get("wall_seconds")), 1), fixed(
					number(throughput.get("pages_per_second")), 2), fixed(number(throughput.get(
						"digitizer_pages_per_second")), 2), fixed(number(throughput.get("peak_heap_mb")), 0)));
		}
		return sb.toString();
	}

	private static double number(Object o) {
		return o instanceof Number ? ((Number) o).doubleValue() : Double.NaN;
	}

	/** Failed and skipped pages with their reasons, one per line; "" when there are none. */
	public String problems() {
		StringBuilder sb = new StringBuilder();
		for (ConditionResult c : conditions) {
			for (PageResult p : c.pages) {
				if (p.status == Status.OK) continue;
				sb.append(String.format(Locale.ROOT, "%s %s/%s: %s%s%n", p.status == Status.FAILED ? "failed " : "skipped",
					c.name, p.name, p.reason, p.details.isEmpty() ? "" : " [" + p.details + "]"));
			}
		}
		return sb.toString();
	}

	/**
	 * Pages whose layout was not right, one per line with what was found and what is true; then the
	 * conditions' settings. "" when there is nothing to say.
	 */
	public String layoutProblems() {
		StringBuilder sb = new StringBuilder();
		for (ConditionResult c : conditions) {
			for (PageResult p : c.pages) {
				if (!p.scored() || p.layout == null || p.layout.layoutRight && p.layout.named() == p.layout.leads.size()) {
					continue;
				}
				sb.append(String.format(Locale.ROOT, "layout  %s/%s: %s%n", c.name, p.name, p.layout.summary()));
			}
		}
		return sb.toString();
	}

	/** The settings each condition's pages were digitized with, one line each; "" when none was fixed. */
	public String settingsUsed() {
		StringBuilder sb = new StringBuilder();
		for (ConditionResult c : conditions) {
			if (!c.settings.isEmpty()) sb.append(String.format(Locale.ROOT, "settings %s: %s%n", c.name, c.settings.describe()));
		}
		return sb.toString();
	}

	private static String fixed(double v, int decimals) {
		return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
	}

	// ------------------------------------------------------------------ JSON

	/** The report as JSON: setup, machine, and per condition its summary and every page. */
	public Map<String, Object> toJson() {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("digitizer", digitizer);
		root.put("date", date);
		root.put("setup", setup);
		root.put("machine", machine);
		List<Object> list = new ArrayList<>();
		for (ConditionResult c : conditions) list.add(conditionJson(c, true));
		root.put("conditions", list);
		root.put("all", conditionJson(overall(), false));
		root.put("throughput", throughput);
		return root;
	}

	private static Map<String, Object> conditionJson(ConditionResult c, boolean withPages) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", c.name);
		m.put("description", c.description);
		m.put("pages", c.attempted());
		m.put("failures", c.failures());
		m.put("skipped", c.skipped());
		m.put("mean_snr2024", c.meanSnr2024());
		m.put("worst_snr2024", c.worstSnr2024());
		PageResult worst = c.worstPage();
		m.put("worst_page", worst == null ? null : worst.name);
		m.put("overall_snr2024", c.overallSnr2024());
		m.put("snr_kaggle", c.snrKaggle());
		m.put("seconds_median", c.secondsMedian());
		m.put("seconds_p90", c.secondsP90());
		m.put("cpu_seconds_median", c.cpuSecondsMedian());
		Map<String, Object> stages = new LinkedHashMap<>();
		for (int i = 0; i < StageTimes.STAGES.length; i++) stages.put(StageTimes.STAGES[i], c.stageCpuMedian(i));
		m.put("stage_cpu_seconds_median", stages);
		m.put("peak_heap_mb", c.peakHeapMb);
		m.put("mean_shift_samples", c.meanShiftSamples());
		m.put("mean_shift_ms", c.meanShiftMs());
		m.put("median_shift_ms", c.medianShiftMs());
		m.put("named_rate", c.namedRate());
		m.put("layout_rate", c.layoutRate());
		m.put("time0_pages", c.timeZeroPages());
		m.put("time0_error_mean_samples", c.meanTimeZeroError());
		m.put("time0_fraction_mean_samples", c.meanTimeZeroFraction());
		if (!withPages) return m;
		m.put("settings", c.settings.toJson());
		List<Object> pages = new ArrayList<>();
		for (PageResult p : c.pages) {
			Map<String, Object> pm = new LinkedHashMap<>();
			pm.put("name", p.name);
			pm.put("status", p.status.id());
			pm.put("reason", p.reason);
			pm.put("details", p.details);
			pm.put("detected", p.detected);
			pm.put("seconds", p.seconds);
			pm.put("cpu_seconds", p.cpuSeconds);
			pm.put("stage_cpu_seconds", p.stages == null ? null : p.stages.toJson());
			pm.put("mean_snr2024", p.meanSnr2024());
			pm.put("snr_kaggle", p.snrKaggle());
			pm.put("kaggle_signal", p.kaggleSignal);
			pm.put("kaggle_noise", p.kaggleNoise);
			pm.put("leads", new LinkedHashMap<String, Object>(p.leadSnr2024));
			pm.put("sampling_frequency", p.samplingFrequency);
			pm.put("shifts", new LinkedHashMap<String, Object>(p.leadShift));
			pm.put("layout", p.layout == null ? null : p.layout.toJson());
			pm.put("time0_error_samples", p.timeZeroError);
			pages.add(pm);
		}
		m.put("page_results", pages);
		return m;
	}

	/** Reads a report written by {@link #toJson()}; the summaries are recomputed from the pages. */
	public static BenchmarkReport fromJson(Object json) {
		try {
			Map<String, Object> root = Json.object(json);
			List<ConditionResult> conditions = new ArrayList<>();
			for (Object o : Json.array(root.get("conditions"))) {
				Map<String, Object> c = Json.object(o);
				List<PageResult> pages = new ArrayList<>();
				for (Object po : Json.array(c.get("page_results"))) {
					Map<String, Object> p = Json.object(po);
					Map<String, Double> leads = new LinkedHashMap<>();
					for (Map.Entry<String, Object> e : Json.object(p.get("leads")).entrySet()) {
						leads.put(e.getKey(), Json.number(e.getValue(), Double.NaN));
					}
					Map<String, Integer> shifts = new LinkedHashMap<>();
					if (p.get("shifts") != null) {
						for (Map.Entry<String, Object> e : Json.object(p.get("shifts")).entrySet()) {
							shifts.put(e.getKey(), (int) Json.number(e.getValue(), 0));
						}
					}
					pages.add(new PageResult((String) p.get("name"), Status.parse((String) p.get("status")), (String) p.get(
						"reason"), (String) p.get("details"), (String) p.get("detected"), Json.number(p.get("seconds"),
							Double.NaN), Json.number(p.get("cpu_seconds"), Double.NaN), leads, Json.number(p.get(
								"kaggle_signal"), 0), Json.number(p.get("kaggle_noise"), 0), shifts, Json.number(p.get(
									"sampling_frequency"), Double.NaN), p.get("layout") == null ? null : LayoutCheck.fromJson(p.get(
										"layout")), StageTimes.fromJson(p.get("stage_cpu_seconds")), Json.number(p.get(
											"time0_error_samples"), Double.NaN)));
				}
				conditions.add(new ConditionResult((String) c.get("name"), (String) c.get("description"), pages, Json.number(c
					.get("peak_heap_mb"), Double.NaN), BenchmarkSettings.fromJson(c.get("settings"))));
			}
			return new BenchmarkReport((String) root.get("digitizer"), Json.object(root.get("setup")), Json.object(root.get(
				"machine")), (String) root.get("date"), conditions, root.get("throughput") == null ? Map.of() : Json.object(
					root.get("throughput")));
		}
		catch (ClassCastException | NullPointerException e) {
			throw new EcgException("This is not a benchmark report written by 'bench --json' (" + e.getMessage() + ")");
		}
	}
}
