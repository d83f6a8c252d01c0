package org.ecgdigitizer.core.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The twelve standard leads, in the standard order I, II, III, aVR, aVL, aVF, V1-V6. */
public enum Lead {
	I("I"), II("II"), III("III"), AVR("aVR"), AVL("aVL"), AVF("aVF"),
	V1("V1"), V2("V2"), V3("V3"), V4("V4"), V5("V5"), V6("V6");

	private final String label;

	Lead(String label) {
		this.label = label;
	}

	/** The conventional spelling: "aVR", "V1". */
	public String label() {
		return label;
	}

	@Override
	public String toString() {
		return label;
	}

	public boolean isLimb() {
		return ordinal() < 6;
	}

	/** The twelve labels in standard order. */
	public static List<String> standardLabels() {
		List<String> names = new ArrayList<>();
		for (Lead lead : values()) names.add(lead.label);
		return Collections.unmodifiableList(names);
	}

	/**
	 * Parses a lead name case-insensitively ("avr", "AVR", "aVR", "V1", "v1"). Returns null for
	 * names that are not one of the twelve standard leads (for example "MLII" or "vx").
	 */
	public static Lead parse(String name) {
		if (name == null) return null;
		String key = name.trim().toUpperCase(Locale.ROOT);
		for (Lead lead : values()) {
			if (lead.label.toUpperCase(Locale.ROOT).equals(key)) return lead;
		}
		return null;
	}

	/** Like {@link #parse} but fails with a clear message for unknown names. */
	public static Lead of(String name) {
		Lead lead = parse(name);
		if (lead == null) {
			throw new IllegalArgumentException("Unknown lead '" + name + "': use one of " + standardLabels());
		}
		return lead;
	}
}
