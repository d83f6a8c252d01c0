package org.ecgdigitizer.spark;

import java.io.Serializable;

/** One input file to digitize: where it is, how long it is, and its record name. */
final class ArchivePage implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The Hadoop path, as Spark lists it ({@code file:/...}, {@code s3a://bucket/...}): the table's key. */
	final String path;
	final long length;
	/** As {@code digitize} names it: the file name without extension, with folder names where names repeat. */
	final String record;

	ArchivePage(String path, long length, String record) {
		this.path = path;
		this.length = length;
		this.record = record;
	}

	@Override
	public String toString() {
		return path;
	}
}
