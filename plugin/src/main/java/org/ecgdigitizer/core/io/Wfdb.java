package org.ecgdigitizer.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;

/**
 * Reads and writes PhysioNet WFDB records: a text header ({@code .hea}) and binary signal files.
 *
 * <p>Reading supports single-segment records in formats 16 (16-bit little-endian), 212 (12-bit
 * packed) and 80 (8-bit offset binary), with byte offsets, signals spread over several files,
 * per-signal gains and baselines, and units of mV or uV. Invalid samples become NaN. Every
 * signal's checksum and initial value are verified when the header gives them, so a damaged or
 * mismatched file is reported instead of silently producing wrong values.</p>
 *
 * <p>Writing produces {@code <name>.hea} and {@code <name>.dat} that the PhysioNet WFDB tools
 * read: format 16 or 212, one gain for all leads, baseline 0, units mV, lead names as signal
 * descriptions and the record's comments as {@code #} lines.</p>
 */
public final class Wfdb {

	private Wfdb() {}

	private static final Pattern RECORD_NAME = Pattern.compile("[A-Za-z0-9_-]+");
	/** Header lines may hold 255 characters including the line feed. */
	private static final int MAX_LINE = 254;

	// ---------------------------------------------------------------- reading

	/**
	 * Reads a WFDB record.
	 *
	 * @param path the record's {@code .hea} file, one of its signal files ({@code .dat}), or the
	 *            record path without extension
	 * @return the record in mV, named as in its header, lead names from the signal descriptions,
	 *         header comments (without their {@code #}) as comments
	 * @throws EcgException when the header is missing or invalid, the record uses a feature this
	 *             reader does not support, or a signal file is missing, too short or fails its
	 *             checksum or initial-value check
	 */
	public static EcgRecord read(Path path) throws IOException {
		Path headerPath = headerOf(path);
		WfdbHeader header = WfdbHeader.parse(decodeText(Files.readAllBytes(headerPath)),
			headerPath.getFileName().toString());
		Path folder = headerPath.toAbsolutePath().getParent();
		for (WfdbHeader.Signal s : header.signals) checkSupported(header, s);
		List<List<WfdbHeader.Signal>> groups = groups(header);

		List<Path> files = new ArrayList<>();
		long frames = header.sampleCount;
		long shortest = Long.MAX_VALUE;
		for (List<WfdbHeader.Signal> group : groups) {
			Path file = signalFile(header, folder, group);
			files.add(file);
			long available = framesIn(group, file);
			if (frames > 0 && available < frames) throw truncated(header, group, available, frames);
			shortest = Math.min(shortest, available);
		}
		if (groups.isEmpty()) {
			frames = 0;
		}
		else if (frames == 0) {
			// Length unspecified: as many whole frames as every file holds.
			frames = shortest;
		}
		if (!groups.isEmpty() && frames > (Integer.MAX_VALUE - 8) / header.signals.size()) {
			throw new EcgException("Record " + header.recordName + " is too long to read at once (" + frames +
				" samples per signal); cut it into shorter records first");
		}

		double[][] samples = new double[header.signals.size()][(int) frames];
		for (int g = 0; g < groups.size(); g++) {
			readGroup(header, groups.get(g), files.get(g), (int) frames, samples);
		}
		List<String> leadNames = new ArrayList<>();
		for (WfdbHeader.Signal s : header.signals) leadNames.add(s.description);
		return new EcgRecord(header.recordName, header.samplingFrequency, leadNames, samples, header.comments);
	}

	/** The header file of a record given by its header, a signal file, or its path without extension. */
	static Path headerOf(Path path) {
		Path fileName = path.getFileName();
		if (fileName != null) {
			String name = fileName.toString();
			if (name.toLowerCase(Locale.ROOT).endsWith(".hea") && Files.isRegularFile(path)) return path;
			Path appended = path.resolveSibling(name + ".hea");
			if (Files.isRegularFile(appended)) return appended;
			int dot = name.lastIndexOf('.');
			if (dot > 0) {
				Path replaced = path.resolveSibling(name.substring(0, dot) + ".hea");
				if (Files.isRegularFile(replaced)) return replaced;
			}
		}
		throw new EcgException("No WFDB header found for " + path +
			": give the record's .hea file, with its signal files in the same folder");
	}

