package org.ecgdigitizer.core.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.ecgdigitizer.core.signal.Lead;

/**
 * Synthesizes plausible 12-lead ECGs from one cardiac source, for tests and sample pages.
 *
 * <p>The heart is a moving 3-D dipole (a vectorcardiogram) built per beat from smooth
 * Gaussian waves: two atrial components for the P wave, four ventricular components for the
 * QRS loop, an asymmetric T wave, and an optional injury current for ST deviation. Body axes:
 * x to the patient's left, y to the feet, z to the front. Leads I, II and V1-V6 are
 * projections of the dipole plus per-electrode wander and noise; III, aVR, aVL and aVF are
 * derived from I and II, so Einthoven's and Goldberger's identities hold exactly.</p>
 *
 * <p>Everything is a function of the {@link Params} (including its noise seed): the same
 * arguments give bit-identical samples on every JVM, because only {@link StrictMath} and
 * {@link SplittableRandom} are used.</p>
 */
public final strictfp class EcgSynthesizer {

	/** Atrial rhythm. */
	public enum Rhythm {
		SINUS, ATRIAL_FIBRILLATION;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Ventricular conduction: a narrow QRS, or a wide one shaped like a bundle branch block. */
	public enum Conduction {
		NORMAL, LEFT_BUNDLE_BRANCH_BLOCK, RIGHT_BUNDLE_BRANCH_BLOCK;

		public boolean isWide() {
			return this != NORMAL;
		}

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * Where the ST segment deviates. Elevation patterns come with reciprocal depression in the
	 * opposite leads, as an injury current does.
	 */
	public enum StPattern {
		/** No deviation. */
		NONE(0, 0, 0),
		/** Elevation in II, III, aVF; depression in I, aVL. */
		INFERIOR_ELEVATION(-0.3, 1, 0),
		/** Elevation in V1-V4 (and slightly in I, aVL). */
		ANTERIOR_ELEVATION(0.25, -0.15, 1),
		/** Elevation in I, aVL, V5, V6; depression in III, aVF. */
		LATERAL_ELEVATION(1, -0.5, -0.1),
		/** Depression in I, II, aVF, V3-V6; elevation in aVR (and V1). */
		DIFFUSE_DEPRESSION(-0.55, -0.7, -0.45);

		final double[] direction;

		StPattern(double x, double y, double z) {
			this.direction = x == 0 && y == 0 && z == 0 ? new double[3] : normalize(x, y, z);
		}

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * The physiological and recording parameters of one synthetic ECG. Setters validate and
	 * return this, so parameters chain: {@code new Params().heartRateBpm(75).frontalAxisDeg(30)}.
	 * The defaults describe a normal adult ECG at 70 bpm with light wander and noise.
	 */
	public static final class Params {

		private long noiseSeed = 1;
		private double heartRateBpm = 70;
		private Rhythm rhythm = Rhythm.SINUS;
		private double rrVariability = 0.02;
		private double prMs = 160;
		private double pDurationMs = 95;
		private double pAmplitudeMv = 0.15;
		private Conduction conduction = Conduction.NORMAL;
		private double qrsMs = 90;
		private double qtcMs = 410;
		private double frontalAxisDeg = 50;
		private double horizontalRotationDeg = 0;
		private double amplitudeScale = 1;
		private double tWaveScale = 1;
		private StPattern stPattern = StPattern.NONE;
		private double stMv = 0;
		private double respirationHz = 0.25;
		private double wanderMv = 0.05;
		private double noiseMv = 0.005;
		private double fibrillationMv = 0.05;

		/**
		 * Parameters drawn from a seed: mostly normal adult ECGs, with some atrial fibrillation,
		 * bundle branch blocks, axis deviation and ST changes, and varying wander and noise.
		 */
		public static Params random(long seed) {
			SplittableRandom r = new SplittableRandom(seed);
			Params p = new Params();
			// 53 bits, so the seed survives a JSON number round trip exactly.
			p.noiseSeed = r.nextLong() >>> 11;
			p.rhythm = r.nextDouble() < 0.12 ? Rhythm.ATRIAL_FIBRILLATION : Rhythm.SINUS;
			p.heartRateBpm = r.nextDouble() < 0.75 ? uniform(r, 55, 100) : uniform(r, 45, 130);
			if (p.rhythm == Rhythm.ATRIAL_FIBRILLATION) {
				p.heartRateBpm = uniform(r, 65, 130);
				p.rrVariability = uniform(r, 0.12, 0.25);
			}
			else {
				p.rrVariability = uniform(r, 0, 0.05);
			}
			// PR shortens as the rate rises.
			double prLow = p.heartRateBpm > 100 ? 120 : 130;
			double prHigh = p.heartRateBpm > 100 ? 160 : 200;
			p.prMs = uniform(r, prLow, prHigh);
			p.pDurationMs = uniform(r, 80, 110);
			p.pAmplitudeMv = uniform(r, 0.09, 0.2);
			double c = r.nextDouble();
			p.conduction = c < 0.8 ? Conduction.NORMAL
				: c < 0.9 ? Conduction.RIGHT_BUNDLE_BRANCH_BLOCK : Conduction.LEFT_BUNDLE_BRANCH_BLOCK;
			p.qrsMs = p.conduction.isWide() ? uniform(r, 125, 165) : uniform(r, 72, 105);
			p.qtcMs = uniform(r, 380, 450) + (p.conduction.isWide() ? 30 : 0);
			// A left bundle branch block rarely comes with a right axis; a rotated heart with a
			// wide QRS loses the typical bundle branch block shapes, so those stay near neutral.
			p.frontalAxisDeg = p.conduction == Conduction.LEFT_BUNDLE_BRANCH_BLOCK
				? clamp(15 + 30 * gaussian(r), -45, 80) : clamp(50 + 32 * gaussian(r), -45, 110);
			p.horizontalRotationDeg = p.conduction.isWide() ? clamp(6 * gaussian(r), -12, 12)
				: clamp(12 * gaussian(r), -30, 30);
			p.amplitudeScale = StrictMath.exp(uniform(r, StrictMath.log(0.65), StrictMath.log(1.35)));
			p.tWaveScale = uniform(r, 0.6, 1.3);
			double s = r.nextDouble();
			if (s < 0.7) {
				p.stPattern = StPattern.NONE;
				p.stMv = 0;
			}
			else {
				StPattern[] patterns = StPattern.values();
				p.stPattern = patterns[1 + (int) ((s - 0.7) / 0.3 * (patterns.length - 1))];
				p.stMv = uniform(r, 0.08, 0.3);
			}
			p.respirationHz = uniform(r, 0.15, 0.4);
			p.wanderMv = uniform(r, 0, 0.3);
			p.noiseMv = StrictMath.exp(uniform(r, StrictMath.log(0.003), StrictMath.log(0.02)));
			p.fibrillationMv = uniform(r, 0.02, 0.1);
			return p.rounded();
		}

		/**
		 * Rounded to a few significant digits, so that parameters written to JSON (six
		 * significant digits) read back exactly and regenerate bit-identical samples.
		 */
		private Params rounded() {
			heartRateBpm = round(heartRateBpm, 10);
			rrVariability = round(rrVariability, 1000);
			prMs = round(prMs, 10);
			pDurationMs = round(pDurationMs, 10);
			pAmplitudeMv = round(pAmplitudeMv, 1000);
			qrsMs = round(qrsMs, 10);
			qtcMs = round(qtcMs, 10);
			frontalAxisDeg = round(frontalAxisDeg, 10);
			horizontalRotationDeg = round(horizontalRotationDeg, 10);
			amplitudeScale = round(amplitudeScale, 1000);
			tWaveScale = round(tWaveScale, 1000);
			stMv = round(stMv, 1000);
			respirationHz = round(respirationHz, 1000);
			wanderMv = round(wanderMv, 1000);
			noiseMv = round(noiseMv, 10000);
			fibrillationMv = round(fibrillationMv, 1000);
			return this;
		}

		private static double round(double v, double steps) {
			return StrictMath.rint(v * steps) / steps;
		}

		/** A copy that can be changed without affecting this one. */
		public Params copy() {
			return fromMap(toMap());
		}

		/** All parameters by name, in a fixed order, for a JSON sidecar. Enums are lower-case ids. */
		public Map<String, Object> toMap() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("noise_seed", noiseSeed);
			m.put("heart_rate_bpm", heartRateBpm);
			m.put("rhythm", rhythm.id());
			m.put("rr_variability", rrVariability);
			m.put("pr_ms", prMs);
			m.put("p_duration_ms", pDurationMs);
			m.put("p_amplitude_mv", pAmplitudeMv);
			m.put("conduction", conduction.id());
			m.put("qrs_ms", qrsMs);
			m.put("qtc_ms", qtcMs);
			m.put("frontal_axis_deg", frontalAxisDeg);
			m.put("horizontal_rotation_deg", horizontalRotationDeg);
			m.put("amplitude_scale", amplitudeScale);
			m.put("t_wave_scale", tWaveScale);
			m.put("st_pattern", stPattern.id());
			m.put("st_mv", stMv);
			m.put("respiration_hz", respirationHz);
			m.put("wander_mv", wanderMv);
			m.put("noise_mv", noiseMv);
			m.put("fibrillation_mv", fibrillationMv);
			return m;
		}

		/** Reads what {@link #toMap()} wrote (for example back from JSON); missing keys keep their defaults. */
		public static Params fromMap(Map<String, ?> m) {
			Params p = new Params();
			if (m.containsKey("noise_seed")) p.noiseSeed(((Number) m.get("noise_seed")).longValue());
			if (m.containsKey("heart_rate_bpm")) p.heartRateBpm(number(m, "heart_rate_bpm"));
			if (m.containsKey("rhythm")) p.rhythm(parse(Rhythm.class, m, "rhythm"));
			if (m.containsKey("rr_variability")) p.rrVariability(number(m, "rr_variability"));
			if (m.containsKey("pr_ms")) p.prMs(number(m, "pr_ms"));
			if (m.containsKey("p_duration_ms")) p.pDurationMs(number(m, "p_duration_ms"));
			if (m.containsKey("p_amplitude_mv")) p.pAmplitudeMv(number(m, "p_amplitude_mv"));
			if (m.containsKey("conduction")) p.conduction(parse(Conduction.class, m, "conduction"));
			if (m.containsKey("qrs_ms")) p.qrsMs(number(m, "qrs_ms"));
			if (m.containsKey("qtc_ms")) p.qtcMs(number(m, "qtc_ms"));
			if (m.containsKey("frontal_axis_deg")) p.frontalAxisDeg(number(m, "frontal_axis_deg"));
			if (m.containsKey("horizontal_rotation_deg")) p.horizontalRotationDeg(number(m, "horizontal_rotation_deg"));
			if (m.containsKey("amplitude_scale")) p.amplitudeScale(number(m, "amplitude_scale"));
			if (m.containsKey("t_wave_scale")) p.tWaveScale(number(m, "t_wave_scale"));
			if (m.containsKey("st_pattern")) p.stPattern(parse(StPattern.class, m, "st_pattern"));
			if (m.containsKey("st_mv")) p.stMv(number(m, "st_mv"));
			if (m.containsKey("respiration_hz")) p.respirationHz(number(m, "respiration_hz"));
			if (m.containsKey("wander_mv")) p.wanderMv(number(m, "wander_mv"));
			if (m.containsKey("noise_mv")) p.noiseMv(number(m, "noise_mv"));
			if (m.containsKey("fibrillation_mv")) p.fibrillationMv(number(m, "fibrillation_mv"));
			return p;
		}

		/** Seed of the random parts of a recording: RR jitter, wander, noise, fibrillation waves. */
		public long noiseSeed() {
			return noiseSeed;
		}

		public Params noiseSeed(long seed) {
			this.noiseSeed = seed;
			return this;
		}

		/** Mean ventricular rate. */
		public double heartRateBpm() {
			return heartRateBpm;
		}

		public Params heartRateBpm(double bpm) {
			this.heartRateBpm = check("heart rate", bpm, 25, 250, "bpm");
			return this;
		}

		public Rhythm rhythm() {
			return rhythm;
		}

		public Params rhythm(Rhythm r) {
			this.rhythm = require("rhythm", r);
			return this;
		}

		/**
		 * Beat-to-beat RR variation as a fraction of the mean RR (standard deviation): a few
		 * percent for sinus rhythm, 0.1-0.3 for atrial fibrillation.
		 */
		public double rrVariability() {
			return rrVariability;
		}

		public Params rrVariability(double fraction) {
			this.rrVariability = check("RR variability", fraction, 0, 0.4, "");
			return this;
		}

		/** PR interval: P onset to QRS onset. */
		public double prMs() {
			return prMs;
		}

		public Params prMs(double ms) {
			this.prMs = check("PR interval", ms, 80, 400, "ms");
			return this;
		}

		public double pDurationMs() {
			return pDurationMs;
		}

		public Params pDurationMs(double ms) {
			this.pDurationMs = check("P duration", ms, 40, 160, "ms");
			return this;
		}

		/** Size of the atrial dipole; P in lead II comes out at roughly this height. */
		public double pAmplitudeMv() {
			return pAmplitudeMv;
		}

		public Params pAmplitudeMv(double mv) {
			this.pAmplitudeMv = check("P amplitude", mv, 0, 0.5, "mV");
			return this;
		}

		public Conduction conduction() {
			return conduction;
		}

		/** Also sets a QRS duration typical of the conduction if the current one does not fit it. */
		public Params conduction(Conduction c) {
			this.conduction = require("conduction", c);
			if (c.isWide() && qrsMs < 120) qrsMs = 140;
			if (!c.isWide() && qrsMs > 110) qrsMs = 90;
			return this;
		}

		/** QRS duration. */
		public double qrsMs() {
			return qrsMs;
		}

		public Params qrsMs(double ms) {
			this.qrsMs = check("QRS duration", ms, 60, 200, "ms");
			return this;
		}

		/** Rate-corrected QT (Fridericia); the QT of each beat is qtc * cbrt(RR). */
		public double qtcMs() {
			return qtcMs;
		}

		public Params qtcMs(double ms) {
			this.qtcMs = check("QTc", ms, 300, 600, "ms");
			return this;
		}

		/** Mean frontal QRS axis, degrees (0 = towards lead I, +90 = towards aVF). */
		public double frontalAxisDeg() {
			return frontalAxisDeg;
		}

		public Params frontalAxisDeg(double deg) {
			this.frontalAxisDeg = check("frontal axis", deg, -180, 180, "degrees");
			return this;
		}

		/**
		 * Rotation of the heart about its long (vertical) axis, degrees. Positive turns the
		 * QRS forces forwards (counterclockwise seen from below): the R/S transition moves
		 * towards V1-V2. Negative moves it towards V5-V6.
		 */
		public double horizontalRotationDeg() {
			return horizontalRotationDeg;
		}

		public Params horizontalRotationDeg(double deg) {
			this.horizontalRotationDeg = check("horizontal rotation", deg, -60, 60, "degrees");
			return this;
		}

		/** Multiplies all cardiac waves (not wander or noise). */
		public double amplitudeScale() {
			return amplitudeScale;
		}

		public Params amplitudeScale(double scale) {
			this.amplitudeScale = check("amplitude scale", scale, 0, 3, "");
			return this;
		}

		/** Multiplies the T wave on top of the amplitude scale. */
		public double tWaveScale() {
			return tWaveScale;
		}

		public Params tWaveScale(double scale) {
			this.tWaveScale = check("T wave scale", scale, 0, 3, "");
			return this;
		}

		public StPattern stPattern() {
			return stPattern;
		}

		public Params stPattern(StPattern pattern) {
			this.stPattern = require("ST pattern", pattern);
			return this;
		}

		/** Size of the ST injury vector; the most affected leads deviate by about this much. */
		public double stMv() {
			return stMv;
		}

		public Params stMv(double mv) {
			this.stMv = check("ST deviation", mv, 0, 1, "mV");
			return this;
		}

		/** Breathing rate, which modulates RR (sinus arrhythmia), QRS size and part of the wander. */
		public double respirationHz() {
			return respirationHz;
		}

		public Params respirationHz(double hz) {
			this.respirationHz = check("respiration rate", hz, 0.05, 1, "Hz");
			return this;
		}

		/**
		 * Size of the baseline wander (all of it below 0.5 Hz): about the largest excursion of
		 * any lead over ten seconds; a single lead typically reaches 0.6 times this.
		 */
		public double wanderMv() {
			return wanderMv;
		}

		public Params wanderMv(double mv) {
			this.wanderMv = check("baseline wander", mv, 0, 2, "mV");
			return this;
		}

		/** Standard deviation of the broadband noise of a lead. */
		public double noiseMv() {
			return noiseMv;
		}

		public Params noiseMv(double mv) {
			this.noiseMv = check("noise", mv, 0, 0.5, "mV");
			return this;
		}

		/** Size of the fibrillation (f) waves in atrial fibrillation. */
		public double fibrillationMv() {
			return fibrillationMv;
		}

		public Params fibrillationMv(double mv) {
			this.fibrillationMv = check("fibrillation wave amplitude", mv, 0, 0.5, "mV");
			return this;
		}

		@Override
		public String toString() {
			StringBuilder sb = new StringBuilder("Params");
			sb.append(toMap());
			return sb.toString();
		}

		private static double check(String what, double v, double min, double max, String unit) {
			if (!(v >= min && v <= max)) {
				String u = unit.isEmpty() ? "" : " " + unit;
				throw new EcgException("Synthetic ECG " + what + " " + v + u + " is out of range: use " + trim(min) + " to " +
					trim(max) + u);
			}
			return v;
		}

		private static String trim(double v) {
			return v == StrictMath.rint(v) ? Long.toString((long) v) : Double.toString(v);
		}

		private static <T> T require(String what, T v) {
			if (v == null) throw new EcgException("Synthetic ECG " + what + " is missing: give one");
			return v;
		}

		private static double number(Map<String, ?> m, String key) {
			Object v = m.get(key);
			if (!(v instanceof Number)) {
				throw new EcgException("Synthetic ECG parameter '" + key + "' must be a number, got " + v);
			}
			return ((Number) v).doubleValue();
		}

		private static <E extends Enum<E>> E parse(Class<E> type, Map<String, ?> m, String key) {
			String v = String.valueOf(m.get(key));
			for (E e : type.getEnumConstants()) {
				if (e.name().equalsIgnoreCase(v)) return e;
			}
			List<String> ids = new ArrayList<>();
			for (E e : type.getEnumConstants()) ids.add(e.name().toLowerCase(Locale.ROOT));
			throw new EcgException("Unknown synthetic ECG " + key + " '" + v + "': use one of " + ids);
		}
	}

	// Lead vectors (x left, y feet, z front). The Vs are gains and directions of a lead field in the
	// horizontal plane, tilted slightly downwards; the middle chest leads are the closest to the heart.
	private static final double DYADIC_STEPS_PER_MV = 1 << 14;
	private static final double LIMB_GAIN = 0.8;
	private static final double[] LEAD_I = { LIMB_GAIN, 0, 0 };
	private static final double[] LEAD_II = { LIMB_GAIN / 2, LIMB_GAIN * StrictMath.sqrt(3) / 2, 0 };
	private static final double[][] LEAD_V = {
		chest(1.05, 118, 0.1),
		chest(1.6, 90, 0.12),
		chest(1.6, 62, 0.18),
		chest(1.4, 35, 0.3),
		chest(1.1, 10, 0.42),
		chest(0.85, -8, 0.48),
	};

	/** Electrodes for wander and noise: RA, LA, LL, then V1-V6. */
	private static final int RA = 0, LA = 1, LL = 2, ELECTRODES = 9;

	private EcgSynthesizer() {}

	/** A synthetic 12-lead ECG with parameters drawn from the seed ({@link Params#random(long)}). */
	public static EcgRecord synthesize(long seed, double fs, double seconds, String name) {
		return synthesize(Params.random(seed), fs, seconds, name);
	}

	/**
	 * A synthetic 12-lead ECG in standard lead order, in mV.
	 *
	 * @param p the parameters, including the seed of the random parts
	 * @param fs sampling frequency, 100 to 1000 Hz work best (50 to 10000 are accepted)
	 * @param seconds duration
	 * @param name record name
	 */
	public static EcgRecord synthesize(Params p, double fs, double seconds, String name) {
		if (!(fs >= 50 && fs <= 10000)) {
			throw new EcgException("Synthetic ECG sampling rate " + fs + " Hz is out of range: use 50 to 10000 Hz");
		}
		if (!(seconds > 0) || seconds * fs > 100_000_000) {
			throw new EcgException("Synthetic ECG duration " + seconds + " s is out of range: use a positive duration under 100 million samples");
		}
		int n = (int) StrictMath.round(seconds * fs);
		SplittableRandom random = new SplittableRandom(p.noiseSeed);
		SplittableRandom rhythmRandom = random.split();
		SplittableRandom wanderRandom = random.split();
		SplittableRandom noiseRandom = random.split();
		SplittableRandom atrialRandom = random.split();
		// One breathing cycle drives sinus arrhythmia, QRS size and part of the wander.
		double breathingPhase = random.nextDouble() * 2 * StrictMath.PI;

		double[][] dipole = new double[3][n];
		Heart heart = new Heart(p);
		for (double[] beat : beatTimes(p, seconds, breathingPhase, rhythmRandom)) {
			heart.addBeat(dipole, fs, beat[0], beat[1], breathingPhase, p);
		}
		if (p.rhythm == Rhythm.ATRIAL_FIBRILLATION) {
			addFibrillation(dipole, fs, p, atrialRandom);
		}

		// Project the heart onto the independent leads.
		double[][] out = new double[12][n];
		double[][] measured = new double[8][];
		measured[0] = out[Lead.I.ordinal()];
		measured[1] = out[Lead.II.ordinal()];
		for (int v = 0; v < 6; v++) measured[2 + v] = out[Lead.V1.ordinal() + v];
		double[][] leadVectors = { LEAD_I, LEAD_II, LEAD_V[0], LEAD_V[1], LEAD_V[2], LEAD_V[3], LEAD_V[4], LEAD_V[5] };
		for (int i = 0; i < n; i++) {
			double x = dipole[0][i], y = dipole[1][i], z = dipole[2][i];
			for (int k = 0; k < 8; k++) measured[k][i] = dot(leadVectors[k], x, y, z);
		}
		dipole = null;

		// Electrode wander and noise, one electrode at a time: each lead sees its electrodes'
		// difference (the chest leads against Wilson's central terminal, the mean of RA, LA, LL).
		double[] electrode = new double[n];
		for (int e = 0; e < ELECTRODES; e++) {
			Arrays.fill(electrode, 0);
			addWander(electrode, fs, p, breathingPhase, wanderRandom);
			addNoise(electrode, fs, p, noiseRandom);
			double[] weights = new double[8];
			if (e == RA) { weights[0] = -1; weights[1] = -1; }
			if (e == LA) weights[0] = 1;
			if (e == LL) weights[1] = 1;
			for (int v = 0; v < 6; v++) weights[2 + v] = e < 3 ? -1.0 / 3 : e - 3 == v ? 1 : 0;
			for (int k = 0; k < 8; k++) {
				if (weights[k] == 0) continue;
				double[] lead = measured[k];
				for (int i = 0; i < n; i++) lead[i] += weights[k] * electrode[i];
			}
		}

		// The augmented limb leads and III follow from I and II. I and II are first rounded to a
		// dyadic step (2^-14 mV, 0.06 uV), so every derived value is exactly representable and
		// I + III = II and aVR + aVL + aVF = 0 hold exactly, not just to rounding.
		double[] leadI = out[Lead.I.ordinal()];
		double[] leadII = out[Lead.II.ordinal()];
		for (int i = 0; i < n; i++) {
			leadI[i] = StrictMath.rint(leadI[i] * DYADIC_STEPS_PER_MV) / DYADIC_STEPS_PER_MV;
			leadII[i] = StrictMath.rint(leadII[i] * DYADIC_STEPS_PER_MV) / DYADIC_STEPS_PER_MV;
			out[Lead.III.ordinal()][i] = leadII[i] - leadI[i];
			out[Lead.AVR.ordinal()][i] = -(leadI[i] + leadII[i]) / 2;
			out[Lead.AVL.ordinal()][i] = leadI[i] - leadII[i] / 2;
			out[Lead.AVF.ordinal()][i] = leadII[i] - leadI[i] / 2;
		}
		String comment = String.format(Locale.ROOT, "Synthetic ECG: %.0f bpm %s, %s QRS %.0f ms, axis %.0f deg, ST %s",
			p.heartRateBpm, p.rhythm.id(), p.conduction.id(), p.qrsMs, p.frontalAxisDeg, p.stPattern.id());
		return new EcgRecord(name, fs, Lead.standardLabels(), out, List.of(comment));
	}

	/**
	 * QRS onset times (s) and the preceding RR interval (s) of every beat that touches
	 * [0, seconds], starting at a random phase so that records do not all begin on a beat.
	 */
	private static List<double[]> beatTimes(Params p, double seconds, double breathingPhase, SplittableRandom r) {
		double rr = 60 / p.heartRateBpm;
		List<double[]> beats = new ArrayList<>();
		double t = -rr * (1 + r.nextDouble());
		double previousRr = rr;
		while (t < seconds + 0.5) {
			beats.add(new double[] { t, previousRr });
			double next;
			if (p.rhythm == Rhythm.ATRIAL_FIBRILLATION) {
				// Irregularly irregular: log-normal with unit mean, no memory of the last interval.
				double s = p.rrVariability;
				next = rr * StrictMath.exp(s * gaussian(r) - s * s / 2);
			}
			else {
				// Sinus arrhythmia follows breathing; the rest is small independent jitter.
				double sinusArrhythmia = 0.6 * p.rrVariability *
					StrictMath.sin(2 * StrictMath.PI * p.respirationHz * t + breathingPhase);
				next = rr * (1 + sinusArrhythmia + 0.6 * p.rrVariability * gaussian(r));
			}
			next = StrictMath.max(next, 0.25);
			t += next;
			previousRr = next;
		}
		return beats;
	}

	/** Fibrillation waves: irregular 4-9 Hz atrial activity, strongest in V1 and the inferior leads. */
	private static void addFibrillation(double[][] dipole, double fs, Params p, SplittableRandom r) {
		double[] direction = normalize(-0.25, 0.6, 0.75);
		int n = dipole[0].length;
		int components = 3;
		double[] frequency = new double[components];
		double[] phase = new double[components];
		double[] weight = new double[components];
		for (int k = 0; k < components; k++) {
			frequency[k] = uniform(r, 4.5, 8.5);
			phase[k] = r.nextDouble() * 2 * StrictMath.PI;
			weight[k] = uniform(r, 0.5, 1);
		}
		double amplitude = p.fibrillationMv * p.amplitudeScale / 1.6;
		// The frequencies wander slowly (a new offset every 20 ms) so the waves never settle into
		// a flutter-like pattern. Phases are integrated on that fixed grid, so the waves do not
		// depend on the sampling rate.
		double step = 0.02;
		int knots = (int) StrictMath.ceil(n / fs / step) + 1;
		double[][] knotPhase = new double[components][knots + 1];
		double[][] knotFrequency = new double[components][knots];
		for (int k = 0; k < components; k++) {
			double drift = 0;
			knotPhase[k][0] = phase[k];
			for (int m = 0; m < knots; m++) {
				drift = 0.995 * drift + 0.08 * gaussian(r);
				knotFrequency[k][m] = frequency[k] + drift;
				knotPhase[k][m + 1] = knotPhase[k][m] + 2 * StrictMath.PI * knotFrequency[k][m] * step;
			}
		}
		for (int i = 0; i < n; i++) {
			double t = i / fs;
			int m = (int) (t / step);
			double v = 0;
			for (int k = 0; k < components; k++) {
				v += weight[k] * StrictMath.sin(knotPhase[k][m] + 2 * StrictMath.PI * knotFrequency[k][m] * (t - m * step));
			}
			for (int a = 0; a < 3; a++) dipole[a][i] += amplitude * v * direction[a];
		}
	}

	/**
	 * Baseline wander of one electrode: slow drifts below 0.5 Hz plus a breathing component
	 * whose phase is nearly shared by all electrodes.
	 */
	private static void addWander(double[] e, double fs, Params p, double breathingPhase, SplittableRandom r) {
		if (p.wanderMv == 0) return;
		double breathing = p.wanderMv * uniform(r, 0.1, 0.4);
		double f1 = uniform(r, 0.04, 0.2), f2 = uniform(r, 0.1, 0.45);
		double a1 = p.wanderMv * uniform(r, 0.15, 0.45), a2 = p.wanderMv * uniform(r, 0.05, 0.25);
		double p1 = r.nextDouble() * 2 * StrictMath.PI, p2 = r.nextDouble() * 2 * StrictMath.PI;
		double pb = breathingPhase + uniform(r, -0.5, 0.5);
		for (int i = 0; i < e.length; i++) {
			double t = i / fs;
			e[i] += breathing * StrictMath.sin(2 * StrictMath.PI * p.respirationHz * t + pb) +
				a1 * StrictMath.sin(2 * StrictMath.PI * f1 * t + p1) + a2 * StrictMath.sin(2 * StrictMath.PI * f2 * t + p2);
		}
	}

	/**
	 * Broadband noise of one electrode, low-passed at about 40 Hz (muscle and amplifier noise as a
	 * 150 Hz recorder shows it), scaled so a limb lead's standard deviation is {@code noiseMv}.
	 */
	private static void addNoise(double[] e, double fs, Params p, SplittableRandom r) {
		if (p.noiseMv == 0) return;
		double a = StrictMath.exp(-2 * StrictMath.PI * StrictMath.min(40, fs / 4) / fs);
		// Variance of a one-pole low-pass of unit white noise is (1-a)/(1+a); a limb lead is the
		// difference of two electrodes.
		double gain = p.noiseMv / StrictMath.sqrt(2) * StrictMath.sqrt((1 + a) / (1 - a));
		double y = gaussian(r) * StrictMath.sqrt((1 - a) / (1 + a));
		for (int i = 0; i < e.length; i++) {
			y = a * y + (1 - a) * gaussian(r);
			e[i] += gain * y;
		}
	}

	/** One smooth wave of the dipole: a Gaussian in time (two halves of different widths) along a fixed direction. */
	private static final class Wave {
		final double center, sigmaBefore, sigmaAfter, amplitude;
		final double[] direction;

		Wave(double center, double sigmaBefore, double sigmaAfter, double amplitude, double[] direction) {
			this.center = center;
			this.sigmaBefore = sigmaBefore;
			this.sigmaAfter = sigmaAfter;
			this.amplitude = amplitude;
			this.direction = direction;
		}

		Wave(double center, double sigma, double amplitude, double[] direction) {
			this(center, sigma, sigma, amplitude, direction);
		}

		Wave rotated(double[][] m) {
			return new Wave(center, sigmaBefore, sigmaAfter, amplitude, apply(m, direction));
		}

		/** Adds the wave, shifted by {@code offset} seconds and scaled, to the dipole samples. */
		void add(double[][] dipole, double fs, double offset, double scale) {
			double c = offset + center;
			int from = (int) StrictMath.max(0, StrictMath.ceil((c - 5 * sigmaBefore) * fs));
			int to = (int) StrictMath.min(dipole[0].length - 1, StrictMath.floor((c + 5 * sigmaAfter) * fs));
			double a = amplitude * scale;
			for (int i = from; i <= to; i++) {
				double u = i / fs - c;
				double s = u < 0 ? sigmaBefore : sigmaAfter;
				double g = a * StrictMath.exp(-0.5 * u * u / (s * s));
				dipole[0][i] += g * direction[0];
				dipole[1][i] += g * direction[1];
				dipole[2][i] += g * direction[2];
			}
		}
	}

	/** The beat template of one set of parameters: atrial and ventricular waves in body axes. */
	private static final class Heart {
		final List<Wave> atrial = new ArrayList<>();
		final List<Wave> ventricular = new ArrayList<>();
		final double[] tDirection;
		final double tAmplitude;
		final double qrsSeconds;

		Heart(Params p) {
			double pd = p.pDurationMs / 1000;
			// Right atrium first (down and forwards), then left atrium (leftwards and backwards),
			// relative to P onset.
			atrial.add(new Wave(0.36 * pd, 0.16 * pd, p.pAmplitudeMv * 0.8, normalize(0.25, 0.85, 0.45)));
			atrial.add(new Wave(0.62 * pd, 0.17 * pd, p.pAmplitudeMv * 0.75, normalize(0.8, 0.5, -0.35)));

			double d = p.qrsMs / 1000;
			List<Wave> qrs = new ArrayList<>();
			double[] t;
			double tSize;
			switch (p.conduction) {
				case LEFT_BUNDLE_BRANCH_BLOCK:
					// Septum depolarised from the right: no septal q in I, V6; slow leftward and
					// backward forces with a notched top; secondary T opposite to the QRS.
					qrs.add(new Wave(0.12 * d, 0.07 * d, 0.35, normalize(0.7, 0.25, -0.1)));
					qrs.add(new Wave(0.38 * d, 0.12 * d, 1.4, normalize(0.7, 0.35, -0.65)));
					qrs.add(new Wave(0.68 * d, 0.13 * d, 1.45, normalize(0.62, 0.15, -0.8)));
					t = normalize(-0.75, -0.15, 0.6);
					tSize = 0.42;
					break;
				case RIGHT_BUNDLE_BRANCH_BLOCK:
					// Normal early forces, then late slow rightward and forward right-ventricular forces
					// (R' in V1, broad S in I and V6); T opposite to the terminal forces.
					qrs.add(new Wave(0.09 * d, 0.05 * d, 0.25, normalize(-0.5, 0.2, 0.85)));
					qrs.add(new Wave(0.25 * d, 0.075 * d, 0.8, normalize(0.5, 0.8, 0.3)));
					qrs.add(new Wave(0.36 * d, 0.08 * d, 1.2, normalize(0.62, 0.7, -0.36)));
					qrs.add(new Wave(0.75 * d, 0.13 * d, 0.8, normalize(-0.7, -0.05, 0.7)));
					t = normalize(0.7, 0.55, -0.45);
					tSize = 0.3;
					break;
				default:
					// Septal (right and forwards: q in I/V6, r in V1), apical, left free wall
					// (left, down, backwards), basal (up and backwards: small s in I/V6).
					qrs.add(new Wave(0.14 * d, 0.07 * d, 0.25, normalize(-0.5, 0.25, 0.83)));
					qrs.add(new Wave(0.36 * d, 0.1 * d, 0.85, normalize(0.45, 0.75, 0.45)));
					qrs.add(new Wave(0.5 * d, 0.115 * d, 1.5, normalize(0.6, 0.6, -0.55)));
					qrs.add(new Wave(0.76 * d, 0.085 * d, 0.42, normalize(-0.4, -0.45, -0.8)));
					t = normalize(0.55, 0.65, 0.45);
					tSize = 0.36;
					break;
			}
			// Turn the heart: first about the vertical axis, then in the frontal plane so that the
			// net QRS vector lands exactly on the requested frontal axis.
			double[][] horizontal = rotationAboutY(radians(p.horizontalRotationDeg));
			double[] net = new double[3];
			for (Wave w : qrs) {
				double[] dir = apply(horizontal, w.direction);
				double area = w.amplitude * (w.sigmaBefore + w.sigmaAfter);
				for (int a = 0; a < 3; a++) net[a] += area * dir[a];
			}
			double turn = radians(p.frontalAxisDeg) - StrictMath.atan2(net[1], net[0]);
			double[][] m = multiply(rotationAboutZ(turn), horizontal);
			for (Wave w : qrs) ventricular.add(w.rotated(m));
			tDirection = apply(m, t);
			tAmplitude = tSize * p.tWaveScale;
			qrsSeconds = d;
		}

		void addBeat(double[][] dipole, double fs, double qrsOnset, double previousRr, double breathingPhase, Params p) {
			// Breathing swings the heart a little: QRS size varies by a few percent.
			double breathing = 1 + 0.04 * StrictMath.sin(2 * StrictMath.PI * p.respirationHz * qrsOnset + breathingPhase);
			double scale = p.amplitudeScale;
			if (p.rhythm == Rhythm.SINUS) {
				double pOnset = qrsOnset - p.prMs / 1000;
				for (Wave w : atrial) w.add(dipole, fs, pOnset, scale);
			}
			for (Wave w : ventricular) w.add(dipole, fs, qrsOnset, scale * breathing);

			// Rate-dependent repolarisation (Fridericia): QT = QTc * cbrt(RR).
			double qt = p.qtcMs / 1000 * StrictMath.cbrt(previousRr);
			double after = 0.095 * qt;
			double before = 1.35 * after;
			double peak = qt - 2.3 * after;
			new Wave(peak, before, after, tAmplitude, tDirection).add(dipole, fs, qrsOnset, scale);

			if (p.stPattern != StPattern.NONE && p.stMv > 0) {
				addInjuryCurrent(dipole, fs, qrsOnset + 0.9 * qrsSeconds, qrsOnset + peak, qrsOnset + qt,
					p.stMv * scale, p.stPattern.direction);
			}
		}

		/** ST deviation: rises at the J point, holds through the ST segment and fades with the T wave. */
		private static void addInjuryCurrent(double[][] dipole, double fs, double j, double tPeak, double tEnd,
			double amplitude, double[] direction)
		{
			double rise = 0.03;
			int from = (int) StrictMath.max(0, StrictMath.ceil((j - rise) * fs));
			int to = (int) StrictMath.min(dipole[0].length - 1, StrictMath.floor(tEnd * fs));
			for (int i = from; i <= to; i++) {
				double t = i / fs;
				double w = smoothstep((t - (j - rise)) / rise) * (1 - smoothstep((t - tPeak) / (tEnd - tPeak)));
				for (int a = 0; a < 3; a++) dipole[a][i] += amplitude * w * direction[a];
			}
		}
	}

	/** Degrees to radians by one multiplication; {@code toRadians} has changed between JDK versions. */
	static double radians(double degrees) {
		return degrees * (StrictMath.PI / 180);
	}

	private static double smoothstep(double u) {
		if (u <= 0) return 0;
		if (u >= 1) return 1;
		return u * u * (3 - 2 * u);
	}

	private static double[] chest(double gain, double horizontalDeg, double downwards) {
		double a = radians(horizontalDeg);
		return new double[] { gain * StrictMath.cos(a), gain * downwards, gain * StrictMath.sin(a) };
	}

	private static double dot(double[] lead, double x, double y, double z) {
		return lead[0] * x + lead[1] * y + lead[2] * z;
	}

	static double[] normalize(double x, double y, double z) {
		double len = StrictMath.sqrt(x * x + y * y + z * z);
		return new double[] { x / len, y / len, z / len };
	}

	/** Rotation in the horizontal (x-z) plane; positive angles turn +x towards +z (forwards). */
	private static double[][] rotationAboutY(double a) {
		double c = StrictMath.cos(a), s = StrictMath.sin(a);
		return new double[][] { { c, 0, -s }, { 0, 1, 0 }, { s, 0, c } };
	}

	/** Rotation in the frontal (x-y) plane; positive angles turn +x towards +y (clockwise on the hexaxial chart). */
	private static double[][] rotationAboutZ(double a) {
		double c = StrictMath.cos(a), s = StrictMath.sin(a);
		return new double[][] { { c, -s, 0 }, { s, c, 0 }, { 0, 0, 1 } };
	}

	private static double[][] multiply(double[][] a, double[][] b) {
		double[][] m = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				for (int k = 0; k < 3; k++) m[i][j] += a[i][k] * b[k][j];
			}
		}
		return m;
	}

	private static double[] apply(double[][] m, double[] v) {
		return new double[] { m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1] +
			m[1][2] * v[2], m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2] };
	}

	private static double uniform(SplittableRandom r, double min, double max) {
		return min + (max - min) * r.nextDouble();
	}

	private static double clamp(double v, double min, double max) {
		return StrictMath.max(min, StrictMath.min(max, v));
	}

	/** A standard normal deviate (Box-Muller with StrictMath, so it is the same on every JVM). */
	private static double gaussian(SplittableRandom r) {
		double u = 1 - r.nextDouble();
		double v = r.nextDouble();
		return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
	}
}
