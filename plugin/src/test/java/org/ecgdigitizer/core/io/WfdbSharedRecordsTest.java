package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ecgdigitizer.SharedData;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real records in the shared data folder (see its SOURCES.md); skipped when it is absent. */
class WfdbSharedRecordsTest {

	private static final List<String> TWELVE_UPPER = List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3",
		"V4", "V5", "V6");

	@TempDir
	Path dir;

	private static List<Path> headers(Path records) throws IOException {
		try (Stream<Path> files = Files.walk(records)) {
			return files.filter(p -> p.toString().endsWith(".hea")).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void everyRecordReadsWithItsChecksumsAndInitialValues() throws IOException {
		Path records = SharedData.require("records");
		List<Path> headers = headers(records);
		assertTrue(headers.size() >= 37, "expected the 37 shared records, found " + headers.size());
		for (Path header : headers) {
			EcgRecord r = Wfdb.read(header);
			assertEquals(Records.stem(header), r.name());
			assertTrue(r.length() >= 1000, header + ": " + r);
			for (int c = 0; c < r.leadCount(); c++) {
				assertEquals(r.length(), r.finiteCount(c), header + " lead " + r.leadNames().get(c) + " has NaN");
				for (double v : r.channel(c)) {
					assertTrue(Math.abs(v) < 15, header + " lead " + r.leadNames().get(c) + " value " + v + " mV");
				}
			}
		}
	}

	@Test
	void ptbXlRecord() throws IOException {
		EcgRecord r = Wfdb.read(SharedData.require("records").resolve("ptb-xl/00001_lr.hea"));
		assertEquals(100, r.samplingFrequency());
		assertEquals(1000, r.length());
		assertEquals(TWELVE_UPPER, r.leadNames());
		assertEquals(-0.119, r.lead("I")[0], 0);
		assertEquals(0.086, r.lead("aVR")[0], 0);
	}

	@Test
	void ludbHasItsOwnGainAndBaselinePerLead() throws IOException {
		EcgRecord r = Wfdb.read(SharedData.require("records").resolve("ludb/1"));
		assertEquals(List.of("i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"), r.leadNames());
		assertEquals(500, r.samplingFrequency());
		assertEquals(5000, r.length());
		// Header: "1716(6)/mV ... -120" for i, "698(-1)/mV ... 85" for avf, "2259(3)/mV ... 65" for v3.
		assertEquals((-120 - 6) / 1716.0, r.lead("I")[0], 0);
		assertEquals((85 + 1) / 698.0, r.lead("aVF")[0], 0);
		assertEquals((65 - 3) / 2259.0, r.lead("V3")[0], 0);
		assertEquals("<age>: 51", r.comments().get(0));
	}

	@Test
	void museLeadsKeepTheirUnusualOrder() throws IOException {
		Path records = SharedData.require("records");
		for (String name : List.of("muse-sinus", "muse-af")) {
			EcgRecord r = Wfdb.read(records.resolve("muse-egm").resolve(name + ".hea"));
			assertEquals(List.of("I", "II", "III", "AVF", "AVL", "AVR", "V1", "V2", "V3", "V4", "V5", "V6"), r.leadNames());
			assertEquals(500, r.samplingFrequency());
			assertEquals(5000, r.length());
		}
		EcgRecord af = Wfdb.read(records.resolve("muse-egm/muse-af.hea"));
		assertEquals(-44 / 200.0, af.lead("I")[0], 0);
		assertEquals(46 / 200.0, af.lead("aVR")[0], 0);
	}

	@Test
	void ptbDiagnosticSpreadsFifteenChannelsOverTwoFiles() throws IOException {
		EcgRecord r = Wfdb.read(SharedData.require("records").resolve("ptb-diagnostic/s0010_re.dat"));
		assertEquals(15, r.leadCount());
		assertEquals(List.of("vx", "vy", "vz"), r.leadNames().subList(12, 15));
		assertEquals(1000, r.samplingFrequency());
		assertEquals(38400, r.length());
		assertEquals(-489 / 2000.0, r.lead("I")[0], 0);
		assertEquals(120 / 2000.0, r.lead("vy")[0], 0);
		assertTrue(r.comments().contains("age: 81"), r.comments().toString());
		assertEquals(12, r.toStandardLeads().leadCount());
	}

	@Test
	void qtdbRecordIsFormat212WithACounterFrequency() throws IOException {
		EcgRecord r = Wfdb.read(SharedData.require("records").resolve("qtdb/sel100"));
		assertEquals(List.of("MLII", "V5"), r.leadNames());
		assertEquals(250, r.samplingFrequency());
		assertEquals(225000, r.length());
		// Baseline 0 with ADC zero 1024: values carry a +5.12 mV offset.
		assertEquals(945 / 200.0, r.channel(0)[0], 0);
		assertEquals(955 / 200.0, r.channel(1)[0], 0);
		assertEquals("Produced by xform from record 100, beginning at 7:00.000", r.comments().get(2));
	}

	@Test
	void cinc2021LowerCaseUnitsAreMillivolts() throws IOException {
		EcgRecord r = Wfdb.read(SharedData.require("records").resolve("cinc2021/HR06000.hea"));
		assertEquals(0.01, r.lead("I")[0], 0);
		assertEquals(0.625, r.lead("V6")[0], 0);
		assertNotEquals(-1, r.comments().indexOf("Dx: 164934002,426783006"));
	}

	@Test
	void sharedRecordsSurviveAWriteAndReadInEitherFormat() throws IOException {
		Path records = SharedData.require("records");
		for (String name : List.of("ptb-xl/00001_lr", "cinc2021/JS00001", "ptb-diagnostic/s0010_re")) {
			EcgRecord original = Wfdb.read(records.resolve(name));
			Wfdb.write(original, dir);
			EcgRecord back = Wfdb.read(dir.resolve(original.name()));
			assertEquals(original.leadNames(), back.leadNames());
			assertEquals(original.comments(), back.comments());
			for (int c = 0; c < original.leadCount(); c++) {
				for (int t = 0; t < original.length(); t++) {
					// Gains 1000 and 2000 per mV: 1 uV steps hold these values to within half a step.
					assertEquals(original.channel(c)[t], back.channel(c)[t], 0.0005 + 1e-12);
				}
			}
		}
	}
}
