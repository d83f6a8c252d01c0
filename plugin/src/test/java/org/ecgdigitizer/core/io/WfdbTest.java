package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WfdbTest {

	@TempDir
	Path dir;

	/** A record of random values within +-range mV, with a NaN every 37 samples. */
	static EcgRecord randomRecord(String name, double fs, int leads, int length, double range, long seed) {
		Random random = new Random(seed);
		double[][] s = new double[leads][length];
		for (int c = 0; c < leads; c++) {
			for (int t = 0; t < length; t++) {
				s[c][t] = (t + c) % 37 == 5 ? Double.NaN : (random.nextDouble() * 2 - 1) * range;
			}
		}
		List<String> names = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")
			.subList(0, leads);
		return new EcgRecord(name, fs, names, s, List.of("Digitized from page 1", "age: 81"));
	}

	private static void assertStoredExactly(EcgRecord written, EcgRecord read, double gain, double max) {
		assertEquals(written.leadNames(), read.leadNames());
		assertEquals(written.length(), read.length());
		for (int c = 0; c < written.leadCount(); c++) {
			for (int t = 0; t < written.length(); t++) {
				double v = written.channel(c)[t];
				double expected = Double.isNaN(v) ? Double.NaN : Math.max(-max, Math.min(max, Math.rint(v * gain))) / gain;
				assertEquals(expected, read.channel(c)[t], 0, "lead " + c + " sample " + t);
			}
		}
	}

	@Test
	void format16RoundTripIsExactAtTheStoredResolution() throws IOException {
		EcgRecord record = randomRecord("rt16", 500, 12, 2000, 5, 1);
		Wfdb.write(record, dir);
		EcgRecord back = Wfdb.read(dir.resolve("rt16.hea"));
		assertEquals("rt16", back.name());
		assertEquals(500, back.samplingFrequency());
		assertEquals(record.comments(), back.comments());
		assertStoredExactly(record, back, 1000, 32767);
		assertTrue(Double.isNaN(back.channel(0)[5]));
		assertEquals(List.of("rt16.dat", "rt16.hea"), listFolder());
		assertEquals(12 * 2000 * 2, Files.size(dir.resolve("rt16.dat")));
	}

	@Test
	void format212RoundTripWithAnOddNumberOfSamples() throws IOException {
		// 3 leads x 101 samples: the last 212 pair is a single sample.
		EcgRecord record = randomRecord("rt212", 62.5, 3, 101, 4, 2);
		Wfdb.write(record, dir, 212);
		assertEquals(303 / 2 * 3 + 2, Files.size(dir.resolve("rt212.dat")));
		String header = Files.readString(dir.resolve("rt212.hea"));
		assertTrue(header.startsWith("rt212 3 62.5 101\nrt212.dat 212 200(0)/mV 12 0 "), header);
		EcgRecord back = Wfdb.read(dir.resolve("rt212"));
		assertEquals(62.5, back.samplingFrequency());
		assertStoredExactly(record, back, 200, 2047);

		// A non-default gain.
		Wfdb.write(record, dir, 212, 400);
		assertStoredExactly(record, Wfdb.read(dir.resolve("rt212.hea")), 400, 2047);
	}

	@Test
	void headerHoldsInitialValuesChecksumsLeadNamesAndComments() throws IOException {
		double[][] s = { { 0.001, -0.002, Double.NaN }, { 1, 2, 3 } };
		EcgRecord record = new EcgRecord("rec-1", 500.0, List.of("I", "lead two"), s, List.of("hello", "multi\nline", ""));
		Wfdb.write(record, dir);
		assertEquals("rec-1 2 500 3\n" +
			"rec-1.dat 16 1000(0)/mV 16 0 1 32767 0 I\n" +
			"rec-1.dat 16 1000(0)/mV 16 0 1000 6000 0 lead two\n" +
			"# hello\n# multi\n# line\n#\n", Files.readString(dir.resolve("rec-1.hea")));
		byte[] dat = Files.readAllBytes(dir.resolve("rec-1.dat"));
		assertArrayEquals(int16(1, 1000, -2, 2000, -32768, 3000), dat);
	}

	@Test
	void valuesBeyondTheRangeAreClamped() throws IOException {
		double[][] s = { { 40, -40, Double.POSITIVE_INFINITY, 10.3, -10.3 } };
		Wfdb.write(new EcgRecord("clamp", 250, List.of("II"), s), dir);
		assertArrayEquals(new double[] { 32.767, -32.767, 32.767, 10.3, -10.3 }, Wfdb.read(dir.resolve("clamp")).channel(0));
		Wfdb.write(new EcgRecord("clamp", 250, List.of("II"), s), dir, 212);
		assertArrayEquals(new double[] { 10.235, -10.235, 10.235, 10.235, -10.235 }, Wfdb.read(dir.resolve("clamp")).channel(0));
	}

	@Test
	void longCommentsAreSplitToFitHeaderLines() throws IOException {
		String longComment = String.join(" ", java.util.Collections.nCopies(100, "word"));
		EcgRecord record = new EcgRecord("c", 100, List.of("I"), new double[][] { { 0 } }, List.of(longComment));
		Wfdb.write(record, dir);
		for (String line : Files.readAllLines(dir.resolve("c.hea"))) assertTrue(line.length() <= 254, line);
		assertEquals(longComment, String.join(" ", Wfdb.read(dir.resolve("c.hea")).comments()));
	}

	@Test
	void handWrittenHeaderWithGainsBaselinesTabsUnitsAndComments() throws IOException {
		// Two signals in format 16 with their own gains and baselines, one in microvolts with no
		// baseline (so the ADC zero), one with no gain at all (200); tabs and spaces mixed.
		int[] a = { 10, 20, -30, 40 };
		int[] b = { -7, 0, 7, 14 };
		int[] c = { 3, 5, 7, 9 };
		int[] d = { 100, 101, 102, 103 };
		Files.write(dir.resolve("hand.dat"), int16(interleave(a, b, c)));
		Files.write(dir.resolve("hand_d.dat"), int16(d));
		Files.writeString(dir.resolve("hand.hea"), "# made by hand\r\n" +
			"hand\t4 360/720(5)  4 10:00:00 1/2/2000\r\n" +
			"hand.dat\t16\t100(-10)/mV\t12\t0\t10\t" + sum(a) + "\t0\tlead a\r\n" +
			"hand.dat 16 50(2) 12 0 -7 " + sum(b) + " 0 b\r\n" +
			"hand.dat 16 2.5/uV 16 1 3 " + sum(c) + " 0 c\r\n" +
			"hand_d.dat 16\r\n" +
			"\r\n" +
			"#  info line \r\n");
		EcgRecord r = Wfdb.read(dir.resolve("hand.hea"));
		assertEquals("hand", r.name());
		assertEquals(360, r.samplingFrequency());
		assertEquals(List.of("lead a", "b", "c", "signal 3"), r.leadNames());
		assertEquals(List.of("made by hand", "info line"), r.comments());
		assertArrayEquals(new double[] { 0.2, 0.3, -0.2, 0.5 }, r.channel(0), 1e-15);
		assertArrayEquals(new double[] { -0.18, -0.04, 0.1, 0.24 }, r.channel(1), 1e-15);
		assertArrayEquals(new double[] { 0.0008, 0.0016, 0.0024, 0.0032 }, r.channel(2), 1e-15);
		assertArrayEquals(new double[] { 0.5, 0.505, 0.51, 0.515 }, r.channel(3), 1e-15);
	}

	@Test
	void format80WithAByteOffsetInASecondFile() throws IOException {
		int[] a = { 1, -1, 2, -2, 3 };
		int[] x = { 0, 127, -127, 5, -128 };
		Files.write(dir.resolve("mix.dat"), int16(a));
		byte[] xyz = new byte[7 + x.length];
		for (int i = 0; i < x.length; i++) xyz[7 + i] = (byte) (x[i] + 128);
		Files.write(dir.resolve("mix.xyz"), xyz);
		Files.writeString(dir.resolve("mix.hea"), "mix 2 100 5\n" +
			"mix.dat 16 100 16 0 1 " + sum(a) + " 0 I\n" +
			"mix.xyz 80+7 10(0)/mV 8 0 0 " + sum(x) + " 0 vx\n");
		EcgRecord r = Wfdb.read(dir.resolve("mix.dat"));
		assertArrayEquals(new double[] { 0.01, -0.01, 0.02, -0.02, 0.03 }, r.channel(0), 1e-15);
		assertArrayEquals(new double[] { 0, 12.7, -12.7, 0.5, Double.NaN }, r.channel(1), 1e-15);
	}

	@Test
	void invalidSamplesBecomeNaNInEveryFormat() throws IOException {
		int[] v16 = { 5, -32768, 7 };
		Files.write(dir.resolve("n16.dat"), int16(v16));
		Files.writeString(dir.resolve("n16.hea"), "n16 1 250 3\nn16.dat 16 1 16 0 5 " + sum(v16) + " 0 I\n");
		assertArrayEquals(new double[] { 5, Double.NaN, 7 }, Wfdb.read(dir.resolve("n16")).channel(0));

		int[] v212 = { -2048, 2047, -2047 };
		Files.write(dir.resolve("n212.dat"), pack212(v212));
		Files.writeString(dir.resolve("n212.hea"), "n212 1 250 3\nn212.dat 212 1 12 0 -2048 " + sum(v212) + " 0 I\n");
		assertArrayEquals(new double[] { Double.NaN, 2047, -2047 }, Wfdb.read(dir.resolve("n212")).channel(0));

		Files.write(dir.resolve("n80.dat"), new byte[] { 0, (byte) 255, 1 });
		Files.writeString(dir.resolve("n80.hea"), "n80 1 250 3\nn80.dat 80 1 8 0 -128 -128 0 I\n");
		assertArrayEquals(new double[] { Double.NaN, 127, -127 }, Wfdb.read(dir.resolve("n80")).channel(0));
	}

	@Test
	void aCorruptedByteFailsTheChecksum() throws IOException {
		Wfdb.write(randomRecord("bad", 500, 3, 500, 2, 3), dir);
		Path dat = dir.resolve("bad.dat");
		byte[] bytes = Files.readAllBytes(dat);
		bytes[2 * (3 * 100 + 1)] ^= 0x10; // lead II, sample 100
		Files.write(dat, bytes);
		EcgException e = assertThrows(EcgException.class, () -> Wfdb.read(dir.resolve("bad.hea")));
		assertTrue(e.getMessage().startsWith("Record bad, channel \"II\" (signal 1): the samples in bad.dat have checksum"),
			e.getMessage());
		assertTrue(e.getMessage().contains("copy the record again"), e.getMessage());
	}

	@Test
	void aChecksumWrittenUnsignedIsAccepted() throws IOException {
		int[] v = { 30000, 30000 }; // sum 60000: signed -5536
		Files.write(dir.resolve("u.dat"), int16(v));
		Files.writeString(dir.resolve("u.hea"), "u 1 100 2\nu.dat 16 1000.0(0)/mV 16 0 30000 60000 0 I\n");
		assertEquals(30, Wfdb.read(dir.resolve("u")).channel(0)[1]);
		Files.writeString(dir.resolve("u.hea"), "u 1 100 2\nu.dat 16 1000.0(0)/mV 16 0 30000 -5536 0 I\n");
		assertEquals(30, Wfdb.read(dir.resolve("u")).channel(0)[1]);
	}

	@Test
	void aWrongInitialValueIsReported() throws IOException {
		int[] v = { 4, 5 };
		Files.write(dir.resolve("iv.dat"), int16(v));
		Files.writeString(dir.resolve("iv.hea"), "iv 1 100 2\niv.dat 16 200 16 0 3 9 0 V1\n");
		EcgException e = assertThrows(EcgException.class, () -> Wfdb.read(dir.resolve("iv")));
		assertEquals("Record iv, channel \"V1\" (signal 0): the first sample in iv.dat is 4 but the header's initial" +
			" value is 3; the file is damaged or belongs to another record, so copy the record again from its source",
			e.getMessage());
	}

	@Test
	void aTruncatedFileIsReported() throws IOException {
		Wfdb.write(randomRecord("cut", 500, 2, 1000, 2, 4), dir);
		Path dat = dir.resolve("cut.dat");
		Files.write(dat, Arrays.copyOf(Files.readAllBytes(dat), 2 * 2 * 600 + 1));
		EcgException e = assertThrows(EcgException.class, () -> Wfdb.read(dir.resolve("cut.hea")));
		assertEquals("Record cut: signal file cut.dat is too short: it holds 600 of the 1000 samples the header" +
			" promises for 2 channels from channel \"I\" (signal 0); the file is truncated, so copy the record again" +
			" from its source", e.getMessage());
	}

	@Test
	void aMissingSignalFileOrHeaderIsReported() throws IOException {
		Wfdb.write(randomRecord("gone", 500, 1, 10, 1, 5), dir);
		Files.delete(dir.resolve("gone.dat"));
		EcgException e = assertThrows(EcgException.class, () -> Wfdb.read(dir.resolve("gone")));
		assertTrue(e.getMessage().startsWith("Record gone: signal file gone.dat named in gone.hea is missing"), e.getMessage());
		e = assertThrows(EcgException.class, () -> Wfdb.read(dir.resolve("nothing.hea")));
		assertTrue(e.getMessage().startsWith("No WFDB header found for "), e.getMessage());
	}

	@Test
	void anUnspecifiedLengthIsTakenFromTheFile() throws IOException {
		int[] v = { 1, 2, 3, 4, 5, 6, 7 };
		Files.write(dir.resolve("len.dat"), int16(v));
		Files.writeString(dir.resolve("len.hea"), "len 2 128\nlen.dat 16 1 16 0 1 0 0 a\nlen.dat 16 1 16 0 2 0 0 b\n");
		EcgRecord r = Wfdb.read(dir.resolve("len.hea"));
		assertEquals(128, r.samplingFrequency());
		assertArrayEquals(new double[] { 1, 3, 5 }, r.channel(0));
		assertArrayEquals(new double[] { 2, 4, 6 }, r.channel(1));

		Files.writeString(dir.resolve("none.hea"), "none 0 500 99999999999\n");
		assertEquals(0, Wfdb.read(dir.resolve("none")).leadCount());
	}

	@Test
	void unsupportedFeaturesAreRefusedClearly() throws IOException {
		Files.write(dir.resolve("f.dat"), new byte[64]);
		assertRefused("f/2 1 250 4\n", "f.hea describes a multi-segment record (f/2); only single-segment records can be read");
		assertRefused("f 1 250 4\nf.dat 310 200 10 0 0 0 0 I\n",
			"Record f, channel \"I\" (signal 0): WFDB format 310 is not supported; only formats 16, 212 and 80 can be read");
		assertRefused("f 1 250 4\nf.dat 16x2 200 16 0 0 0 0 I\n",
			"Record f, channel \"I\" (signal 0): 2 samples per frame (a multi-frequency record) are not supported");
		assertRefused("f 1 250 4\nf.dat 16:3 200 16 0 0 0 0 I\n",
			"Record f, channel \"I\" (signal 0): a skew of 3 samples is not supported");
		assertRefused("f 1 250 4\nf.dat 16 200/mmHg 16 0 0 0 0 ABP\n",
			"Record f, channel \"ABP\" (signal 0): units 'mmHg' are not ECG units");
		assertRefused("f 2 250 4\nf.dat 16 200 16 0 0 0 0 I\n", "f.hea promises 2 signals but describes only 1");
		assertRefused("f 1 250 4\nf.dat 16 2x0 16 0 0 0 0 I\n", "Invalid WFDB header f.hea line 2: ADC gain '2x0' is not a number");
		assertRefused("f 1 fast 4\n", "Invalid WFDB header f.hea line 1: sampling frequency 'fast' is not a number");
		assertRefused("# only a comment\n", "f.hea is not a WFDB header: it has no record line");
	}

	private void assertRefused(String header, String expectedStart) throws IOException {
		Files.writeString(dir.resolve("f.hea"), header);
		EcgException e = assertThrows(EcgException.class, () -> Wfdb.read(dir.resolve("f.hea")));
		assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
	}

	@Test
	void badNamesAndArgumentsAreRefusedWithoutWritingAnything() throws IOException {
		EcgRecord good = randomRecord("ok", 500, 2, 10, 1, 6);
		assertThrows(EcgException.class, () -> Wfdb.write(good.withName("a b"), dir));
		assertThrows(EcgException.class, () -> Wfdb.write(good.withName("x.y"), dir));
		assertThrows(EcgException.class, () -> Wfdb.write(good, dir, 8));
		assertThrows(EcgException.class, () -> Wfdb.write(good, dir, 16, 0));
		EcgRecord unnamed = new EcgRecord("ok", 500, List.of("I", " "), good.samples());
		EcgException e = assertThrows(EcgException.class, () -> Wfdb.write(unnamed, dir));
		assertTrue(e.getMessage().startsWith("Lead 2 of record ok has no usable name"), e.getMessage());
		assertEquals(List.of(), listFolder());
	}

	@Test
	void aFailedWriteLeavesNoTemporaryFiles() throws IOException {
		Files.createDirectories(dir.resolve("blocked.hea"));
		EcgRecord record = randomRecord("blocked", 500, 2, 10, 1, 7);
		assertThrows(EcgException.class, () -> Wfdb.write(record, dir));
		assertEquals(List.of("blocked.hea"), listFolder());
	}

	@Test
	void rewritingReplacesTheRecord() throws IOException {
		Wfdb.write(randomRecord("again", 500, 2, 100, 1, 8), dir);
		EcgRecord second = randomRecord("again", 250, 3, 50, 1, 9);
		Wfdb.write(second, dir);
		assertStoredExactly(second, Wfdb.read(dir.resolve("again")), 1000, 32767);
		assertEquals(List.of("again.dat", "again.hea"), listFolder());
	}

	private List<String> listFolder() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList());
		}
	}

	// ---------------------------------------------------------------- encoding helpers for hand-made files

	static int sum(int[] values) {
		int s = 0;
		for (int v : values) s += v;
		return (short) s;
	}

	static int[] interleave(int[]... channels) {
		int[] out = new int[channels.length * channels[0].length];
		for (int t = 0; t < channels[0].length; t++) {
			for (int c = 0; c < channels.length; c++) out[t * channels.length + c] = channels[c][t];
		}
		return out;
	}

	static byte[] int16(int... values) {
		byte[] out = new byte[2 * values.length];
		for (int i = 0; i < values.length; i++) {
			out[2 * i] = (byte) values[i];
			out[2 * i + 1] = (byte) (values[i] >> 8);
		}
		return out;
	}

	/** Format 212 as signal(5) describes it, written independently of the code under test. */
	static byte[] pack212(int... values) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < values.length; i += 2) {
			int a = values[i] & 0xFFF;
			int b = i + 1 < values.length ? values[i + 1] & 0xFFF : 0;
			out.write(a & 0xFF);
			out.write((a >> 8) | ((b >> 8) << 4));
			if (i + 1 < values.length) out.write(b & 0xFF);
		}
		return out.toByteArray();
	}

	@Test
	void theTestEncoderAgreesWithTheWriter() throws IOException {
		double[][] s = { { 1, -1, 2047, -2047, Double.NaN } };
		Wfdb.write(new EcgRecord("p", 250, List.of("I"), s), dir, 212, 1);
		assertArrayEquals(pack212(1, -1, 2047, -2047, -2048), Files.readAllBytes(dir.resolve("p.dat")));
		String header = new String(Files.readAllBytes(dir.resolve("p.hea")), StandardCharsets.UTF_8);
		assertTrue(header.startsWith("p 1 250 5\np.dat 212 1(0)/mV 12 0 1 -2048 0 I\n"), header);
	}
}
