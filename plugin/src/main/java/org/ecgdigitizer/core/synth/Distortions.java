package org.ecgdigitizer.core.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Json;

/**
 * Which degradations a synthetic page gets, each with a strength, parsed from "rotate,noise" or
 * "rotate:3,noise:0.04". The random parameters of each are drawn from the page seed, so a page
 * is fully determined by its record, {@link PageSpec} and seed.
 */
public final class Distortions {

	/** The distortion names, what their strength means, and the default strength. */
	public enum Kind {
		/** Rotation about the page centre, uniformly within +-strength degrees. */
		ROTATE("rotate", 5, 45, "maximum angle in degrees"),
		/** Phone photo: the page smaller than the frame, corners moved by up to strength x frame size, on a table. */
		PERSPECTIVE("perspective", 0.06, 0.2, "maximum corner displacement as a fraction of the frame"),
		/** Smooth curl and wrinkles: displacement of up to strength mm with matching shading. */
		WRINKLE("wrinkle", 1.0, 4, "maximum displacement in mm"),
		/** One to three straight folds with light and dark shading and a shift of strength mm across each. */
		CREASE("crease", 0.25, 2, "shift across a fold in mm"),
		/** Uneven illumination plus a soft shadow darkening the paper by up to strength. */
		SHADOW("shadow", 0.4, 0.9, "maximum darkening, 0-1"),
		/** A colour cast changing each channel by up to strength. */
		COLORCAST("colorcast", 0.12, 0.5, "maximum change of a colour channel, 0-1"),
		/** Gaussian pixel noise with a standard deviation of strength x 255. */
		NOISE("noise", 0.04, 0.5, "standard deviation, 0-1 of full scale"),
		/** Gaussian blur with a sigma of strength pixels. */
		BLUR("blur", 1.0, 10, "sigma in pixels"),
		/** JPEG compression (in memory) at quality strength. */
		JPEG("jpeg", 0.5, 1, "JPEG quality, 0-1"),
		/** Black-and-white photocopy: grey, then a threshold at strength. */
		BW("bw", 0.55, 1, "threshold, 0-1 of full scale"),
		/** Faded ink: the trace lighter by strength and broken in places. */
		FADE("fade", 0.5, 1, "how much lighter the ink gets, 0-1"),
		/** Translucent brownish stains and coffee rings, up to strength of them. */
		STAIN("stain", 2, 10, "maximum number of stains"),
		/** Low contrast: the image pulled toward mid grey, keeping strength of its contrast. */
		LOWCONTRAST("lowcontrast", 0.5, 1, "contrast kept, 0-1");

		public final String id;
		public final double defaultStrength;
		/** Beyond this the effect stops being a plausible page (or the warp could fold over itself). */
		public final double maxStrength;
		public final String strengthMeaning;

		Kind(String id, double defaultStrength, double maxStrength, String strengthMeaning) {
			this.id = id;
			this.defaultStrength = defaultStrength;
			this.maxStrength = maxStrength;
			this.strengthMeaning = strengthMeaning;
		}

		public static Kind parse(String id) {
			String key = id.trim().toLowerCase(Locale.ROOT);
			for (Kind k : values()) if (k.id.equals(key)) return k;
			throw new EcgException("Unknown distortion '" + id.trim() + "': use any of " + ids());
		}

		public static List<String> ids() {
			List<String> ids = new ArrayList<>();
			for (Kind k : values()) ids.add(k.id);
			return ids;
		}

		public boolean isGeometric() {
			return this == ROTATE || this == PERSPECTIVE || this == WRINKLE || this == CREASE;
		}
	}

	public static final Distortions NONE = new Distortions(Map.of());

	private final Map<Kind, Double> strengths;

	private Distortions(Map<Kind, Double> strengths) {
		Map<Kind, Double> ordered = new LinkedHashMap<>();
		for (Kind k : Kind.values()) if (strengths.containsKey(k)) ordered.put(k, strengths.get(k));
		this.strengths = Collections.unmodifiableMap(ordered);
	}

	/** Parses "rotate,noise", "rotate:3,noise:0.04", "none" or an empty string. */
	public static Distortions parse(String spec) {
		if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) return NONE;
		Map<Kind, Double> m = new LinkedHashMap<>();
		for (String part : spec.split(",")) {
			if (part.isBlank()) continue;
			String[] kv = part.split(":", 2);
			Kind kind = Kind.parse(kv[0]);
			double strength = kind.defaultStrength;
			if (kv.length == 2) {
				try {
					strength = Double.parseDouble(kv[1].trim());
				}
				catch (NumberFormatException e) {
					throw new EcgException("Distortion '" + part.trim() + "' needs a number after ':' (" +
						kind.strengthMeaning + "), for example " + kind.id + ":" + kind.defaultStrength);
				}
			}
			if (!(strength >= 0 && strength <= kind.maxStrength)) {
				throw new EcgException("Distortion strength of " + kind.id + " must be 0 to " + Json.number(
					kind.maxStrength) + " (" + kind.strengthMeaning + "), got " + kv[1].trim());
			}
			m.put(kind, strength);
		}
		return new Distortions(m);
	}

	/** These distortions plus one more at its default strength. */
	public Distortions with(Kind kind) {
		return with(kind, kind.defaultStrength);
	}

	public Distortions with(Kind kind, double strength) {
		if (!(strength >= 0 && strength <= kind.maxStrength)) {
			throw new EcgException("Distortion strength of " + kind.id + " must be 0 to " + Json.number(kind.maxStrength) +
				", got " + strength);
		}
		Map<Kind, Double> m = new LinkedHashMap<>(strengths);
		m.put(kind, strength);
		return new Distortions(m);
	}

	public boolean has(Kind kind) {
		return strengths.containsKey(kind);
	}

	/** Strength of a distortion, or 0 when it is not applied. */
	public double strength(Kind kind) {
		return strengths.getOrDefault(kind, 0.0);
	}

	public boolean isEmpty() {
		return strengths.isEmpty();
	}

	public boolean hasGeometry() {
		for (Kind k : strengths.keySet()) if (k.isGeometric()) return true;
		return false;
	}

	/** The spec that {@link #parse} reads back, with explicit strengths: "rotate:5,noise:0.04". */
	public String spec() {
		StringBuilder sb = new StringBuilder();
		for (Map.Entry<Kind, Double> e : strengths.entrySet()) {
			if (sb.length() > 0) sb.append(',');
			sb.append(e.getKey().id).append(':').append(Json.number(e.getValue()));
		}
		return sb.length() == 0 ? "none" : sb.toString();
	}

	@Override
	public String toString() {
		return spec();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Distortions && ((Distortions) o).strengths.equals(strengths);
	}

	@Override
	public int hashCode() {
		return strengths.hashCode();
	}
}