	/** Text as UTF-8, or as Latin-1 when it is not valid UTF-8 (older tools write Latin-1 comments and names). */
	static String decodeText(byte[] bytes) {
		try {
			CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
			return chars.toString();
		}
		catch (CharacterCodingException e) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

	private static void checkSupported(WfdbHeader header, WfdbHeader.Signal s) {
		String where = "Record " + header.recordName + ", " + channel(s) + ": ";
		if (s.format != 16 && s.format != 212 && s.format != 80) {
			throw new EcgException(where + "WFDB format " + s.format + " is not supported; only formats 16, 212 and 80" +
				" can be read, so convert the record to format 16 first (for example with the WFDB tool xform)");
		}
		if (s.samplesPerFrame != 1) {
			throw new EcgException(where + s.samplesPerFrame + " samples per frame (a multi-frequency record) are not" +
				" supported; resample the record to a single sampling frequency first");
		}
		if (s.skew != 0) {
			throw new EcgException(where + "a skew of " + s.skew + " samples is not supported; remove the skew from" +
				" the record first (for example with the WFDB tool xform)");
		}
		unitScale(header, s);
	}

	/** Factor that converts the signal's physical units to mV. */
	private static double unitScale(WfdbHeader header, WfdbHeader.Signal s) {
		String units = s.units;
		if (units == null || units.equalsIgnoreCase("mV")) return 1;
		if (units.equalsIgnoreCase("uV") || units.equals("\u00b5V") || units.equals("\u03bcV")) return 1e-3;
		throw new EcgException("Record " + header.recordName + ", " + channel(s) + ": units '" + units +
			"' are not ECG units; only signals in mV or uV can be read, so remove other signals from the record first");
	}

	private static String channel(WfdbHeader.Signal s) {
		return "channel \"" + s.description + "\" (signal " + s.index + ")";
	}

	/** Consecutive signals stored in one file, as the specification requires. */
	private static List<List<WfdbHeader.Signal>> groups(WfdbHeader header) {
		List<List<WfdbHeader.Signal>> groups = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (WfdbHeader.Signal s : header.signals) {
			List<WfdbHeader.Signal> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
			if (last != null && last.get(0).fileName.equals(s.fileName)) {
				WfdbHeader.Signal first = last.get(0);
				if (s.format != first.format || s.byteOffset != first.byteOffset) {
					throw new EcgException("Invalid WFDB header " + header.source + ": signals in " + s.fileName +
						" differ in format or byte offset; correct the header");
				}
				last.add(s);
			}
			else {
				if (!seen.add(s.fileName)) {
					throw new EcgException("Invalid WFDB header " + header.source + ": the signals stored in " +
						s.fileName + " are not listed consecutively; correct the header");
				}
				List<WfdbHeader.Signal> group = new ArrayList<>();
				group.add(s);
				groups.add(group);
			}
		}
		return groups;
	}

	private static Path signalFile(WfdbHeader header, Path folder, List<WfdbHeader.Signal> group) {
		String name = group.get(0).fileName;
		Path file = folder.resolve(name);
		if (!Files.isRegularFile(file)) {
			throw new EcgException("Record " + header.recordName + ": signal file " + name + " named in " + header.source +
				" is missing from " + folder + "; keep all files of the record together in one folder");
		}
		return file;
	}

	/** Bytes that hold the given number of samples. */
	private static long bytesFor(int format, long samples) {
		switch (format) {
			case 16:
				return 2 * samples;
			case 80:
				return samples;
			default: // 212: three bytes per pair, two for a final odd sample
				return samples / 2 * 3 + (samples % 2) * 2;
		}
	}

	/** Whole samples in the given number of bytes. */
	private static long samplesIn(int format, long bytes) {
		switch (format) {
			case 16:
				return bytes / 2;
			case 80:
				return bytes;
			default:
				return bytes / 3 * 2 + (bytes % 3 == 2 ? 1 : 0);
		}
	}

	private static long framesIn(List<WfdbHeader.Signal> group, Path file) throws IOException {
		WfdbHeader.Signal first = group.get(0);
		long bytes = Math.max(0, Files.size(file) - first.byteOffset);
		return samplesIn(first.format, bytes) / group.size();
	}

	private static void readGroup(WfdbHeader header, List<WfdbHeader.Signal> group, Path file, int frames,
		double[][] samples) throws IOException
	{
		WfdbHeader.Signal first = group.get(0);
		int n = group.size();
		int total = frames * n;
		long needed = bytesFor(first.format, total);
		byte[] data = readBytes(file, first.byteOffset, needed);
		if (data.length < needed) {
			throw truncated(header, group, samplesIn(first.format, data.length) / n, frames);
		}
		int[] raw = decode(first.format, data, total);
		int invalid = invalidValue(first.format);
		for (int k = 0; k < n; k++) {
			WfdbHeader.Signal s = group.get(k);
			double[] out = samples[s.index];
			double gain = s.gain;
			double baseline = s.baseline;
			double scale = unitScale(header, s);
			long sum = 0;
			for (int t = 0, i = k; t < frames; t++, i += n) {
				int v = raw[i];
				sum += v;
				// Divide rather than multiply by 1/gain, so that values are exactly k / gain.
				double mv = v == invalid ? Double.NaN : (v - baseline) / gain;
				out[t] = scale == 1 ? mv : mv * scale;
			}
			verify(header, s, raw, k, frames, sum);
		}
	}

	private static EcgException truncated(WfdbHeader header, List<WfdbHeader.Signal> group, long available,
		long promised)
	{
		WfdbHeader.Signal first = group.get(0);
		String channels = group.size() == 1 ? channel(first) : group.size() + " channels from " + channel(first);
		return new EcgException("Record " + header.recordName + ": signal file " + first.fileName + " is too short: it" +
			" holds " + available + " of the " + promised + " samples the header promises for " + channels +
			"; the file is truncated, so copy the record again from its source");
	}

	private static void verify(WfdbHeader header, WfdbHeader.Signal s, int[] raw, int k, int frames, long sum) {
		String advice = "; the file is damaged or belongs to another record, so copy the record again from its source";
		if (s.initialValue != null && frames > 0 && raw[k] != s.initialValue) {
			throw new EcgException("Record " + header.recordName + ", " + channel(s) + ": the first sample in " +
				s.fileName + " is " + raw[k] + " but the header's initial value is " + s.initialValue + advice);
		}
		// The checksum covers the whole signal, so it can only be checked when the header gives the length.
		// Some writers (PTB-XL) store it unsigned: compare modulo 2^16.
		if (s.checksum != null && header.sampleCount > 0 && ((sum - s.checksum) & 0xFFFF) != 0) {
			throw new EcgException("Record " + header.recordName + ", " + channel(s) + ": the samples in " + s.fileName +
				" have checksum " + (short) sum + " but the header says " + s.checksum + advice);
		}
	}

	/** Reads up to {@code length} bytes from the offset; fewer when the file ends first. */
	private static byte[] readBytes(Path file, long offset, long length) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long available = Math.max(0, channel.size() - offset);
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, offset + buffer.position()) < 0) break;
			}
			if (buffer.hasRemaining()) return Arrays.copyOf(buffer.array(), buffer.position());
			return buffer.array();
		}
	}

	/** Stored sample values, in file order. */
	private static int[] decode(int format, byte[] data, int total) {
		int[] raw = new int[total];
		switch (format) {
			case 16:
				for (int i = 0, b = 0; i < total; i++, b += 2) {
					raw[i] = (short) ((data[b] & 0xFF) | (data[b + 1] << 8));
				}
				break;
			case 80:
				for (int i = 0; i < total; i++) raw[i] = (data[i] & 0xFF) - 128;
				break;
			default:
				for (int i = 0, b = 0; i < total; i += 2, b += 3) {
					int middle = data[b + 1] & 0xFF;
					raw[i] = signExtend12((data[b] & 0xFF) | (middle & 0x0F) << 8);
					if (i + 1 < total) raw[i + 1] = signExtend12((data[b + 2] & 0xFF) | (middle & 0xF0) << 4);
				}
		}
		return raw;
	}

	private static int signExtend12(int v) {
		return (v << 20) >> 20;
	}

	private static int invalidValue(int format) {
		switch (format) {
			case 16:
				return -32768;
			case 80:
				return -128;
			default:
				return -2048;
		}
	}

	// ---------------------------------------------------------------- writing

	/** Writes the record in format 16 with gain 1000 ADC units per mV (1 uV resolution, range +-32.767 mV). */
	public static void write(EcgRecord record, Path directory) throws IOException {
		write(record, directory, 16);
	}

	/** Writes the record in format 16 or 212 with that format's {@link #defaultGain default gain}. */
	public static void write(EcgRecord record, Path directory, int format) throws IOException {
		write(record, directory, format, defaultGain(format));
	}

	/** The gain used when none is given: 1000 units per mV for format 16, 200 for format 212 (range +-10.235 mV). */
	public static double defaultGain(int format) {
		checkWritableFormat(format);
		return format == 16 ? 1000 : 200;
	}

	/**
	 * Writes {@code <name>.hea} and {@code <name>.dat} into the folder (created if needed), replacing
	 * existing files of that name. Both are written to temporary files first and moved into place, the
	 * header last, so a failure never leaves a partial record.
	 *
	 * <p>Each value v (mV) is stored as round(v * gain) with baseline 0, so reading the record back
	 * gives round(v * gain) / gain exactly. Values beyond the format's range are <b>clamped</b> to its
	 * extremes (+-32767 units in format 16, +-2047 in format 212); NaN is stored as the invalid value
	 * (-32768 or -2048) and reads back as NaN. The header records each channel's initial value and
	 * checksum, the lead names as descriptions and the record's comments as {@code #} lines (comments
	 * longer than a header line allows are split over several lines).</p>
	 *
	 * @param format 16 (16-bit) or 212 (12-bit packed)
	 * @param gain ADC units per mV, positive
	 * @throws EcgException for a record name other than letters, digits, '_' and '-', a missing or
	 *             multi-line lead name, an unsupported format or a gain that is not positive
	 */
	public static void write(EcgRecord record, Path directory, int format, double gain) throws IOException {
		try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
			stage(record, directory, format, gain, batch);
			batch.commit();
		}
	}

	/**
	 * Stages {@code <name>.dat} then {@code <name>.hea} in a batch, so that a caller can write a record
	 * together with other files; see {@link #write(EcgRecord, Path, int, double)} for the encoding.
	 */
	public static void stage(EcgRecord record, Path directory, int format, double gain, AtomicFiles.Batch batch)
		throws IOException
	{
		checkWritableFormat(format);
		if (!(gain > 0) || Double.isInfinite(gain)) {
			throw new EcgException("WFDB gain must be a positive number of ADC units per mV, got " + gain);
		}
		String name = record.name();
		if (name == null || !RECORD_NAME.matcher(name).matches()) {
			throw new EcgException("Record name '" + name + "' cannot be used for WFDB files: use only letters," +
				" digits, '_' and '-'");
		}
		int n = record.leadCount();
		if (n == 0) throw new EcgException("Record " + name + " has no leads; there is nothing to write");
		int frames = record.length();
		int[][] digital = new int[n][];
		for (int c = 0; c < n; c++) digital[c] = digitize(record.channel(c), format, gain);
		String datName = name + ".dat";
		String header = headerText(record, datName, format, gain, digital);

		batch.stage(directory.resolve(datName), out -> writeSamples(out, digital, frames, format));
		batch.stage(directory.resolve(name + ".hea"), out -> out.write(header.getBytes(StandardCharsets.UTF_8)));
	}

	private static void checkWritableFormat(int format) {
		if (format != 16 && format != 212) {
			throw new EcgException("WFDB format " + format + " cannot be written; use 16 or 212");
		}
	}

	private static int[] digitize(double[] mv, int format, double gain) {
		int max = format == 16 ? 32767 : 2047;
		int invalid = invalidValue(format);
		int[] out = new int[mv.length];
		for (int t = 0; t < mv.length; t++) {
			double v = mv[t];
			out[t] = Double.isNaN(v) ? invalid : (int) Math.max(-max, Math.min(max, Math.rint(v * gain)));
		}
		return out;
	}

	private static String headerText(EcgRecord record, String datName, int format, double gain, int[][] digital) {
		StringBuilder sb = new StringBuilder();
		sb.append(record.name()).append(' ').append(digital.length).append(' ')
			.append(plainNumber(record.samplingFrequency())).append(' ').append(record.length()).append('\n');
		String gainField = plainNumber(gain) + "(0)/mV";
		int resolution = format == 16 ? 16 : 12;
		for (int c = 0; c < digital.length; c++) {
			String lead = record.leadNames().get(c);
			String description = lead == null ? "" : lead.strip();
			if (description.isEmpty() || description.contains("\n") || description.contains("\r")) {
				throw new EcgException("Lead " + (c + 1) + " of record " + record.name() + " has no usable name ('" + lead +
					"'); give every lead a one-line name before writing WFDB");
			}
			int initial = digital[c].length > 0 ? digital[c][0] : 0;
			String line = datName + ' ' + format + ' ' + gainField + ' ' + resolution + " 0 " + initial + ' ' +
				checksum(digital[c]) + " 0 " + description;
			if (line.length() > MAX_LINE) {
				throw new EcgException("Lead name '" + description + "' of record " + record.name() +
					" is too long for a WFDB header; shorten it");
			}
			sb.append(line).append('\n');
		}
		for (String comment : record.comments()) {
			for (String line : comment.split("\r\n|\r|\n", -1)) {
				appendComment(sb, line.strip());
			}
		}
		return sb.toString();
	}

	/**
	 * The signal's checksum: the 16-bit sum of its samples. A method of its own: C2 would otherwise compile all of
	 * headerText, called once a record, by on-stack replacement of this loop.
	 */
	private static short checksum(int[] samples) {
		long sum = 0;
		for (int v : samples) sum += v;
		return (short) sum;
	}

	/** Writes one comment as "# text", split at spaces where possible to respect the header's line length. */
	private static void appendComment(StringBuilder sb, String text) {
		int room = MAX_LINE - 2;
		while (text.length() > room) {
			int cut = text.lastIndexOf(' ', room);
			if (cut <= 0) cut = room;
			sb.append("# ").append(text, 0, cut).append('\n');
			text = text.substring(cut).strip();
		}
		sb.append(text.isEmpty() ? "#" : "# " + text).append('\n');
	}

	/** A number without exponent, and without a decimal point when it is integral. */
	static String plainNumber(double v) {
		return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}

	private static void writeSamples(OutputStream out, int[][] digital, int frames, int format) throws IOException {
		int n = digital.length;
		byte[] buffer = new byte[1 << 16];
		int b = 0;
		if (format == 16) {
			for (int t = 0; t < frames; t++) {
				for (int c = 0; c < n; c++) {
					if (b + 2 > buffer.length) {
						out.write(buffer, 0, b);
						b = 0;
					}
					int v = digital[c][t];
					buffer[b++] = (byte) v;
					buffer[b++] = (byte) (v >> 8);
				}
			}
		}
		else {
			// Format 212 packs the interleaved sample stream two samples to three bytes.
			long total = (long) frames * n;
			for (long i = 0; i < total; i += 2) {
				if (b + 3 > buffer.length) {
					out.write(buffer, 0, b);
					b = 0;
				}
				int first = digital[(int) (i % n)][(int) (i / n)] & 0xFFF;
				buffer[b++] = (byte) first;
				if (i + 1 < total) {
					int second = digital[(int) ((i + 1) % n)][(int) ((i + 1) / n)] & 0xFFF;
					buffer[b++] = (byte) ((first >> 8) | (second >> 8) << 4);
					buffer[b++] = (byte) second;
				}
				else {
					// A final odd sample takes two bytes, as the WFDB library writes it.
					buffer[b++] = (byte) (first >> 8);
				}
			}
		}
		out.write(buffer, 0, b);
	}
}
