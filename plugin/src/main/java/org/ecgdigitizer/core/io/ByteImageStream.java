package org.ecgdigitizer.core.io;

import java.util.Objects;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image stream over a file's bytes already in memory. ImageIO's stream for an InputStream
 * first copies what it reads to a temporary file (its disk cache), for every page decoded.
 */
final class ByteImageStream extends ImageInputStreamImpl {

	private final byte[] bytes;

	ByteImageStream(byte[] bytes) {
		this.bytes = bytes;
	}

	@Override
	public int read() {
		bitOffset = 0;
		return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
	}

	@Override
	public int read(byte[] b, int off, int len) {
		Objects.checkFromIndexSize(off, len, b.length);
		bitOffset = 0;
		if (len == 0) return 0;
		if (streamPos >= bytes.length) return -1;
		int n = (int) Math.min(len, bytes.length - streamPos);
		System.arraycopy(bytes, (int) streamPos, b, off, n);
		streamPos += n;
		return n;
	}

	@Override
	public long length() {
		return bytes.length;
	}
}
