package org.ecgdigitizer.core;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * For the replay harnesses (test scope): one build's classes in a class loader of its own, so that
 * several builds of the project run side by side in one JVM.
 */
public final class BuildLoader {

	private BuildLoader() {}

	/**
	 * The classes of jars or class folders separated by {@link File#pathSeparator} (the first that
	 * holds a class gives it, so a folder of changed classes may come before a jar), over the JDK's
	 * platform classes only: nothing of the harness's own class path leaks in.
	 */
	public static ClassLoader of(String classPath) throws MalformedURLException {
		String[] parts = classPath.split(File.pathSeparator);
		URL[] urls = new URL[parts.length];
		for (int i = 0; i < parts.length; i++) urls[i] = new File(parts[i]).toURI().toURL();
		return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
	}
}
