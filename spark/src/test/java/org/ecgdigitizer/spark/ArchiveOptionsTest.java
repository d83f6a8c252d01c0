package org.ecgdigitizer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.ecgdigitizer.core.EcgException;
import org.ecgdigitizer.core.io.DigitizationFiles.Format;
import org.junit.jupiter.api.Test;

class ArchiveOptionsTest {

	@Test
	void theDigitizersOptionsMeanWhatTheyMeanForDigitize() {
		ArchiveOptions o = ArchiveOptions.parse("--input", "s3a://b/scans/*.png", "--input=hdfs:///more", "--output",
			"s3a://b/ecg.parquet", "--fs", "250", "--layout", "6x2", "--gain", "20", "--formats", "parquet,wfdb,json");
		assertEquals(List.of("s3a://b/scans/*.png", "hdfs:///more"), o.inputs);
		assertEquals(EnumSet.of(Format.WFDB, Format.JSON), o.formats);
		assertEquals("s3a://b/ecg-files", o.filesDir, "the files go beside the table");
		assertEquals("fs=250 layout=6x2 gain=20.0 speed=auto ink=auto", o.settings().toString());
		assertEquals(300, o.pageTimeoutSeconds);
	}

	@Test
	void theTableAloneWritesNoFiles() {
		ArchiveOptions o = ArchiveOptions.parse("--input", "in", "--output", "out/");
		assertTrue(o.formats.isEmpty());
		assertNull(o.filesDir);
		assertEquals("out-files", ArchiveOptions.defaultFilesDir("out/"));
	}

	@Test
	void mistakesSayWhatToDo() {
		assertEquals("unknown output format 'hdf5': use wfdb, csv, json, png, plot", message("--input", "i", "--output",
			"o", "--formats", "parquet,hdf5"));
		assertEquals("--resume continues a table and --overwrite replaces it; give one", message("--input", "i",
			"--output", "o", "--resume", "--overwrite"));
		assertEquals("option --page-timeout needs a number, got 'soon'", message("--input", "i", "--output", "o",
			"--page-timeout", "soon"));
		assertEquals("unknown option --ouput; see --help", message("--input", "i", "--ouput", "o"));
		assertEquals("option --output needs a value; see --help", message("--input", "i", "--output"));
	}

	private static String message(String... args) {
		return assertThrows(EcgException.class, () -> ArchiveOptions.parse(args)).getMessage();
	}
}
