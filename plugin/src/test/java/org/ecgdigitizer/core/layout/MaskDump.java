package org.ecgdigitizer.core.layout;

import java.awt.image.BufferedImage;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

import org.ecgdigitizer.core.Progress;
import org.ecgdigitizer.core.Stages;
import org.ecgdigitizer.core.io.ImageFiles;
import org.ecgdigitizer.core.preprocess.PreparedPage;

/** Scratch: writes the ink mask stage 2 reads (x0 y0 x1 y1 crop). */
public final class MaskDump {
	public static void main(String[] args) throws Exception {
		ImageFiles.LoadedImage loaded = ImageFiles.read(Paths.get(args[0]));
		PreparedPage page = Stages.preprocess(ImageFiles.asImg(loaded.image), loaded.dpi, Progress.NONE);
		PageInk ink = PageInk.of(page);
		int x0 = Integer.parseInt(args[2]), y0 = Integer.parseInt(args[3]), x1 = Integer.parseInt(args[4]), y1 = Integer.parseInt(args[5]);
		BufferedImage out = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
		int[] rgb = page.rgbPixels();
		for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) {
			out.setRGB(x - x0, y - y0, ink.at(x, y) ? 0 : (rgb[y * ink.w + x] & 0xffffff) | 0x808080);
		}
		ImageIO.write(out, "png", Paths.get(args[1]).toFile());
		for (int y = y0; y < y1; y++) {
			int n = 0;
			for (int x = 0; x < ink.w; x++) if (ink.at(x, y)) n++;
			if (n > ink.w / 10) System.out.println(y + " " + n);
		}
	}
}
