package org.ecgdigitizer.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;

/**
 * ECG records as CSV: a header row {@code time,I,II,...} naming the leads, then one row per
 * sample with the time in seconds and the values in mV; an empty cell is a missing value (NaN).
 *
 * <p>Times are written with as many decimals as make them exact for the sampling frequency
 * (3 for 500 Hz, 10 for 1024 Hz; 9 for rates like 360 Hz whose step has no short decimal form),
 * values with 6 decimals (1 nV) without trailing zeros.</p>
 *
 * <p>Reading accepts that form back, with the time column named {@code time} (or {@code t},
 * {@code time_s}, {@code time (s)}, {@code time_ms}, {@code time [ms]}); the sampling frequency is
 * taken from it. Files without a time column are read with {@link #read(Path, double)}.</p>
 */
public final class CsvRecords {

	private CsvRecords() {}

	/** Decimals used for times whose step has no exact short decimal form. */
	private static final int FALLBACK_TIME_DECIMALS = 9;
	private static final int MAX_TIME_DECIMALS = 10;
	private static final int VALUE_DECIMALS = 6;

	/** Writes the record to a CSV file, atomically (a temporary file is moved into place). */
	public static void write(EcgRecord record, Path csv) throws IOException {
		AtomicFiles.write(csv, content(record));
	}

	/** The CSV text of a record, for writing together with other files in an {@link AtomicFiles.Batch}. */
	public static AtomicFiles.Content content(EcgRecord record) {
		double fs = record.samplingFrequency();
		int timeDecimals = timeDecimals(fs);
		long exactStep = exactStepUnits(fs, timeDecimals);
		double[][] samples = record.samples();
		return out -> {
			Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			StringBuilder line = new StringBuilder(256);
			line.append("time");
			for (String lead : record.leadNames()) line.append(',').append(quote(lead));
			w.append(line).append('\n');
			for (int t = 0; t < record.length(); t++) {
				line.setLength(0);
				long timeUnits = exactStep > 0 ? t * exactStep : Math.round(t * Math.pow(10, timeDecimals) / fs);
				appendDecimal(line, timeUnits, timeDecimals, false);
				for (double[] channel : samples) {
					line.append(',');
					appendValue(line, channel[t]);
				}
				w.append(line).append('\n');
			}
			w.flush();
		};
	}

	/** Reads a CSV record whose first column is the time in seconds; the sampling frequency comes from it. */
	public static EcgRecord read(Path csv) throws IOException {
		return read(csv, Double.NaN);
	}

	/**
	 * Reads a CSV record at the given sampling frequency. Every column is a lead unless the first one
	 * is a time column, which must then agree with the frequency.
	 */
	public static EcgRecord read(Path csv, double samplingFrequency) throws IOException {
		boolean fsGiven = !Double.isNaN(samplingFrequency);
		if (fsGiven && !(samplingFrequency > 0 && Double.isFinite(samplingFrequency))) {
			throw new EcgException("Sampling frequency must be positive, got " + samplingFrequency);
		}
		String source = csv.getFileName().toString();
		List<String> lines = readLines(csv);
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
		if (lines.isEmpty()) {
			throw new EcgException(source + " is empty; a CSV record needs a header row naming the leads");
		}
		List<String> header = splitHeader(lines.get(0), source);
		double timeScale = timeUnitScale(header.get(0));
		boolean hasTime = timeScale > 0;
		if (!hasTime && !fsGiven) {
			throw new EcgException(source + " has no time column (a first column named 'time', in seconds), so its" +
				" sampling frequency is unknown; give the sampling frequency");
		}
		List<String> leads = new ArrayList<>(header.subList(hasTime ? 1 : 0, header.size()));
		for (int c = 0; c < leads.size(); c++) {
			if (leads.get(c).isEmpty()) {
				throw new EcgException(source + " line 1: column " + (c + (hasTime ? 2 : 1)) + " has no lead name;" +
					" name every column in the header row");
			}
		}
		if (leads.isEmpty()) throw new EcgException(source + " has no lead columns; add one column per lead");

		int rows = lines.size() - 1;
		int columns = header.size();
		double[] time = new double[rows];
		double[][] samples = new double[leads.size()][rows];
		int timeDecimals = 0;
		for (int r = 0; r < rows; r++) {
			int lineNumber = r + 2;
			String line = lines.get(r + 1);
			String[] cells = line.indexOf('"') < 0 ? line.split(",", -1) : splitQuoted(line, source, lineNumber);
			if (cells.length != columns) {
				throw new EcgException(source + " line " + lineNumber + ": " + cells.length + " values, but the header has " +
					columns + " columns; give every row one value per column");
			}
			int first = 0;
			if (hasTime) {
				String cell = cells[0].strip();
				time[r] = parse(cell, source, lineNumber, 1);
				if (!Double.isFinite(time[r])) {
					throw new EcgException(source + " line " + lineNumber + ": the time is missing; give a time on every row");
				}
				time[r] *= timeScale;
				timeDecimals = Math.max(timeDecimals, decimals(cell));
				first = 1;
			}
			for (int c = first; c < columns; c++) {
				samples[c - first][r] = parse(cells[c].strip(), source, lineNumber, c + 1);
			}
		}
		double fs = samplingFrequency;
		if (hasTime) {
			double fromTime = frequencyFromTime(time, timeDecimals, timeScale, source);
			if (!fsGiven) {
				fs = fromTime;
			}
			else if (Math.abs(fromTime - fs) > 1e-3 * fs) {
				throw new EcgException(source + ": its time column gives " + Wfdb.plainNumber(fromTime) + " Hz but " +
					Wfdb.plainNumber(fs) + " Hz was given; give the frequency the file was sampled at, or leave it out");
			}
		}
		return new EcgRecord(Records.stem(csv), fs, leads, samples);
	}

