package org.ecgdigitizer.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.ecgdigitizer.core.io.DigitizationFiles;
import org.ecgdigitizer.core.signal.Digitization;

/**
 * Writes a page's record files ({@code digitize}'s WFDB, CSV, JSON, overlay, plot) to any Hadoop
 * file system: core writes them into a local scratch folder, byte for byte as {@code digitize}
 * does, and each is then copied under a hidden name and renamed into place, the header last, so
 * that no reader sees a half-written file or a header without its signal file.
 */
final class HadoopFiles {

	private HadoopFiles() {}

	/** @return the files written */
	static List<org.apache.hadoop.fs.Path> write(Digitization d, Supplier<BufferedImage> overlay, String record,
		Set<DigitizationFiles.Format> formats, String dir, Configuration conf) throws IOException
	{
		Path scratch = Files.createTempDirectory("ecg-files-");
		try {
			List<Path> local = new ArrayList<>(DigitizationFiles.write(d, overlay, scratch, record, formats, true));
			// DigitizationFiles lists the header first; readers open it first, so it goes in last.
			local.sort(Comparator.comparing(p -> p.getFileName().toString().endsWith(".hea")));
			org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir);
			FileSystem fs = target.getFileSystem(conf);
			// The local file system Hadoop offers by default would put a .crc file beside each record file.
			if (fs instanceof ChecksumFileSystem) fs = ((ChecksumFileSystem) fs).getRawFileSystem();
			fs.mkdirs(target);
			List<org.apache.hadoop.fs.Path> written = new ArrayList<>();
			for (Path file : local) {
				org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(target, file.getFileName().toString());
				org.apache.hadoop.fs.Path hidden = new org.apache.hadoop.fs.Path(target, "." + to.getName() + "." + UUID
					.randomUUID() + ".tmp");
				fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(file.toUri()), hidden);
				// A page digitized again (--resume after a job died) replaces the files of its earlier attempt.
				fs.delete(to, false);
				if (!fs.rename(hidden, to)) {
					fs.delete(hidden, false);
					throw new IOException("could not move " + hidden + " to " + to);
				}
				written.add(to);
			}
			return written;
		}
		finally {
			try (Stream<Path> files = Files.walk(scratch)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
