package org.ecgdigitizer.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One input file: where it is, how long it is, and the record names of its pages once they are counted. */
final class ArchiveFile implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The Hadoop path, as Spark lists it ({@code file:/...}, {@code s3a://bucket/...}): the table's key, with the page. */
	final String path;
	final long length;
	/** Its pages' record names, in order, as {@code digitize} names them; empty before they are counted. */
	final List<String> records;

	ArchiveFile(String path, long length) {
		this(path, length, List.of());
	}

	private ArchiveFile(String path, long length, List<String> records) {
		this.path = path;
		this.length = length;
		this.records = Collections.unmodifiableList(new ArrayList<>(records));
	}

	ArchiveFile named(List<String> pageRecords) {
		return new ArchiveFile(path, length, pageRecords);
	}

	/** The file's name, its path's last part. */
	String fileName() {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	@Override
	public String toString() {
		return path;
	}
}
