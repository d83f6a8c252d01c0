package org.ecgdigitizer.core.preprocess;

import java.util.Arrays;

/**
 * Finds the ECG grid: the tilt of its lines and its pitch along each axis, from the darkness
 * plane of a page.
 *
 * <p>The tilt comes from a coarse-to-fine search for the projection angle that makes the
 * profiles sharpest, then from the phase drift of the grid period across strips of the
 * page, which is precise to a few thousandths of a degree. The pitch comes from the
 * spectrum of the profile across each line family: the 1 mm period and its 5 mm emphasis,
 * refined on a strong harmonic.</p>
 */
public final class GridAnalysis {

	/** Smallest and largest 1 mm pitch considered: 60 to 640 dpi. */
	static final double MIN_PX_PER_MM = 2.36;
	static final double MAX_PX_PER_MM = 25.2;
	/**
	 * An image of an ECG shows a page, or most of one: its long side is about a page's long side
	 * (PAGE_MM). Of a lone pattern's two readings (1 mm or 5 mm lines), the one that makes the long
	 * side nearer to that is taken; they meet where the 1 mm reading makes it PAGE_MM / sqrt(5).
	 */
	static final double SHORTEST_LIKELY_SIDE_MM = 280 / Math.sqrt(5);
	/** A spectral peak must stand this far above the median power to count as a grid period. */
	static final double SIGNIFICANCE = 12;
	/** Rotations searched, degrees. */
	static final double MAX_ANGLE = 15;

	/** Strips of the page whose grid phases give a line family's tilt. */
	static final int PHASE_STRIPS = 8;
	/** A pass of phase refinement that moves a strip's lines by less than this (px) across the strip is the last. */
	static final double SETTLED_PX = 0.02;

	/** A refined tilt whose profile keeps less than this share of the starting tilt's variance slipped. */
	static final double SLIP = 0.8;

	private GridAnalysis() {}

	/** One axis: the period of the lines crossing it. */
	static final class AxisPeriod {
		double pxPerMm = Double.NaN;
		double strength;
		boolean minorAndMajor;
		/** Frequency (cycles/px) of the finest non-harmonic comb, used for phase measurements. */
		double phaseFrequency = Double.NaN;
		/** Share of the profile's variance that is periodic with the found pattern (1 = all of it). */
		double periodicity;
		/** The comb chosen: its teeth are this many times finer than the strongest spectral peak. */
		int comb;
		/** How much power each comb (index: how many times finer than the peak) explains. */
		final double[] combScores = new double[MAX_COMB + 1];

		/** No period read: the axis has no comb to refine its tilt by, so no later step gives it a pitch. */
		boolean none() {
			return Double.isNaN(pxPerMm) && Double.isNaN(phaseFrequency);
		}
	}

	/** Combs tried: up to this many times finer than the strongest peak. */
	static final int MAX_COMB = 12;
	/** A weak axis's comb that confirms the other axis explains at least this share of its best comb's power... */
	static final double AGREEING_COMB = 0.5;
	/** ...and reads the other axis's millimetre this closely (log ratio). */
	static final double CONFIRMING_LOG = 0.01;

	/** A grid repeats across the whole page: most of the profile's variance must be periodic. */
	static final double MIN_PERIODICITY = 0.4;
	/** Paper millimetres are square: pitches on the two axes may differ this much (log ratio) for perspective. */
	static final double MAX_ASPECT_LOG = 0.1;

	/**
	 * @param plane grid plane (see {@link Planes#gridPlane}), 0 = paper
	 * @param dpiHint the file's resolution if known, else NaN; resolves a pitch that could be 1 or 5 mm
	 */
	public static GridEstimate analyze(float[] plane, int w, int h, double dpiHint) {
		// A whole page's comb can be faint (a photocopy keeps only some lines) and its phase slip; a
		// tile's or a rectified page's reading starts from a tilt that is only roughly right.
		return refine(plane, w, h, dpiHint, coarseTan(plane, w, h, 0, MAX_ANGLE, Double.NaN), Math.max(1, Math.min(w,
			h) / 700), 2, true);
	}