	// ---------------------------------------------------------------- time

	/** Smallest number of decimals that writes every multiple of 1/fs exactly, or the fallback. */
	private static int timeDecimals(double fs) {
		for (int d = 0; d <= MAX_TIME_DECIMALS; d++) {
			if (exactStepUnits(fs, d) > 0) return d;
		}
		return FALLBACK_TIME_DECIMALS;
	}

	/** The step 1/fs in units of 10^-decimals s when that is an integer, else 0. */
	private static long exactStepUnits(double fs, int decimals) {
		double units = Math.pow(10, decimals) / fs;
		long rounded = Math.round(units);
		return rounded > 0 && Math.abs(units - rounded) <= 1e-9 * units ? rounded : 0;
	}

	/** Seconds per unit of the time column, or 0 when the column is not a time column. */
	private static double timeUnitScale(String column) {
		String name = column.strip().toLowerCase(Locale.ROOT);
		if (name.equals("t") || name.equals("time")) return 1;
		if (!name.startsWith("time")) return 0;
		String unit = name.substring(4).replaceAll("[\\s_()\\[\\]]", "");
		switch (unit) {
			case "s":
			case "sec":
			case "seconds":
				return 1;
			case "ms":
				return 1e-3;
			default:
				return 0;
		}
	}

	/**
	 * The sampling frequency of a uniform time column. Each step between rows must be within half
	 * the median step (which pinpoints missing or repeated samples), and each time within a quarter
	 * step of the grid from the first to the last time (which catches drift); both tolerate times
	 * rounded to fewer decimals. The frequency, measured over the whole column, is then rounded to
	 * the simplest value (integer, or 1 to 3 decimals) that the precision of the times allows.
	 */
	private static double frequencyFromTime(double[] time, int decimals, double timeScale, String source) {
		int n = time.length;
		if (n < 2) {
			throw new EcgException(source + " has fewer than two rows, so its sampling frequency cannot be measured;" +
				" give the sampling frequency");
		}
		double[] steps = new double[n - 1];
		for (int i = 1; i < n; i++) steps[i - 1] = time[i] - time[i - 1];
		double[] sorted = steps.clone();
		Arrays.sort(sorted);
		double typical = sorted[(n - 1) / 2];
		if (!(typical > 0)) {
			throw new EcgException(source + ": the time column does not increase; give times in seconds from first to" +
				" last sample");
		}
		for (int i = 1; i < n; i++) {
			if (Math.abs(steps[i - 1] - typical) > 0.5 * typical) {
				throw new EcgException(source + " line " + (i + 2) + ": time " + Wfdb.plainNumber(time[i]) + " s comes " +
					Wfdb.plainNumber(steps[i - 1]) + " s after the previous row, but the time column steps by " +
					Wfdb.plainNumber(typical) + " s; samples are missing or repeated, so resample the record to a" +
					" uniform rate");
			}
		}
		double step = (time[n - 1] - time[0]) / (n - 1);
		for (int i = 1; i < n; i++) {
			double expected = time[0] + i * step;
			if (Math.abs(time[i] - expected) > 0.25 * step) {
				throw new EcgException(String.format(Locale.ROOT, "%s line %d: time %s s is off the uniform %s s grid of" +
					" the time column (expected %s s); resample the record to a uniform rate", source, i + 2,
					Wfdb.plainNumber(time[i]), Wfdb.plainNumber(step), Wfdb.plainNumber(expected)));
			}
		}
		double fs = 1 / step;
		// Each time is exact to half a unit in its last decimal; so is the span they measure.
		double relativeError = 0.5 * Math.pow(10, -decimals) * timeScale / (time[n - 1] - time[0]) + 1e-12;
		for (int d = 0; d <= 3; d++) {
			double scale = Math.pow(10, d);
			double candidate = Math.round(fs * scale) / scale;
			if (Math.abs(candidate - fs) <= fs * relativeError) return candidate;
		}
		return fs;
	}

