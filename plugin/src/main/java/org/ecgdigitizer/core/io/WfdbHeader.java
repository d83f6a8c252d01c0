package org.ecgdigitizer.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ecgdigitizer.core.EcgException;

/**
 * The parsed header ({@code .hea}) of a single-segment WFDB record: the record line, one
 * signal specification line per signal, and the comment lines. Follows PhysioNet's
 * header(5) specification; fields are separated by spaces or tabs.
 */
final class WfdbHeader {

	/** Sampling frequency the specification assumes when the record line gives none. */
	static final double DEFAULT_FREQUENCY = 250;
	/** ADC gain the specification assumes for a missing or zero gain (uncalibrated signal). */
	static final double DEFAULT_GAIN = 200;

	private static final Pattern FREQUENCY = Pattern.compile("([^/(]+)(?:/([^(]*))?(?:\\(([^)]*)\\))?");
	private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x(\\d+))?(?::(\\d+))?(?:\\+(\\d+))?");
	private static final Pattern GAIN = Pattern.compile("([^(/]+)(?:\\(([^)]*)\\))?(?:/(\\S*))?");

	final String source;
	final String recordName;
	final double samplingFrequency;
	/** Samples per signal; 0 when the header leaves it unspecified. */
	final long sampleCount;
	final List<Signal> signals;
	final List<String> comments;

	/** One signal specification line. */
	static final class Signal {
		final int index;
		final String fileName;
		final int format;
		final int samplesPerFrame;
		final int skew;
		final long byteOffset;
		/** ADC units per physical unit, never 0. */
		final double gain;
		/** The sample value of 0 physical units. */
		final long baseline;
		/** Physical units as written, or null when absent (millivolts by the specification). */
		final String units;
		/** Initial value and checksum, or null when the header does not give them. */
		final Long initialValue;
		final Long checksum;
		final String description;

		private Signal(int index, String fileName, int format, int samplesPerFrame, int skew, long byteOffset,
			double gain, long baseline, String units, Long initialValue, Long checksum, String description)
		{
			this.index = index;
			this.fileName = fileName;
			this.format = format;
			this.samplesPerFrame = samplesPerFrame;
			this.skew = skew;
			this.byteOffset = byteOffset;
			this.gain = gain;
			this.baseline = baseline;
			this.units = units;
			this.initialValue = initialValue;
			this.checksum = checksum;
			this.description = description;
		}
	}

	private WfdbHeader(String source, String recordName, double samplingFrequency, long sampleCount,
		List<Signal> signals, List<String> comments)
	{
		this.source = source;
		this.recordName = recordName;
		this.samplingFrequency = samplingFrequency;
		this.sampleCount = sampleCount;
		this.signals = signals;
		this.comments = comments;
	}

	/**
	 * Parses header text.
	 *
	 * @param source the header's file name, used in error messages
	 */
	static WfdbHeader parse(String text, String source) {
		List<String> comments = new ArrayList<>();
		List<Signal> signals = new ArrayList<>();
		String[] lines = text.split("\n", -1);
		String recordName = null;
		double frequency = DEFAULT_FREQUENCY;
		long sampleCount = 0;
		int signalCount = -1;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			int lineNumber = i + 1;
			if (line.isEmpty()) continue;
			if (line.startsWith("#")) {
				comments.add(line.substring(1).strip());
				continue;
			}
			Parser p = new Parser(line, source, lineNumber);
			if (recordName == null) {
				String nameField = p.next("record name");
				if (nameField.contains("/")) {
					throw new EcgException(source + " describes a multi-segment record (" + nameField +
						"); only single-segment records can be read: join the segments into one record first");
				}
				recordName = nameField;
				signalCount = p.nextInt("number of signals");
				if (signalCount < 0) throw p.error("the number of signals is negative");
				if (p.hasNext()) frequency = parseFrequency(p);
				if (p.hasNext()) {
					sampleCount = p.nextLong("number of samples");
					if (sampleCount < 0) throw p.error("the number of samples is negative");
				}
				// Base time and date are not needed: an EcgRecord has no start time.
			}
			else if (signals.size() < signalCount) {
				signals.add(parseSignal(p, signals.size()));
			}
			// Further lines are ignored, as by the WFDB library.
		}
		if (recordName == null) {
			throw new EcgException(source + " is not a WFDB header: it has no record line; give the .hea file of a WFDB record");
		}
		if (signals.size() < signalCount) {
			throw new EcgException(source + " promises " + signalCount + " signals but describes only " + signals.size() +
				"; the header is incomplete, restore it from the original record");
		}
		return new WfdbHeader(source, recordName, frequency, sampleCount, signals, comments);
	}

	private static double parseFrequency(Parser p) {
		String field = p.next("sampling frequency");
		Matcher m = FREQUENCY.matcher(field);
		if (!m.matches()) throw p.error("sampling frequency '" + field + "' is not valid");
		// The counter frequency and base counter value only serve time conversions; checked, not kept.
		double frequency = p.number(m.group(1), "sampling frequency");
		if (m.group(2) != null && !m.group(2).isEmpty()) p.number(m.group(2), "counter frequency");
		if (m.group(3) != null) p.number(m.group(3), "base counter value");
		if (!(frequency > 0) || Double.isInfinite(frequency)) throw p.error("sampling frequency '" + field + "' is not positive");
		return frequency;
	}

	private static Signal parseSignal(Parser p, int index) {
		String fileName = p.next("file name");
		String formatField = p.next("format");
		Matcher f = FORMAT.matcher(formatField);
		if (!f.matches()) throw p.error("format '" + formatField + "' is not valid");
		int format = p.integer(f.group(1), "format");
		int samplesPerFrame = f.group(2) == null ? 1 : p.integer(f.group(2), "samples per frame");
		int skew = f.group(3) == null ? 0 : p.integer(f.group(3), "skew");
		long byteOffset = f.group(4) == null ? 0 : p.longInteger(f.group(4), "byte offset");

		double gain = 0;
		Long baseline = null;
		String units = null;
		if (p.hasNext()) {
			String gainField = p.next("ADC gain");
			Matcher g = GAIN.matcher(gainField);
			if (!g.matches()) throw p.error("ADC gain '" + gainField + "' is not valid");
			gain = p.number(g.group(1), "ADC gain");
			if (Double.isInfinite(gain)) throw p.error("ADC gain '" + gainField + "' is not finite");
			if (g.group(2) != null) baseline = p.longInteger(g.group(2), "baseline");
			if (g.group(3) != null && !g.group(3).isEmpty()) units = g.group(3);
		}
		if (gain == 0) gain = DEFAULT_GAIN;
		if (p.hasNext()) p.nextInt("ADC resolution");
		long adcZero = p.hasNext() ? p.nextLong("ADC zero") : 0;
		Long initialValue = p.hasNext() ? p.nextLong("initial value") : null;
		Long checksum = p.hasNext() ? p.nextLong("checksum") : null;
		if (p.hasNext()) p.nextInt("block size");
		String description = p.rest();
		if (description.isEmpty()) description = "signal " + index;
		return new Signal(index, fileName, format, samplesPerFrame, skew, byteOffset, gain,
			baseline != null ? baseline : adcZero, units, initialValue, checksum, description);
	}

	/** Splits one line into fields separated by spaces or tabs; the rest of the line is available as a whole. */
	private static final class Parser {
		private final String line;
		private final String source;
		private final int lineNumber;
		private int pos;

		Parser(String line, String source, int lineNumber) {
			this.line = line;
			this.source = source;
			this.lineNumber = lineNumber;
		}

		boolean hasNext() {
			skipBlanks();
			return pos < line.length();
		}

		String next(String what) {
			if (!hasNext()) throw error("the " + what + " is missing");
			int start = pos;
			while (pos < line.length() && !isBlank(line.charAt(pos))) pos++;
			return line.substring(start, pos);
		}

		String rest() {
			skipBlanks();
			return line.substring(pos).strip();
		}

		int nextInt(String what) {
			return integer(next(what), what);
		}

		long nextLong(String what) {
			return longInteger(next(what), what);
		}

		int integer(String s, String what) {
			long v = longInteger(s, what);
			if (v != (int) v) throw error(what + " '" + s + "' is out of range");
			return (int) v;
		}

		long longInteger(String s, String what) {
			try {
				return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
			}
			catch (NumberFormatException e) {
				throw error(what + " '" + s + "' is not an integer");
			}
		}

		double number(String s, String what) {
			try {
				double v = Double.parseDouble(s);
				if (Double.isNaN(v)) throw new NumberFormatException();
				return v;
			}
			catch (NumberFormatException e) {
				throw error(what + " '" + s + "' is not a number");
			}
		}

		EcgException error(String problem) {
			return new EcgException("Invalid WFDB header " + source + " line " + lineNumber + ": " + problem +
				"; correct the header");
		}

		private void skipBlanks() {
			while (pos < line.length() && isBlank(line.charAt(pos))) pos++;
		}

		private static boolean isBlank(char c) {
			return c == ' ' || c == '\t';
		}
	}
}
