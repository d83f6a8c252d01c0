package org.ecgdigitizer.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.ecgdigitizer.core.io.RecordNames;
import org.ecgdigitizer.core.EcgException;

/**
 * The pages a run covers. The inputs are listed through the Hadoop file system API (any file system,
 * globs, folders read recursively) on the driver, without reading a byte of content; the pages are
 * the files whose names match the pattern, as for {@code digitize}, less anything under the job's
 * own outputs. The others are counted, never dropped silently. (Spark's {@code binaryFile} source
 * would list the same, but it leaves out empty files without a word.)
 */
final class ArchiveListing {

	/** Sorted by path. */
	final List<ArchivePage> pages;
	/** Files whose names do not match the pattern. */
	final int notMatching;
	/** Files under the table or the record files' folder. */
	final int inOutputs;

	private ArchiveListing(List<ArchivePage> pages, int notMatching, int inOutputs) {
		this.pages = pages;
		this.notMatching = notMatching;
		this.inOutputs = inOutputs;
	}

	static ArchiveListing list(ArchiveOptions options, Configuration conf) throws IOException {
		Map<String, Long> files = new TreeMap<>();
		for (String input : options.inputs) files.putAll(files(input, conf));
		List<String> outputs = new ArrayList<>();
		outputs.add(qualified(options.output, conf));
		if (options.filesDir != null) outputs.add(qualified(options.filesDir, conf));
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + options.pattern);
		List<String> matching = new ArrayList<>();
		int notMatching = 0, inOutputs = 0;
		for (String path : files.keySet()) {
			if (outputs.stream().anyMatch(o -> path.startsWith(o + "/"))) inOutputs++;
			else if (!matcher.matches(Paths.get(new Path(path).getName()))) notMatching++;
			else matching.add(path);
		}
		List<java.nio.file.Path> local = new ArrayList<>();
		for (String path : matching) local.add(asLocalPath(path));
		Map<java.nio.file.Path, String> records = RecordNames.forFiles(local);
		List<ArchivePage> pages = new ArrayList<>();
		for (int i = 0; i < matching.size(); i++) {
			pages.add(new ArchivePage(matching.get(i), files.get(matching.get(i)), records.get(local.get(i))));
		}
		return new ArchiveListing(pages, notMatching, inOutputs);
	}

	/** The files an input names, by qualified path, with their lengths: a file, a folder's files at any depth, or a glob's. */
	private static Map<String, Long> files(String input, Configuration conf) throws IOException {
		Path path = new Path(input);
		FileSystem fs = path.getFileSystem(conf);
		FileStatus[] matches = fs.globStatus(path);
		if (matches == null || matches.length == 0) {
			throw new EcgException("no file or folder matches --input " + input + "; check the path");
		}
		Map<String, Long> files = new TreeMap<>();
		for (FileStatus match : matches) {
			if (!match.isDirectory()) {
				files.put(match.getPath().toString(), match.getLen());
				continue;
			}
			RemoteIterator<LocatedFileStatus> inside = fs.listFiles(match.getPath(), true);
			while (inside.hasNext()) {
				LocatedFileStatus file = inside.next();
				files.put(file.getPath().toString(), file.getLen());
			}
		}
		return files;
	}

	/** A path as Spark lists files: scheme, authority and absolute path. */
	static String qualified(String path, Configuration conf) {
		try {
			Path p = new Path(path);
			return p.getFileSystem(conf).makeQualified(p).toString().replaceAll("/+$", "");
		}
		catch (IOException e) {
			throw new EcgException("cannot open the file system of " + path + " (" + e.getMessage() + ")");
		}
	}

	/**
	 * A Hadoop path as a local-looking one ({@code s3a://bucket/a/b.png} as {@code /bucket/a/b.png}),
	 * so that records are named by {@code digitize}'s own rule: the file name, with the names of its
	 * folders in front where file names repeat.
	 */
	private static java.nio.file.Path asLocalPath(String hadoopPath) {
		URI uri = new Path(hadoopPath).toUri();
		return Paths.get("/" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + uri.getPath());
	}
}