	/** Digits after the decimal point of a number as written (a large value for exponent notation). */
	private static int decimals(String cell) {
		if (cell.indexOf('e') >= 0 || cell.indexOf('E') >= 0) return 15;
		int dot = cell.indexOf('.');
		return dot < 0 ? 0 : cell.length() - dot - 1;
	}

	// ---------------------------------------------------------------- cells

	private static double parse(String cell, String source, int lineNumber, int column) {
		if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) return Double.NaN;
		try {
			return Double.parseDouble(cell);
		}
		catch (NumberFormatException e) {
			throw new EcgException(source + " line " + lineNumber + ", column " + column + ": '" + cell +
				"' is not a number; give values in mV with a decimal point, or leave the cell empty for a missing value");
		}
	}

	private static void appendValue(StringBuilder sb, double v) {
		if (Double.isNaN(v)) return;
		double scaled = v * 1e6;
		if (Double.isInfinite(v) || Math.abs(scaled) >= 1e17) {
			sb.append(v);
			return;
		}
		appendDecimal(sb, Math.round(scaled), VALUE_DECIMALS, true);
	}

	/** Appends units * 10^-decimals in plain decimal notation. */
	private static void appendDecimal(StringBuilder sb, long units, int decimals, boolean stripZeros) {
		if (units < 0) sb.append('-');
		String digits = Long.toString(Math.abs(units));
		if (decimals == 0) {
			sb.append(digits);
			return;
		}
		if (digits.length() <= decimals) {
			char[] zeros = new char[decimals + 1 - digits.length()];
			Arrays.fill(zeros, '0');
			digits = new String(zeros) + digits;
		}
		int point = digits.length() - decimals;
		int end = digits.length();
		if (stripZeros) {
			while (end > point && digits.charAt(end - 1) == '0') end--;
		}
		sb.append(digits, 0, point);
		if (end > point) sb.append('.').append(digits, point, end);
	}

	private static String quote(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
	}

	private static List<String> splitHeader(String line, String source) {
		if (line.startsWith("\uFEFF")) line = line.substring(1);
		String[] cells = line.indexOf('"') < 0 ? line.split(",", -1) : splitQuoted(line, source, 1);
		List<String> header = new ArrayList<>();
		for (String cell : cells) header.add(cell.strip());
		return header;
	}

	/** Splits one line with RFC 4180 quoting ("a, b" and "" for a quote inside quotes). */
	private static String[] splitQuoted(String line, String source, int lineNumber) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					cell.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(ch);
			}
		}
		if (quoted) {
			throw new EcgException(source + " line " + lineNumber + ": a quoted cell is not closed; add the closing quote");
		}
		cells.add(cell.toString());
		return cells.toArray(new String[0]);
	}

	private static List<String> readLines(Path csv) throws IOException {
		if (!Files.isRegularFile(csv)) {
			throw new EcgException("CSV file " + csv + " does not exist; check the path");
		}
		return new ArrayList<>(Arrays.asList(Wfdb.decodeText(Files.readAllBytes(csv)).split("\r\n|\n|\r", -1)));
	}
}
