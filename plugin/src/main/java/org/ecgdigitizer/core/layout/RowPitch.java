package org.ecgdigitizer.core.layout;

import java.util.ArrayList;
import java.util.List;

import org.ecgdigitizer.core.Median;

/**
 * The pitch at which a page prints its rows, read from the calibration pulses stacked at the rows'
 * starts. A printer draws the rows of a page at one pitch and a pulse at the start of each, all
 * alike and one above the other; where a pulse is missing (a neighbour's complex crossed it), the
 * pitch says a row is there all the same. The last row (a rhythm strip) may sit at its own distance.
 */
final class RowPitch {

	/** Pulses one above the other that set a pitch: at least this many. */
	static final int MIN_PULSES = 3;
	/** Gaps between pulses within this fraction of a whole number of pitches are on the pitch. */
	static final double TOLERANCE = 0.15;
	/** A pitch no page holds more rows than this between two pulses. */
	static final int MAX_SKIPPED = 6;

	/** Pixels from one row to the next. */
	final double pitch;
	/** The pulses' feet (each a row's baseline at its start), top to bottom. */
	final double[] feet;
	/** The column where the rows' lines are compared with the feet: the pulses' falling edge. */
	final double x;

	private RowPitch(double pitch, double[] feet, double x) {
		this.pitch = pitch;
		this.feet = feet;
		this.x = x;
	}

	/**
	 * The pitch of stacked pulses, or null when there are too few or their gaps share no pitch: the
	 * median gap, refined over the gaps that are a whole number of it.
	 */
	static RowPitch of(List<CalibrationPulse> stacked) {
		if (stacked.size() < MIN_PULSES) return null;
		List<CalibrationPulse> sorted = new ArrayList<>(stacked);
		sorted.sort((a, b) -> Double.compare(a.footY, b.footY));
		double[] feet = new double[sorted.size()];
		double[] right = new double[sorted.size()];
		for (int i = 0; i < feet.length; i++) {
			feet[i] = sorted.get(i).footY;
			right[i] = sorted.get(i).box.maxX();
		}
		double[] gaps = new double[feet.length - 1];
		for (int i = 0; i < gaps.length; i++) gaps[i] = feet[i + 1] - feet[i];
		// the smallest gap that many others are whole numbers of
		double rough = Median.of(gaps);
		for (double g : gaps) if (g < rough && multiples(gaps, g) > multiples(gaps, rough)) rough = g;
		double sum = 0;
		int n = 0;
		for (double g : gaps) {
			long k = Math.round(g / rough);
			if (k >= 1 && Math.abs(g / k - rough) <= TOLERANCE * rough) {
				sum += g;
				n += k;
			}
		}
		if (n < 2) return null;
		return new RowPitch(sum / n, feet, Median.of(right));
	}

	/** How many gaps are a whole number of the pitch p. */
	private static int multiples(double[] gaps, double p) {
		int n = 0;
		for (double g : gaps) {
			long k = Math.round(g / p);
			if (k >= 1 && Math.abs(g / k - p) <= TOLERANCE * p) n++;
		}
		return n;
	}

	/** How many pitches apart two neighbouring feet are, or 0 when their gap is not on the pitch. */
	int steps(int i) {
		double gap = feet[i + 1] - feet[i];
		long k = Math.round(gap / pitch);
		return k >= 1 && k <= MAX_SKIPPED + 1 && Math.abs(gap / k - pitch) <= TOLERANCE * pitch ? (int) k : 0;
	}

	/** Where rows without a pulse must be: between neighbouring pulses two or more pitches apart. */
	List<Double> missing() {
		List<Double> out = new ArrayList<>();
		for (int i = 0; i + 1 < feet.length; i++) {
			int k = steps(i);
			for (int j = 1; j < k; j++) out.add(feet[i] + (feet[i + 1] - feet[i]) * j / k);
		}
		return out;
	}

	/**
	 * Whether y lies between two neighbouring pulses whose gap is on the pitch: there, every row is
	 * at a pulse or at a place {@link #missing()} names, and nothing else is a row.
	 */
	boolean governs(double y) {
		for (int i = 0; i + 1 < feet.length; i++) {
			if (y > feet[i] && y < feet[i + 1]) return steps(i) > 0;
		}
		return false;
	}
}
