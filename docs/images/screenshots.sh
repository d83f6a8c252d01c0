#!/bin/sh
# Takes the README's Fiji screenshots from real ImageJ 1.x windows on a virtual display.
# Needs xvfb-run (Debian: apt-get install xvfb) and ImageMagick (to shrink the PNGs).
# Usage, from the repository root: docs/images/screenshots.sh PAGE.png [REFERENCE.hea]
set -e
page=${1:?give the page image}
reference=${2:--}
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/screenshots.classpath
cp="target/classes:target/test-classes:$(cat target/screenshots.classpath)"
shots=target/screenshots
xvfb-run -a -s "-screen 0 1600x1000x24" \
	java -cp "$cp" org.ecgdigitizer.command.ReadmeScreenshots "$page" "$reference" "$shots"
for f in "$shots"/*.png; do
	# small files: at most 900 pixels wide, 48 colours without dithering
	convert "$f" -resize '900x900>' +dither -colors 48 -strip "PNG8:docs/images/$(basename "$f")"
done
ls -l docs/images/*.png