	/**
	 * Like {@link #analyze(float[], int, int, double)}, searching tilts within halfRangeDeg of
	 * centreDeg only, on a part of a page whose scale is roughly known (pxPerMmGuess; NaN: the
	 * plane is a whole page).
	 */
	public static GridEstimate analyze(float[] plane, int w, int h, double dpiHint, double centreDeg,
		double halfRangeDeg, double pxPerMmGuess)
	{
		return refine(plane, w, h, dpiHint, coarseTan(plane, w, h, centreDeg, halfRangeDeg, pxPerMmGuess));
	}

	/**
	 * {@link #analyze(float[], int, int, double, double, double, double)} of a tile whose reading
	 * matters only when it shows the grid, without a dpi hint; null when an axis's profile at the
	 * searched tilt shows no period ({@link AxisPeriod#none}), as then the grid cannot be found.
	 */
	static GridEstimate analyzeTile(float[] plane, int w, int h, double centreDeg, double halfRangeDeg,
		double pxPerMmGuess)
	{
		return refine(plane, w, h, Double.NaN, coarseTan(plane, w, h, centreDeg, halfRangeDeg, pxPerMmGuess), Math.max(
			1, Math.min(w, h) / 700), 2, false, false, true);
	}

	/** The grid reading starting from a tilt already known to within about half a degree (no search). */
	public static GridEstimate refine(float[] plane, int w, int h, double dpiHint, double tan) {
		return refine(plane, w, h, dpiHint, tan, Math.max(1, Math.min(w, h) / 700), 2, false);
	}

	/**
	 * A quick look at a part of a page read at the page's tilt: one pass of phase refinement, every
	 * other pixel along the lines. A family whose lines the phases put within SETTLED_PX of that tilt
	 * across every strip keeps the profile it was read at: projected again at the refined tilt, its
	 * lines would move by less than that across a strip, and its period is read from the same lines.
	 * Null, as {@link #analyzeTile}, when an axis shows no period.
	 */
	static GridEstimate quickLook(float[] plane, int w, int h, double tan) {
		return quickLook(plane, 0, w, w, h, tan);
	}

	/**
	 * {@link #quickLook(float[], int, int, double)} of the w x h rectangle of a plane whose rows are scan
	 * pixels long, starting at origin: the same reading as of a copy of the rectangle.
	 */
	static GridEstimate quickLook(float[] plane, int origin, int scan, int w, int h, double tan) {
		return refine(new Profiles.Projector(plane, origin, scan, w, h, false), w, h, Double.NaN, tan, 2, 1, false,
			true, true);
	}

	/**
	 * {@link #refine(float[], int, int, double, double)} with a profile stride and a number of phase
	 * passes; with keepSharper, a phase-refined tilt that blurs the profile is dropped.
	 */
	static GridEstimate refine(float[] plane, int w, int h, double dpiHint, double tan, int stride, int passes,
		boolean keepSharper)
	{
		return refine(plane, w, h, dpiHint, tan, stride, passes, keepSharper, false, false);
	}

	/**
	 * {@link #refine(float[], int, int, double, double, int, int, boolean)}; with keepSettled, a family
	 * whose tilt moved its lines by less than SETTLED_PX across a strip keeps its first profile
	 * ({@link #quickLook}). A whole page's reading does not: its pitch is the page's scale, and reading
	 * it at the tilt the search started from cost rotated pages of the generated matrix 0.1-0.35 dB.
	 * With nullWithoutPeriod, null as soon as an axis shows no period.
	 */
	private static GridEstimate refine(float[] plane, int w, int h, double dpiHint, double tan, int stride,
		int passes, boolean keepSharper, boolean keepSettled, boolean nullWithoutPeriod)
	{
		// a plane read at every pixel is projected often enough here to be worth copying by columns
		return refine(new Profiles.Projector(plane, w, h, stride == 1), w, h, dpiHint, tan, stride, passes,
			keepSharper, keepSettled, nullWithoutPeriod);
	}

