package org.ecgdigitizer.core.synth;

import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/** Tiles PNGs in a grid for looking at them together: out.png columns in1.png in2.png ... */
public final class Montage {
	public static void main(String[] a) throws Exception {
		int cols = Integer.parseInt(a[1]);
		BufferedImage[] in = new BufferedImage[a.length - 2];
		int w = 0, h = 0;
		for (int i = 0; i < in.length; i++) {
			in[i] = ImageIO.read(new File(a[i + 2]));
			w = Math.max(w, in[i].getWidth());
			h = Math.max(h, in[i].getHeight());
		}
		int rows = (in.length + cols - 1) / cols;
		BufferedImage out = new BufferedImage(cols * (w + 4), rows * (h + 4), BufferedImage.TYPE_INT_RGB);
		for (int i = 0; i < in.length; i++) out.getGraphics().drawImage(in[i], (i % cols) * (w + 4), (i / cols) * (h + 4), null);
		ImageIO.write(out, "png", new File(a[0]));
	}
}
