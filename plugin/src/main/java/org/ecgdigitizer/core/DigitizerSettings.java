package org.ecgdigitizer.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.classify.InkSources;
import org.ecgdigitizer.core.layout.PageLayout;
import org.ecgdigitizer.core.preprocess.InkSource;

/**
 * What the user may fix instead of letting the digitizer find it. Every front end (Fiji
 * commands, macros, the command line) builds one of these from its options.
 */
public final class DigitizerSettings {

	/** Output sampling frequency, Hz. */
	public final double samplingFrequency;
	/** The page layout, or null to detect it. */
	public final PageLayout layout;
	/** mm/mV, or NaN to detect it (calibration pulse, else 10). */
	public final double gainMmPerMv;
	/** mm/s, or NaN to detect it (calibration pulse, else 25). */
	public final double speedMmPerS;
	/** How ink is told from grid and paper: rules, learned, auto, or a .model file's path. */
	public final String inkSpec;
	private final InkSource ink;

	public DigitizerSettings(double samplingFrequency, PageLayout layout, double gainMmPerMv, double speedMmPerS) {
		this(samplingFrequency, layout, gainMmPerMv, speedMmPerS, InkSources.DEFAULT);
	}

	/** @param ink rules, learned, auto or the path of a .model file (checked and loaded now) */
	public DigitizerSettings(double samplingFrequency, PageLayout layout, double gainMmPerMv, double speedMmPerS,
		String ink)
	{
		this(samplingFrequency, layout, gainMmPerMv, speedMmPerS, InkSources.parse(ink));
	}

	/** @param ink the ink model, already made */
	public DigitizerSettings(double samplingFrequency, PageLayout layout, double gainMmPerMv, double speedMmPerS,
		InkSource ink)
	{
		if (!(samplingFrequency >= 50 && samplingFrequency <= 10000)) {
			throw new EcgException("Sampling frequency must be between 50 and 10000 Hz, got " + samplingFrequency);
		}
		if (!Double.isNaN(gainMmPerMv) && gainMmPerMv != 5 && gainMmPerMv != 10 && gainMmPerMv != 20) {
			throw new EcgException("Gain must be auto, 5, 10 or 20 mm/mV, got " + gainMmPerMv);
		}
		if (!Double.isNaN(speedMmPerS) && speedMmPerS != 25 && speedMmPerS != 50) {
			throw new EcgException("Paper speed must be auto, 25 or 50 mm/s, got " + speedMmPerS);
		}
		this.samplingFrequency = samplingFrequency;
		this.layout = layout;
		this.gainMmPerMv = gainMmPerMv;
		this.speedMmPerS = speedMmPerS;
		this.ink = ink;
		this.inkSpec = ink.name();
	}

	/** The ink model these settings choose. */
	public InkSource ink() {
		return ink;
	}

	/** The same settings with another ink model. */
	public DigitizerSettings withInk(InkSource newInk) {
		return new DigitizerSettings(samplingFrequency, layout, gainMmPerMv, speedMmPerS, newInk);
	}

	/** 500 Hz, everything detected. */
	public static DigitizerSettings defaults() {
		return new DigitizerSettings(500, null, Double.NaN, Double.NaN);
	}

	/**
	 * Builds settings from the strings users type: layout "auto" or a {@link PageLayout} spec,
	 * gain and speed "auto" or a number.
	 */
	public static DigitizerSettings parse(double fs, String layout, String gain, String speed) {
		return parse(fs, layout, gain, speed, null);
	}

	/** As {@link #parse(double, String, String, String)} with the ink model: rules, learned, auto or a .model path (blank: the default). */
	public static DigitizerSettings parse(double fs, String layout, String gain, String speed, String ink) {
		PageLayout l = layout == null || layout.isBlank() || layout.trim().equalsIgnoreCase("auto") ? null
			: parseLayout(layout);
		return new DigitizerSettings(fs, l, parseAuto(gain, "gain"), parseAuto(speed, "speed"), ink == null || ink
			.isBlank() ? InkSources.DEFAULT : ink);
	}

	private static PageLayout parseLayout(String spec) {
		try {
			return PageLayout.parse(spec);
		}
		catch (IllegalArgumentException e) {
			throw new EcgException(e.getMessage());
		}
	}

	private static double parseAuto(String v, String what) {
		if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("auto")) return Double.NaN;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (NumberFormatException e) {
			throw new EcgException("The " + what + " must be 'auto' or a number, got '" + v + "'");
		}
	}

	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("fs", samplingFrequency);
		m.put("layout", layout == null ? "auto" : layout.spec());
		m.put("gain", Double.isNaN(gainMmPerMv) ? "auto" : gainMmPerMv);
		m.put("speed", Double.isNaN(speedMmPerS) ? "auto" : speedMmPerS);
		m.put("ink", inkSpec);
		return m;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "fs=%.0f layout=%s gain=%s speed=%s ink=%s", samplingFrequency, layout ==
			null ? "auto" : layout.spec(), Double.isNaN(gainMmPerMv) ? "auto" : gainMmPerMv, Double.isNaN(speedMmPerS)
				? "auto" : speedMmPerS, inkSpec);
	}
}
