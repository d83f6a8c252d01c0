package org.ecgdigitizer.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Record names for pages, all different and predictable from the inputs alone: a page's name is
 * its file's stem ({@code report.pdf} page 2 gives {@code report-p2}); where two pages would get
 * the same name (compared without case, as macOS and Windows file systems do):
 * <ol>
 * <li>files of one stem in one folder get their extension ({@code page_gif}, {@code page_tif});</li>
 * <li>files in different folders get their folders' names in front ({@code a_page}, {@code b_page});</li>
 * <li>any name still taken gets {@code -2}, {@code -3}... in input order.</li>
 * </ol>
 */
public final class RecordNames {

	private RecordNames() {}

	/** A file name without its extension, characters other than letters, digits, '_' and '-' replaced by '_'. */
	public static String stem(String fileName) {
		String name = fileName;
		int dot = name.lastIndexOf('.');
		if (dot > 0) name = name.substring(0, dot);
		String s = safe(name);
		return s.isEmpty() ? "page" : s;
	}

	private static String safe(String s) {
		return s.replaceAll("[^A-Za-z0-9_-]", "_");
	}

	/** Unique names for the pages, in their order. */
	public static Map<InputPage, String> assign(List<InputPage> pages) {
		Map<InputPage, String> names = new LinkedHashMap<>();
		Set<InputPage> withExtension = new HashSet<>();
		// 1. same stem, same folder, different files: add the extension
		Map<String, Set<InputFile>> byFolderStem = new HashMap<>();
		for (InputPage p : pages) byFolderStem.computeIfAbsent(folderKey(p.input) + "/" + key(p.input.stem()),
			k -> new HashSet<>()).add(p.input);
		for (InputPage p : pages) {
			if (byFolderStem.get(folderKey(p.input) + "/" + key(p.input.stem())).size() > 1) withExtension.add(p);
		}
		// 2. folders in front of the names still shared, one more at a time
		Map<InputPage, Integer> depth = new HashMap<>();
		for (InputPage p : pages) depth.put(p, 0);
		for (boolean changed = true; changed;) {
			changed = false;
			Map<String, List<InputPage>> uses = new HashMap<>();
			for (InputPage p : pages) {
				String n = name(p, withExtension.contains(p), depth.get(p));
				names.put(p, n);
				uses.computeIfAbsent(key(n), k -> new ArrayList<>()).add(p);
			}
			for (List<InputPage> shared : uses.values()) {
				if (shared.size() < 2) continue;
				// another folder in front tells apart only pages whose folders differ
				Set<String> folders = new HashSet<>();
				for (InputPage p : shared) folders.add(folderKey(p.input));
				if (folders.size() < 2) continue;
				for (InputPage p : shared) {
					if (folders(p) > depth.get(p)) {
						depth.merge(p, 1, Integer::sum);
						changed = true;
					}
				}
			}
		}
		// 3. numbered, in order
		Set<String> taken = new HashSet<>();
		Map<InputPage, String> out = new LinkedHashMap<>();
		for (InputPage p : pages) {
			String n = names.get(p);
			String candidate = n;
			for (int i = 2; !taken.add(key(candidate)); i++) candidate = n + "-" + i;
			out.put(p, candidate);
		}
		return out;
	}

	/** [folders_]stem[_ext][-pN] */
	private static String name(InputPage p, boolean extension, int depth) {
		StringBuilder s = new StringBuilder(p.input.stem());
		if (extension && !p.input.extension().isEmpty()) s.append('_').append(safe(p.input.extension()));
		Path folder = p.input.path() == null ? null : p.input.path().toAbsolutePath().normalize().getParent();
		for (int d = 0; d < depth && folder != null && folder.getFileName() != null; d++) {
			s.insert(0, safe(folder.getFileName().toString()) + "_");
			folder = folder.getParent();
		}
		if (p.count > 1) s.append("-p").append(p.number);
		return s.toString();
	}

	/** How many named folders lie above the page's file (0 for bytes). */
	private static int folders(InputPage p) {
		if (p.input.path() == null) return 0;
		return p.input.path().toAbsolutePath().normalize().getNameCount() - 1;
	}

	private static String folderKey(InputFile f) {
		return f.path() == null ? "" : String.valueOf(f.path().toAbsolutePath().normalize().getParent());
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Names for files whose pages are not read yet (a Spark driver lists millions of objects and
	 * reads none): as {@link #assign}, each file taken as one page. A file that turns out to hold
	 * several pages names them {@code name-p1}, {@code name-p2}, ... from its file's name.
	 */
	public static Map<Path, String> forFiles(List<Path> files) {
		List<InputPage> pages = new ArrayList<>();
		for (Path f : files) pages.add(new InputPage(InputFile.of(f), FileKind.PNG, 1, 1, null));
		Map<InputPage, String> named = assign(pages);
		Map<Path, String> out = new LinkedHashMap<>();
		for (int i = 0; i < files.size(); i++) out.put(files.get(i), named.get(pages.get(i)));
		return out;
	}

	/** Convenience for lists of files: every page of every file, named. */
	public static Map<InputPage, String> assignFiles(List<InputFile> files) {
		List<InputPage> pages = new ArrayList<>();
		for (InputFile f : files) pages.addAll(f.pages());
		return assign(pages);
	}
}