	private static GridEstimate refine(Profiles.Projector projector, int w, int h, double dpiHint, double tan,
		int stride, int passes, boolean keepSharper, boolean keepSettled, boolean nullWithoutPeriod)
	{
		double tanH = tan;
		double tanV = tan;
		int longSide = Math.max(w, h);
		double[] acrossH = projector.profile(tanH, true, stride);
		AxisPeriod py = period(acrossH, dpiHint, longSide);
		if (nullWithoutPeriod && py.none()) return null;
		double[] acrossV = projector.profile(tanV, false, stride);
		AxisPeriod px = period(acrossV, dpiHint, longSide);
		if (nullWithoutPeriod && px.none()) return null;
		// The drift of the grid phase across strips of the page gives each line family's tilt precisely.
		// A pass measures each strip's lines at the tilt of the pass before; a tilt that moved so little that
		// its lines stay within SETTLED_PX across a strip leaves nothing for another pass to sharpen.
		boolean settledH = Double.isNaN(py.phaseFrequency);
		boolean settledV = Double.isNaN(px.phaseFrequency);
		for (int pass = 0; pass < passes; pass++) {
			if (!settledH) {
				double before = tanH;
				tanH = phaseTan(projector, w, h, tanH, true, py.phaseFrequency, stride);
				settledH = Math.abs(tanH - before) * w / PHASE_STRIPS < SETTLED_PX;
			}
			if (!settledV) {
				double before = tanV;
				tanV = phaseTan(projector, w, h, tanV, false, px.phaseFrequency, stride);
				settledV = Math.abs(tanV - before) * h / PHASE_STRIPS < SETTLED_PX;
			}
		}
		// A phase slip (a faint or dotted comb) can tilt a family off its lines: a tilt that blurs the
		// profile (beyond what noise explains) is no refinement. A family whose tilt stayed (no comb to
		// follow), or in a quick look settled, keeps its profile and its period.
		double[] refinedH = tanH == tan || keepSettled && settled(tanH, tan, w) ? acrossH : projector.profile(tanH,
			true, stride);
		double[] refinedV = tanV == tan || keepSettled && settled(tanV, tan, h) ? acrossV : projector.profile(tanV,
			false, stride);
		if (keepSharper && Profiles.variance(refinedH) < SLIP * Profiles.variance(acrossH)) {
			tanH = tan;
			refinedH = acrossH;
		}
		if (keepSharper && Profiles.variance(refinedV) < SLIP * Profiles.variance(acrossV)) {
			tanV = tan;
			refinedV = acrossV;
		}
		if (refinedH != acrossH) py = period(refinedH, dpiHint, longSide);
		if (refinedV != acrossV) px = period(refinedV, dpiHint, longSide);
		// Paper has square millimetres. Where the axes disagree, the one whose pattern repeats less
		// is usually swamped by something else: on a photocopy the trace baselines are as black as
		// the grid and run along its horizontal lines, and the beat of thin lines against the pixel
		// grid lets a comb three lines wide win. It takes the other axis's millimetre when one of
		// its own combs, nearly as strong, reads that millimetre too.
		if (!agree(py, px, tanH, tanV)) {
			if (py.periodicity < px.periodicity && confirms(refinedH, dpiHint, longSide, py, px, tanH, tanV)) {
				py = sameMillimetre(py, px, tanV, tanH);
			}
			else if (px.periodicity < py.periodicity && confirms(refinedV, dpiHint, longSide, px, py, tanV, tanH)) {
				px = sameMillimetre(px, py, tanH, tanV);
			}
		}
		// Across tilted lines the profile stretches the spacing by 1/cos: undo it.
		double pmmY = py.pxPerMm * Math.cos(Math.atan(tanH));
		double pmmX = px.pxPerMm * Math.cos(Math.atan(tanV));
		// Paper has square millimetres: an axis that saw only one comb takes the reading that agrees
		// with the other axis when they differ by the 1 mm / 5 mm ambiguity.
		if (!Double.isNaN(pmmX) && !Double.isNaN(pmmY)) {
			if (px.minorAndMajor && !py.minorAndMajor) pmmY = matchScale(pmmY, pmmX);
			else if (py.minorAndMajor && !px.minorAndMajor) pmmX = matchScale(pmmX, pmmY);
		}
		boolean found = !Double.isNaN(pmmX) && !Double.isNaN(pmmY) && px.periodicity >= MIN_PERIODICITY &&
			py.periodicity >= MIN_PERIODICITY && Math.abs(Math.log(pmmX / pmmY)) <= MAX_ASPECT_LOG;
		return new GridEstimate(found, Math.toDegrees(Math.atan(tanH)), Math.toDegrees(Math.atan(tanV)), pmmX, pmmY,
			px.strength, py.strength, px.minorAndMajor, py.minorAndMajor);
	}

