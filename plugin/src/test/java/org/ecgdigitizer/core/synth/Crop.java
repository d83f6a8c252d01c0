package org.ecgdigitizer.core.synth;

import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/** Crops a PNG for looking at details: in.png out.png x y w h [scale]. */
public final class Crop {
	public static void main(String[] a) throws Exception {
		BufferedImage in = ImageIO.read(new File(a[0]));
		int x = Integer.parseInt(a[2]), y = Integer.parseInt(a[3]), w = Integer.parseInt(a[4]), h = Integer.parseInt(a[5]);
		int s = a.length > 6 ? Integer.parseInt(a[6]) : 1;
		BufferedImage out = new BufferedImage(w * s, h * s, BufferedImage.TYPE_INT_RGB);
		for (int j = 0; j < h * s; j++) for (int i = 0; i < w * s; i++) out.setRGB(i, j, in.getRGB(x + i / s, y + j / s));
		ImageIO.write(out, "png", new File(a[1]));
	}
}
