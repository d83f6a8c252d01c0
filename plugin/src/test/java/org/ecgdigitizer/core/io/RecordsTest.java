package org.ecgdigitizer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.signal.EcgRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsTest {

	@TempDir
	Path dir;

	@Test
	void readsByExtension() throws IOException {
		EcgRecord wfdb = WfdbTest.randomRecord("a", 500, 2, 50, 1, 1);
		EcgRecord csv = WfdbTest.randomRecord("b", 250, 3, 40, 1, 2);
		Wfdb.write(wfdb, dir);
		CsvRecords.write(csv, dir.resolve("b.csv"));
		for (String path : List.of("a.hea", "a.dat", "a")) {
			EcgRecord r = Records.read(dir.resolve(path));
			assertEquals("a", r.name());
			assertEquals(2, r.leadCount());
		}
		for (String path : List.of("b.csv", "b")) {
			EcgRecord r = Records.read(dir.resolve(path));
			assertEquals("b", r.name());
			assertEquals(250, r.samplingFrequency());
			assertEquals(3, r.leadCount());
		}
		Files.writeString(dir.resolve("c.txt"), "x");
		EcgException e = assertThrows(EcgException.class, () -> Records.read(dir.resolve("c.txt")));
		assertTrue(e.getMessage().contains(".txt files are not ECG records"), e.getMessage());
	}

	@Test
	void listsOneEntryPerRecordSortedByName() throws IOException {
		Wfdb.write(WfdbTest.randomRecord("rec2", 500, 1, 5, 1, 1), dir);
		Wfdb.write(WfdbTest.randomRecord("rec10", 500, 1, 5, 1, 1), dir);
		CsvRecords.write(WfdbTest.randomRecord("rec2", 500, 1, 5, 1, 1), dir.resolve("rec2.csv"));
		CsvRecords.write(WfdbTest.randomRecord("alpha", 500, 1, 5, 1, 1), dir.resolve("alpha.csv"));
		Files.writeString(dir.resolve("notes.txt"), "x");
		Files.writeString(dir.resolve(".hidden.hea"), "x");
		Files.createDirectories(dir.resolve("sub.hea"));
		List<String> names = Records.list(dir).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
		assertEquals(List.of("alpha.csv", "rec10.hea", "rec2.hea"), names);
		assertThrows(EcgException.class, () -> Records.list(dir.resolve("notes.txt")));
	}

	@Test
	void stemIsTheNameWithoutExtension() {
		assertEquals("00001_lr", Records.stem(Paths.get("data", "00001_lr.hea")));
		assertEquals("sel100", Records.stem(Paths.get("sel100")));
		assertEquals("page.1", Records.stem(Paths.get("out/page.1.csv")));
		assertEquals(".hidden", Records.stem(Paths.get(".hidden")));
	}
}