	/** Whether a tilt moved from start so little that its lines move by less than SETTLED_PX across a strip of the length. */
	private static boolean settled(double tan, double start, int length) {
		return Math.abs(tan - start) * length / PHASE_STRIPS < SETTLED_PX;
	}

	/** Whether two axes read the same millimetre (each corrected for its tilt), within MAX_ASPECT_LOG. */
	private static boolean agree(AxisPeriod py, AxisPeriod px, double tanH, double tanV) {
		double y = py.pxPerMm * Math.cos(Math.atan(tanH));
		double x = px.pxPerMm * Math.cos(Math.atan(tanV));
		return Double.isNaN(x) || Double.isNaN(y) || Math.abs(Math.log(x / y)) <= MAX_ASPECT_LOG;
	}

	/**
	 * Whether a weak axis has a comb, explaining at least AGREEING_COMB of its best comb's power,
	 * that reads the strong axis's millimetre within CONFIRMING_LOG; the strong axis must repeat well.
	 */
	private static boolean confirms(double[] profile, double dpiHint, int longSide, AxisPeriod weak, AxisPeriod strong,
		double weakTan, double strongTan)
	{
		if (strong.periodicity < MIN_PERIODICITY || weak.comb == 0) return false;
		double target = strong.pxPerMm * Math.cos(Math.atan(strongTan));
		for (int m = 1; m <= MAX_COMB; m++) {
			if (m == weak.comb || weak.combScores[m] < AGREEING_COMB * weak.combScores[weak.comb]) continue;
			AxisPeriod alternative = period(profile, dpiHint, longSide, m);
			double reading = alternative.pxPerMm * Math.cos(Math.atan(weakTan));
			if (Math.abs(Math.log(reading / target)) <= CONFIRMING_LOG) return true;
		}
		return false;
	}

	/** A weak axis confirmed by a strong one: the strong axis's millimetre and regularity. */
	private static AxisPeriod sameMillimetre(AxisPeriod weak, AxisPeriod strong, double strongTan, double weakTan) {
		AxisPeriod out = new AxisPeriod();
		out.pxPerMm = strong.pxPerMm * Math.cos(Math.atan(strongTan)) / Math.cos(Math.atan(weakTan));
		out.strength = weak.strength;
		out.periodicity = strong.periodicity;
		out.minorAndMajor = strong.minorAndMajor;
		out.phaseFrequency = weak.phaseFrequency;
		return out;
	}

	/** Paper is about this many millimetres across its long side (A4 and Letter landscape). */
	static final double PAGE_MM = 280;
	/** Shading is what varies more slowly than this (mm): more than half of the 5 mm grid period. */
	static final double SHADING_RADIUS_MM = 3;

	/**
	 * Tangent of the page tilt: the projection angle that makes the profiles of both line
	 * families sharpest, searched over +-15 degrees on a small copy of the page, then refined
	 * on a larger one. The copies are flattened first (each pixel less its surroundings' mean):
	 * wrinkles, folds, uneven light and colour casts shade paper over centimetres, and a broad
	 * shadow would otherwise outweigh a faint grid in every projection and win the search at its
	 * own angle. Lines are only millimetres apart and survive.
	 */
	static double coarseTan(float[] plane, int w, int h) {
		return coarseTan(plane, w, h, 0, MAX_ANGLE, Double.NaN);
	}

	static double coarseTan(float[] plane, int w, int h, double centreDeg, double halfRangeDeg, double pxPerMmGuess) {
		// until the scale is known, the page is assumed to fill the image (a photo's page is smaller: a wider radius)
		double mm = Double.isNaN(pxPerMmGuess) ? Math.max(w, h) / PAGE_MM : pxPerMmGuess;
		int f1 = Math.max(1, Math.round(Math.max(w, h) / 500f));
		int w1 = w / f1;
		int h1 = h / f1;
		Profiles.Projector small = new Profiles.Projector(flattened(Planes.downsampleSmooth(plane, w, h, f1), w1, h1, mm / f1),
			w1, h1, true);
		double step1 = Math.toDegrees(Math.atan(2.0 / Math.max(w1, h1)));
		// a coarse sweep at a few times the final step, then the final step around its best angle
		double sweep = Math.min(0.5, 3 * step1);
		double deg = bestAngle(small, centreDeg - halfRangeDeg, centreDeg + halfRangeDeg, sweep);
		if (sweep > step1) deg = bestAngle(small, deg - sweep, deg + sweep, step1);
		int f2 = Math.max(1, Math.round(Math.max(w, h) / 1100f));
		if (f2 < f1) {
			int w2 = w / f2;
			int h2 = h / f2;
			Profiles.Projector mid = new Profiles.Projector(flattened(Planes.downsampleSmooth(plane, w, h, f2), w2, h2, mm
				/ f2), w2, h2, true);
			double step2 = Math.toDegrees(Math.atan(0.5 / Math.max(w2, h2)));
			deg = bestAngle(mid, deg - 1.5 * step1, deg + 1.5 * step1, step2);
		}
		return Math.tan(Math.toRadians(deg));
	}

