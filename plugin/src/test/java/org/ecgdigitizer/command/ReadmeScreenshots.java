package org.ecgdigitizer.command;

import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

import org.scijava.Context;
import org.scijava.module.Module;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import ij.gui.Roi;
import ij.measure.ResultsTable;

/**
 * Takes the README's screenshots of the "inspect and correct a page" walkthrough from real
 * ImageJ 1.x windows. Needs a display: run docs/images/screenshots.sh, which starts it under Xvfb.
 * Not a test.
 *
 * <p>Arguments: the page image, the reference record (or "-"), the folder for the PNGs.</p>
 */
public final class ReadmeScreenshots {

	private ReadmeScreenshots() {}

	public static void main(String[] args) throws Exception {
		Path pageFile = Paths.get(args[0]);
		String reference = args[1].equals("-") ? "" : args[1];
		Path out = Files.createDirectories(Paths.get(args[2]));
		new ImageJ();
		IJ.getInstance().setLocation(0, 0);
		Robot robot = new Robot();
		try (Context context = new Context()) {
			ImagePlus scan = IJ.openImage(pageFile.toString());
			Module pre = Fiji.run(context, PreprocessCommand.class, "image", scan);
			ImagePlus page = Fiji.output(pre, "rectified");

			// 1. the lead boxes on the rectified page, with the table of boxes
			Module detect = Fiji.run(context, DetectLeadsCommand.class, "page", page, "layout", "auto");
			page.show();
			settle();
			page.getWindow().setLocation(0, 90);
			ResultsTable leads = ((DetectLeadsCommand) Fiji.command(detect)).getLeads();
			leads.show(ResultTables.LEADS);
			int right = page.getWindow().getWidth() + 5;
			place(WindowManager.getWindow(ResultTables.LEADS), right, 90, 1600 - right, 460);
			settle();
			capture(robot, new Rectangle(0, 0, 1600, 90 + page.getWindow().getHeight()), out.resolve(
				"fiji-detect-leads.png"));

			// 2. a lead box selected for moving, seen close up
			Roi v1 = null;
			for (Roi r : page.getOverlay().toArray()) {
				if ("V1".equals(r.getName()) && r.getType() == Roi.RECTANGLE) v1 = r;
			}
			WindowManager.getWindow(ResultTables.LEADS).setVisible(false);
			zoom(page, v1.getBounds(), 1.0);
			page.setRoi((Roi) v1.clone());
			settle();
			capture(robot, page.getWindow().getBounds(), out.resolve("fiji-lead-box.png"));
			page.deleteRoi();

			// 3. the traced paths; one path selected shows the vertices that can be dragged
			Fiji.run(context, ExtractTracesCommand.class, "page", page);
			Roi v2 = null;
			for (Roi r : page.getOverlay().toArray()) {
				if ("V2".equals(r.getName()) && r.getType() == Roi.POLYLINE && v2 == null) v2 = r;
			}
			Rectangle b = v2.getBounds();
			zoom(page, new Rectangle(b.x + b.width / 3, b.y, b.width / 3, b.height), 2.0);
			page.setRoi((Roi) v2.clone());
			settle();
			capture(robot, page.getWindow().getBounds(), out.resolve("fiji-traces.png"));
			page.deleteRoi();

			// 4. the 12-lead plot and the diagnostics
			Module digitize = Fiji.run(context, DigitizeSignalsCommand.class, "page", page, "reference", reference);
			page.getWindow().setVisible(false);
			ImagePlus plot = Fiji.output(digitize, "plot");
			plot.show();
			settle();
			plot.getWindow().setLocation(0, 90);
			settle();
			capture(robot, plot.getWindow().getBounds(), out.resolve("fiji-plot.png"));
			plot.getWindow().setVisible(false);
			ResultsTable diagnostics = ((DigitizeSignalsCommand) Fiji.command(digitize)).getDiagnostics();
			diagnostics.show(ResultTables.DIAGNOSTICS);
			Frame table = WindowManager.getFrame(ResultTables.DIAGNOSTICS);
			place(table, 0, 90, 760, 640);
			settle();
			capture(robot, table.getBounds(), out.resolve("fiji-diagnostics.png"));
		}
		System.exit(0);
	}

	private static void place(Window w, int x, int y, int width, int height) {
		w.setBounds(x, y, width, height);
		w.toFront();
		w.validate();
	}

	/** Shows a region of the page at a magnification, centred, in a window that fits the screen. */
	private static void zoom(ImagePlus page, Rectangle region, double magnification) {
		ImageWindow win = page.getWindow();
		ImageCanvas canvas = win.getCanvas();
		int w = (int) Math.min(page.getWidth(), 1500 / magnification);
		int h = (int) Math.min(page.getHeight(), 820 / magnification);
		int x = Math.max(0, Math.min(page.getWidth() - w, region.x + region.width / 2 - w / 2));
		int y = Math.max(0, Math.min(page.getHeight() - h, region.y + region.height / 2 - h / 2));
		canvas.setMagnification(magnification);
		canvas.setSourceRect(new Rectangle(x, y, w, h));
		canvas.setSize((int) (w * magnification), (int) (h * magnification));
		win.pack();
		win.setLocation(0, 90);
		win.toFront();
		canvas.repaint();
	}

	private static void settle() {
		IJ.wait(1500);
	}

	private static void capture(Robot robot, Rectangle area, Path file) throws Exception {
		BufferedImage shot = robot.createScreenCapture(area);
		ImageIO.write(shot, "png", new File(file.toString()));
		System.out.println("wrote " + file + " (" + area.width + "x" + area.height + ")");
	}
}
