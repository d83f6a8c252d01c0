package org.ecgdigitizer.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file is, from its first bytes (never from its name: archives hold renamed files and web
 * error pages saved as {@code .jpg}). Kinds the digitizer cannot read carry the one-line reason.
 */
public enum FileKind {
	PNG("PNG"), JPEG("JPEG"), TIFF("TIFF"), BMP("BMP"), GIF("GIF"), WEBP("WebP"), PDF("PDF"),
	EMPTY(null), HTML(null), TEXT(null), ARCHIVE(null), UNKNOWN(null);

	/** The name users know the format by; null for kinds that are not pages. */
	public final String label;

	FileKind(String label) {
		this.label = label;
	}

	public boolean readable() {
		return label != null;
	}

	/** The kind of a file from its first bytes (at least 16 help; fewer are allowed). */
	public static FileKind sniff(byte[] b) {
		if (b.length == 0) return EMPTY;
		if (starts(b, 0x89, 'P', 'N', 'G')) return PNG;
		if (starts(b, 0xff, 0xd8, 0xff)) return JPEG;
		if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) return TIFF;
		if (starts(b, 'B', 'M') && b.length >= 26) return BMP;
		if (starts(b, 'G', 'I', 'F', '8')) return GIF;
		if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' &&
			b[11] == 'P') return WEBP;
		// a PDF may have a few bytes of junk before its header
		String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1);
		if (head.contains("%PDF-")) return PDF;
		if (starts(b, 'P', 'K', 3, 4) || starts(b, 0x1f, 0x8b) || starts(b, '7', 'z', 0xbc, 0xaf) || starts(b, 'R',
			'a', 'r', '!')) return ARCHIVE;
		String text = head.trim().toLowerCase(Locale.ROOT);
		if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<?xml") && text
			.contains("<html") || text.startsWith("<head") || text.startsWith("<body")) return HTML;
		if (looksLikeText(b)) return TEXT;
		return UNKNOWN;
	}

	/** Why a file of this kind is not a page, and what to do; null for readable kinds. */
	public String refusal() {
		switch (this) {
			case EMPTY:
				return "the file is empty (0 bytes); copy or download it again";
			case HTML:
				return "the file is a web page (HTML), not an image: probably an error page saved under an image " +
					"name; download the image again";
			case TEXT:
				return "the file is text, not an image; give a PNG, JPEG, TIFF, BMP, GIF, WebP or PDF page";
			case ARCHIVE:
				return "the file is a compressed archive (zip, gzip, 7z or rar); unpack it and give the pages inside";
			case UNKNOWN:
				return "not an image or PDF file (unknown format); give a PNG, JPEG, TIFF, BMP, GIF, WebP or PDF page";
			default:
				return null;
		}
	}

	private static boolean starts(byte[] b, int... magic) {
		if (b.length < magic.length) return false;
		for (int i = 0; i < magic.length; i++) if ((b[i] & 0xff) != magic[i]) return false;
		return true;
	}

	/** Mostly printable ASCII in the first kilobyte (UTF-8 text is), no NUL bytes. */
	private static boolean looksLikeText(byte[] b) {
		int n = Math.min(b.length, 1024);
		int printable = 0;
		for (int i = 0; i < n; i++) {
			int c = b[i] & 0xff;
			if (c == 0) return false;
			if (c >= 32 && c < 127 || c == '\n' || c == '\r' || c == '\t') printable++;
		}
		return printable >= 0.9 * n;
	}
}