	/** A plane less its shading, at pxPerMm pixels per millimetre. */
	private static float[] flattened(float[] plane, int w, int h, double pxPerMm) {
		return Planes.aboveLocalMean(plane, w, h, (int) Math.max(1, Math.round(pxPerMm * SHADING_RADIUS_MM)));
	}

	private static double bestAngle(Profiles.Projector p, double from, double to, double step) {
		double bestScore = -1;
		double best = 0;
		int n = (int) Math.ceil((to - from) / step);
		double[] tans = new double[n + 1];
		for (int i = 0; i <= n; i++) tans[i] = Math.tan(Math.toRadians(from + i * step));
		// only the best tilt's score and its neighbours' are read
		double[] scores = Profiles.sharpest(p, tans, 2);
		for (int i = 0; i <= n; i++) {
			if (scores[i] > bestScore) {
				bestScore = scores[i];
				best = from + i * step;
			}
		}
		// parabolic interpolation around the best sample
		int i = (int) Math.round((best - from) / step);
		if (i > 0 && i < n) {
			double a = scores[i - 1];
			double b = scores[i];
			double c = scores[i + 1];
			double denom = a - 2 * b + c;
			if (denom < 0) best += step * 0.5 * (a - c) / denom;
		}
		return best;
	}

	/**
	 * Splits the page into strips along a line family and locates the grid period in each;
	 * the line through those positions has the family's true tilt. Returns that tangent
	 * (dy/dx for horizontal lines, -dx/dy for vertical ones, as {@link Profiles.Projector#profile} uses).
	 */
	static double phaseTan(Profiles.Projector p, int w, int h, double tan, boolean horizontalLines, double freq,
		int stride)
	{
		int strips = PHASE_STRIPS;
		int length = horizontalLines ? w : h;
		double[] centre = new double[strips];
		double[] pos = new double[strips];
		double period = 1 / freq;
		int[] edges = new int[strips + 1];
		for (int s = 0; s <= strips; s++) edges[s] = s * length / strips;
		double[][] offsets = new double[strips][1];
		// the strips across horizontal lines are bands of columns: read together, row by row
		double[][] bands = horizontalLines ? p.acrossBands(edges, tan, stride, offsets) : null;
		for (int s = 0; s < strips; s++) {
			int a = edges[s];
			int b = edges[s + 1];
			double[] q = horizontalLines ? bands[s] : p.profile(0, a, w, b, tan, false, stride, offsets[s]);
			double[] c = Profiles.dtft(Profiles.windowed(q), freq);
			// Each strip's profile is centred on the strip, so this is where the lines cross its middle.
			pos[s] = offsets[s][0] - Math.atan2(c[1], c[0]) / (2 * Math.PI) * period;
			centre[s] = (a + b) / 2.0;
		}
		double sign = horizontalLines ? 1 : -1;
		for (int s = 1; s < strips; s++) {
			double predicted = pos[s - 1] + sign * tan * (centre[s] - centre[s - 1]);
			pos[s] -= period * Math.rint((pos[s] - predicted) / period);
		}
		double mx = 0;
		double my = 0;
		for (int s = 0; s < strips; s++) {
			mx += centre[s];
			my += pos[s];
		}
		mx /= strips;
		my /= strips;
		double sxy = 0;
		double sxx = 0;
		for (int s = 0; s < strips; s++) {
			sxy += (centre[s] - mx) * (pos[s] - my);
			sxx += (centre[s] - mx) * (centre[s] - mx);
		}
		return sign * sxy / sxx;
	}

