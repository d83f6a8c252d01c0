package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordsTest {

	@TempDir
	Path dir;

	@Test
	void roundTripKeepsMicrovoltsNaNAndTheSamplingFrequency() throws IOException {
		for (double fs : new double[] { 100, 128, 250, 256, 360, 500, 1000, 1024, 62.5 }) {
			EcgRecord record = WfdbTest.randomRecord("rec", fs, 12, 777, 6, (long) fs);
			Path csv = dir.resolve("rec.csv");
			CsvRecords.write(record, csv);
			EcgRecord back = CsvRecords.read(csv);
			assertEquals("rec", back.name());
			assertEquals(fs, back.samplingFrequency(), 0, "fs " + fs);
			assertEquals(record.leadNames(), back.leadNames());
			for (int c = 0; c < 12; c++) {
				for (int t = 0; t < record.length(); t++) {
					double v = record.channel(c)[t];
					if (Double.isNaN(v)) assertTrue(Double.isNaN(back.channel(c)[t]));
					else assertEquals(v, back.channel(c)[t], 5e-7 + 1e-12);
				}
			}
		}
	}

	@Test
	void fileLooksAsDocumented() throws IOException {
		double[][] s = { { 0.1, -0.0005, Double.NaN }, { 1, 0.123456789, -2.5 } };
		Path csv = dir.resolve("small.csv");
		CsvRecords.write(new EcgRecord("small", 500, List.of("I", "lead, two"), s), csv);
		assertEquals("time,I,\"lead, two\"\n" +
			"0.000,0.1,1\n" +
			"0.002,-0.0005,0.123457\n" +
			"0.004,,-2.5\n", Files.readString(csv));
		EcgRecord back = CsvRecords.read(csv);
		assertEquals(List.of("I", "lead, two"), back.leadNames());
		assertEquals(500, back.samplingFrequency());
		assertArrayEquals(new double[] { 0.1, -0.0005, Double.NaN }, back.channel(0));

		CsvRecords.write(new EcgRecord("small", 360, List.of("I", "II"), s), csv);
		assertTrue(Files.readAllLines(csv).get(2).startsWith("0.002777778,"), Files.readAllLines(csv).get(2));
	}

	@Test
	void readsFilesFromOtherTools() throws IOException {
		Path csv = dir.resolve("other.csv");
		// Windows line ends, times rounded to milliseconds at 360 Hz, "NaN" and blank cells, a trailing blank line.
		StringBuilder sb = new StringBuilder("\uFEFFTime (s), I , II\r\n");
		for (int i = 0; i < 3600; i++) {
			sb.append(String.format(java.util.Locale.ROOT, "%.3f,%s,%s\r\n", i / 360.0, i == 7 ? "NaN" : "0.5", i == 9 ? "" : "-1e-3"));
		}
		Files.writeString(csv, sb + "\r\n");
		EcgRecord r = CsvRecords.read(csv);
		assertEquals(360, r.samplingFrequency());
		assertEquals(List.of("I", "II"), r.leadNames());
		assertEquals(3600, r.length());
		assertTrue(Double.isNaN(r.channel(0)[7]));
		assertTrue(Double.isNaN(r.channel(1)[9]));
		assertEquals(-0.001, r.channel(1)[10]);

		Files.writeString(csv, "time_ms,V1\n0,1\n2,2\n4,3\n");
		assertEquals(500, CsvRecords.read(csv).samplingFrequency());
	}

	@Test
	void aFileWithoutTimeColumnNeedsTheSamplingFrequency() throws IOException {
		Path csv = dir.resolve("notime.csv");
		Files.writeString(csv, "I,II\n1,2\n3,4\n");
		EcgRecord r = CsvRecords.read(csv, 250);
		assertEquals(250, r.samplingFrequency());
		assertArrayEquals(new double[] { 2, 4 }, r.channel(1));
		EcgException e = assertThrows(EcgException.class, () -> CsvRecords.read(csv));
		assertTrue(e.getMessage().startsWith("notime.csv has no time column"), e.getMessage());

		Path timed = dir.resolve("timed.csv");
		Files.writeString(timed, "time,I\n0,1\n0.002,2\n0.004,3\n");
		assertEquals(500, CsvRecords.read(timed, 500).samplingFrequency());
		e = assertThrows(EcgException.class, () -> CsvRecords.read(timed, 250));
		assertEquals("timed.csv: its time column gives 500 Hz but 250 Hz was given; give the frequency the file was" +
			" sampled at, or leave it out", e.getMessage());
	}

	@Test
	void aNonUniformTimeColumnIsRefusedWithItsLine() throws IOException {
		Path csv = dir.resolve("gap.csv");
		// Sample at 0.006 s is missing.
		Files.writeString(csv, "time,I\n0,1\n0.002,1\n0.004,1\n0.008,1\n0.010,1\n0.012,1\n");
		EcgException e = assertThrows(EcgException.class, () -> CsvRecords.read(csv));
		assertEquals("gap.csv line 5: time 0.008 s comes 0.004 s after the previous row, but the time column steps by" +
			" 0.002 s; samples are missing or repeated, so resample the record to a uniform rate", e.getMessage());

		// Every step looks fine, but the rate changes half way.
		StringBuilder drift = new StringBuilder("time,I\n");
		for (int i = 0; i < 100; i++) drift.append(i < 50 ? i * 0.002 : 0.1 + (i - 50) * 0.0026).append(",1\n");
		Files.writeString(csv, drift.toString());
		e = assertThrows(EcgException.class, () -> CsvRecords.read(csv));
		assertTrue(e.getMessage().contains("is off the uniform"), e.getMessage());

		Files.writeString(csv, "time,I\n0,1\n0,1\n");
		e = assertThrows(EcgException.class, () -> CsvRecords.read(csv));
		assertTrue(e.getMessage().startsWith("gap.csv: the time column does not increase"), e.getMessage());
	}

	@Test
	void malformedRowsAreReportedWithTheirLineNumber() throws IOException {
		Path csv = dir.resolve("bad.csv");
		Files.writeString(csv, "time,I,II\n0,1,2\n0.002,1\n");
		EcgException e = assertThrows(EcgException.class, () -> CsvRecords.read(csv));
		assertEquals("bad.csv line 3: 2 values, but the header has 3 columns; give every row one value per column",
			e.getMessage());

		Files.writeString(csv, "time,I,II\n0,1,2\n0.002,1,x2\n");
		e = assertThrows(EcgException.class, () -> CsvRecords.read(csv));
		assertTrue(e.getMessage().startsWith("bad.csv line 3, column 3: 'x2' is not a number"), e.getMessage());

		Files.writeString(csv, "time,I,\n0,1,2\n0.002,1,2\n");
		e = assertThrows(EcgException.class, () -> CsvRecords.read(csv));
		assertTrue(e.getMessage().startsWith("bad.csv line 1: column 3 has no lead name"), e.getMessage());

		Files.writeString(csv, "time,I\n,1\n0.002,1\n");
		e = assertThrows(EcgException.class, () -> CsvRecords.read(csv));
		assertTrue(e.getMessage().startsWith("bad.csv line 2: the time is missing"), e.getMessage());

		Files.writeString(csv, "");
		assertThrows(EcgException.class, () -> CsvRecords.read(csv));
	}
}
