package org.ecgdigitizer.core.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.ecgdigitizer.core.DigitizerSettings;
import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.Json;

/**
 * What the benchmark tells the digitizer about the pages of one condition instead of letting it
 * detect it: the layout, gain and speed, as a user types them ({@code layout=6x2/same-window},
 * {@code gain=10}, {@code speed=25}). Each value remembers where it came from, for the report.
 *
 * <p>They come from a {@value #FILE} file beside the pages (in the dataset's folder, for all its
 * conditions, or in a condition's sub-folder, which wins) and from the command line, which wins
 * over both. Every value is checked when it is read, so a mistake stops the run with one line
 * before any page is digitized.</p>
 */
public final class BenchmarkSettings {

	/** The settings file a dataset folder or condition sub-folder may hold. */
	public static final String FILE = "bench.properties";
	/** The settings there are, in report order. */
	public static final List<String> KEYS = List.of("layout", "gain", "speed");

	private static final BenchmarkSettings NONE = new BenchmarkSettings(Map.of(), Map.of());

	private final Map<String, String> values;
	private final Map<String, String> sources;

	private BenchmarkSettings(Map<String, String> values, Map<String, String> sources) {
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
	}

	/** Nothing fixed: the digitizer detects everything. */
	public static BenchmarkSettings none() {
		return NONE;
	}

	public boolean isEmpty() {
		return values.isEmpty();
	}

	/** The value of a setting, or null when it is left to the digitizer. */
	public String get(String key) {
		return values.get(key);
	}

	/**
	 * These settings with one more, checked.
	 *
	 * @param source where it was given ("6x2/bench.properties", "--settings"), for messages and the report
	 * @throws EcgException for an unknown key or a value the digitizer does not take
	 */
	public BenchmarkSettings with(String key, String value, String source) {
		String k = key.trim();
		if (!KEYS.contains(k)) {
			throw new EcgException("Unknown setting '" + k + "' in " + source + ": use " + String.join(", ", KEYS));
		}
		String v = value.trim();
		try {
			parse(500, k.equals("layout") ? v : null, k.equals("gain") ? v : null, k.equals("speed") ? v : null);
		}
		catch (EcgException e) {
			throw new EcgException("Bad setting " + k + "=" + v + " in " + source + ": " + e.getMessage());
		}
		Map<String, String> vs = new LinkedHashMap<>(values), ss = new LinkedHashMap<>(sources);
		vs.put(k, v);
		ss.put(k, source);
		return new BenchmarkSettings(ordered(vs), ordered(ss));
	}

	/** These settings, with {@code other}'s values replacing theirs. */
	public BenchmarkSettings overriddenBy(BenchmarkSettings other) {
		Map<String, String> vs = new LinkedHashMap<>(values), ss = new LinkedHashMap<>(sources);
		vs.putAll(other.values);
		ss.putAll(other.sources);
		return new BenchmarkSettings(ordered(vs), ordered(ss));
	}

	/**
	 * The settings of a {@value #FILE} file ({@code key=value} lines, {@code #} comments), or none
	 * when the folder has no such file.
	 *
	 * @param name how the report names the file ("6x2/bench.properties")
	 */
	public static BenchmarkSettings read(Path folder, String name) throws IOException {
		Path file = folder.resolve(FILE);
		if (!Files.isRegularFile(file)) return NONE;
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		catch (IllegalArgumentException e) {
			throw new EcgException("Cannot read " + file + ": " + e.getMessage() + "; write one key=value per line");
		}
		BenchmarkSettings s = NONE;
		List<String> keys = new ArrayList<>(p.stringPropertyNames());
		Collections.sort(keys);
		for (String k : keys) s = s.with(k, p.getProperty(k), name);
		return s;
	}

	/**
	 * Settings typed as {@code key=value[;key=value]} ("layout=6x2/same-window;gain=10"); a layout
	 * may itself hold commas and colons ("3x4+3:V1,II,V5"), so pairs are parted by semicolons.
	 */
	public static BenchmarkSettings parseAssignments(String text, String source) {
		BenchmarkSettings s = NONE;
		for (String pair : text.split(";")) {
			if (pair.isBlank()) continue;
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				throw new EcgException("Setting '" + pair.trim() + "' in " + source + " is not key=value; write for example" +
					" layout=6x2/same-window");
			}
			s = s.with(pair.substring(0, eq), pair.substring(eq + 1), source);
		}
		return s;
	}

	/** The digitizer's settings for a page whose reference is sampled at {@code fs}. */
	public DigitizerSettings digitizerSettings(double fs) {
		return parse(fs, values.get("layout"), values.get("gain"), values.get("speed"));
	}

	private static DigitizerSettings parse(double fs, String layout, String gain, String speed) {
		try {
			return DigitizerSettings.parse(fs, layout, gain, speed);
		}
		catch (IllegalArgumentException e) {
			throw new EcgException(e.getMessage());
		}
	}

	/** "layout=6x2/same-window (6x2/bench.properties), gain=10 (--settings)"; "" when none. */
	public String describe() {
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, String> e : values.entrySet()) {
			parts.add(e.getKey() + "=" + e.getValue() + " (" + sources.get(e.getKey()) + ")");
		}
		return String.join(", ", parts);
	}

	/** {"layout": {"value": "6x2/same-window", "from": "6x2/bench.properties"}, ...}. */
	public Map<String, Object> toJson() {
		Map<String, Object> m = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : values.entrySet()) {
			Map<String, Object> v = new LinkedHashMap<>();
			v.put("value", e.getValue());
			v.put("from", sources.get(e.getKey()));
			m.put(e.getKey(), v);
		}
		return m;
	}

	/** Reads {@link #toJson()} back (a report's settings are not checked again). */
	public static BenchmarkSettings fromJson(Object json) {
		if (json == null) return NONE;
		Map<String, String> vs = new LinkedHashMap<>(), ss = new LinkedHashMap<>();
		for (Map.Entry<String, Object> e : Json.object(json).entrySet()) {
			Map<String, Object> v = Json.object(e.getValue());
			vs.put(e.getKey(), (String) v.get("value"));
			ss.put(e.getKey(), (String) v.get("from"));
		}
		return new BenchmarkSettings(vs, ss);
	}

	private static Map<String, String> ordered(Map<String, String> m) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String k : KEYS) if (m.containsKey(k)) out.put(k, m.get(k));
		return out;
	}

	@Override
	public String toString() {
		return describe();
	}
}