	/** The grid period of a profile across one line family, in an image whose long side is longSide px. */
	static AxisPeriod period(double[] profile, double dpiHint, int longSide) {
		return period(profile, dpiHint, longSide, 0);
	}

	/**
	 * The grid period of a profile, with the comb that explains the most power, or with the comb
	 * whose teeth are {@code forcedM} times finer than the strongest peak when that is positive.
	 */
	static AxisPeriod period(double[] profile, double dpiHint, int longSide, int forcedM) {
		AxisPeriod out = new AxisPeriod();
		double[] q = Profiles.windowed(profile);
		int n = q.length;
		if (n < 64) return out;
		Spectrum sp = new Spectrum(q);
		int lo = sp.bin(1 / (5 * MAX_PX_PER_MM * 1.05));
		int hi = sp.bin(Math.min(0.45, 1 / (MIN_PX_PER_MM * 0.95)));
		int peak = lo;
		for (int k = lo; k <= hi; k++) if (sp.power[k] > sp.power[peak]) peak = k;
		double[] band = Arrays.copyOfRange(sp.power, lo, hi + 1);
		Selection.select(band, band.length, band.length / 2);
		double floor = Math.max(band[band.length / 2], 1e-30);
		double peakPower = sp.power[peak];
		out.strength = peakPower / floor;
		if (out.strength < SIGNIFICANCE) return out;
		double fPeak = Profiles.refinePeak(q, sp.frequency(peak), 1.5 / sp.padded);
		double fMax = sp.frequency(hi);
		// The pattern period is the comb spacing that explains the most spectral power: every
		// harmonic adds its power minus a noise allowance, so a comb twice too fine misses peaks
		// and a comb twice too coarse pays for empty teeth.
		double allowance = Math.max(0.03 * peakPower, SIGNIFICANCE * floor);
		int bestM = 1;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int m = 1; m <= MAX_COMB; m++) {
			double f0 = fPeak / m;
			if (f0 < sp.frequency(lo)) break;
			double score = 0;
			for (int k = 1; k * f0 <= fMax; k++) score += Math.min(sp.localMax(k * f0), peakPower) - allowance;
			out.combScores[m] = score;
			if (forcedM == m || forcedM <= 0 && score > bestScore) {
				bestScore = score;
				bestM = m;
			}
		}
		if (forcedM > 0 && bestM != forcedM) return new AxisPeriod();
		out.comb = bestM;
		double fundamental = Profiles.refinePeak(q, fPeak / bestM, 1.5 / sp.padded);
		double pattern = 1 / fundamental;
		// 1 mm lines inside a 5 mm pattern make its 5th harmonic stand out from the 4th and 6th.
		boolean fivefold = 5 * fundamental <= fMax && sp.localMax(5 * fundamental) > allowance && sp.localMax(
			5 * fundamental) > 1.5 * Math.max(sp.localMax(4 * fundamental), sp.localMax(6 * fundamental));
		double minor;
		if (fivefold) {
			minor = pattern / 5;
			out.minorAndMajor = true;
		}
		else {
			minor = resolveSinglePeriod(pattern, dpiHint, longSide);
		}
		if (minor < MIN_PX_PER_MM * 0.95 || minor > MAX_PX_PER_MM * 1.05) return out;
		// Refine on the strongest harmonic: high harmonics pin the period down best.
		double bestH = fundamental;
		double bestPower = 0;
		for (int k = 1; k * fundamental <= fMax; k++) {
			double pw = sp.localMax(k * fundamental);
			if (pw > bestPower) {
				bestPower = pw;
				bestH = k * fundamental;
			}
		}
		int harmonic = (int) Math.rint(bestH / fundamental);
		double refined = Profiles.refinePeak(q, bestH, 1.5 / sp.padded);
		double patternPeriod = harmonic / refined;
		out.periodicity = periodicity(profile, patternPeriod);
		out.pxPerMm = minor * patternPeriod / pattern;
		// Phases are measured on the finest visible comb that is not a harmonic: it unwraps safely across strips.
		out.phaseFrequency = (out.minorAndMajor ? 5 : 1) / patternPeriod;
		return out;
	}

	/** The zero-padded power spectrum of a windowed profile. */
	static final class Spectrum {
		final int padded;
		final double[] power;

		Spectrum(double[] q) {
			padded = org.ecgdigitizer.core.signal.Fft.size(4 * q.length);
			power = org.ecgdigitizer.core.signal.Fft.powerSpectrum(q, padded);
		}

		int bin(double f) {
			return (int) Math.round(f * padded);
		}

		double frequency(int bin) {
			return bin / (double) padded;
		}

		/** The largest power within two bins of f (peaks fall between bins). */
		double localMax(double f) {
			int i = bin(f);
			double m = 0;
			for (int j = i - 2; j <= i + 2; j++) if (j >= 0 && j < power.length) m = Math.max(m, power[j]);
			return m;
		}
	}

	/**
	 * How much the pattern repeats along the whole page: the profile (minus trends slower than
	 * the period) is folded at the period separately in four quarters, and each quarter's
	 * pattern is correlated with the pattern of the other three. A grid gives high agreement
	 * everywhere; a few strong lines (trace baselines, text rows) mimic a spectrum comb but
	 * sit in one quarter only. Returns the median correlation.
	 */
	static double periodicity(double[] profile, double period) {
		int n = profile.length;
		int half = (int) Math.round(period / 2);
		if (n < 8 * period) return 0;
		double[] prefix = new double[n + 1];
		for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + profile[i];
		int bins = Math.max(4, (int) Math.round(period));
		int parts = 4;
		double[][] sum = new double[parts][bins];
		int[][] count = new int[parts][bins];
		for (int i = half; i < n - half; i++) {
			double trend = (prefix[i + half + 1] - prefix[i - half]) / (2 * half + 1);
			int part = Math.min(parts - 1, (i - half) * parts / (n - 2 * half));
			int b = Math.min(bins - 1, (int) ((i / period) % 1.0 * bins));
			sum[part][b] += profile[i] - trend;
			count[part][b]++;
		}
		double[] corr = new double[parts];
		for (int p = 0; p < parts; p++) {
			double[] own = new double[bins];
			double[] rest = new double[bins];
			for (int b = 0; b < bins; b++) {
				int restCount = 0;
				for (int o = 0; o < parts; o++) {
					if (o == p) continue;
					rest[b] += sum[o][b];
					restCount += count[o][b];
				}
				own[b] = count[p][b] > 0 ? sum[p][b] / count[p][b] : 0;
				rest[b] = restCount > 0 ? rest[b] / restCount : 0;
			}
			corr[p] = correlation(own, rest);
		}
		Arrays.sort(corr);
		return (corr[1] + corr[2]) / 2;
	}

	private static double correlation(double[] a, double[] b) {
		double ma = 0;
		double mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i];
			mb += b[i];
		}
		ma /= a.length;
		mb /= b.length;
		double sab = 0;
		double saa = 0;
		double sbb = 0;
		for (int i = 0; i < a.length; i++) {
			sab += (a[i] - ma) * (b[i] - mb);
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
		}
		return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
	}

	/** {@code value} or value*5 or value/5, whichever is closest to {@code reference}. */
	static double matchScale(double value, double reference) {
		double best = value;
		for (double f : new double[] { 5, 0.2 }) {
			if (Math.abs(Math.log(value * f / reference)) < Math.abs(Math.log(best / reference))) best = value * f;
		}
		return best;
	}

	/**
	 * A pattern with one line per period is either the 1 mm grid alone or the 5 mm grid alone.
	 * The file's dpi decides when it is a real resolution; otherwise a 5 mm reading below the
	 * smallest pitch is impossible, so the lines are 1 mm; otherwise the reading that makes the
	 * image about a page wide (SHORTEST_LIKELY_SIDE_MM): minor lines are what low resolution and
	 * copies lose first, and close-ups resolve them. Later stages check the scale against the
	 * calibration pulse and the row spacing.
	 */
	static double resolveSinglePeriod(double pattern, double dpiHint, int longSide) {
		// 72 and 96 dpi are what most software writes when it knows nothing: not evidence.
		if (!Double.isNaN(dpiHint) && dpiHint > 100) {
			double expected = dpiHint / 25.4;
			return Math.abs(Math.log(pattern / expected)) < Math.abs(Math.log(pattern / 5 / expected)) ? pattern
				: pattern / 5;
		}
		if (pattern / 5 < MIN_PX_PER_MM * 0.95) return pattern;
		return longSide / pattern >= SHORTEST_LIKELY_SIDE_MM ? pattern : pattern / 5;
	}
}
