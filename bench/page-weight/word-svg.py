#!/usr/bin/python3
"""Draw one shaped word as a small inline SVG, so a page can show it without a web font.

English pages show the word "বাংলা" in the header's language switch. Drawn as text, it would make a
browser without a Bengali system font download the Bengali web font (about 39 KB) on every English
page. Drawn as this SVG, it costs well under 1 KB and downloads nothing.

    word-svg.py FONT TEXT            FONT: a .ttf, .otf or .woff2 (the weight the text is shown in)

It shapes TEXT with HarfBuzz (`hb-shape`, Debian package libharfbuzz-bin: Bengali needs shaping,
so the glyphs are the ones a browser would draw), then writes the glyph outlines as one path in
font units (1000 = 1em), cropped to the ink, filled with currentColor. The SVG has role="img" and
the word as its <title>, which gives the link its accessible name; a <title> is never drawn, so it
loads no font. Needs python3-fonttools (and python3-brotli for woff2).

Printed on one line, ready to paste where the layout uses it; the vertical-align that puts its
baseline on the text's baseline is printed on stderr, for the stylesheet.
"""
import json
import math
import subprocess
import sys
import tempfile

from fontTools.pens.basePen import BasePen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont


class CompactPathPen(BasePen):
    """SVG path data with relative commands and whole font units: short, and exact to 1/1000 em."""

    def __init__(self, glyph_set):
        super().__init__(glyph_set)
        self.parts = []
        self.cur = (0, 0)
        self.start = (0, 0)

    def _rel(self, pt):
        x, y = round(pt[0]), round(pt[1])
        d = (x - self.cur[0], y - self.cur[1])
        self.cur = (x, y)
        return d

    def _emit(self, cmd, *pts):
        nums = []
        for dx, dy in pts:
            nums += [dx, dy]
        text = ""
        for n in nums:
            s = str(n)
            text += s if (not text or s.startswith("-")) else " " + s
        self.parts.append(cmd + text)

    def _moveTo(self, pt):
        self._emit("m", self._rel(pt))
        self.start = self.cur

    def _lineTo(self, pt):
        dx, dy = self._rel(pt)
        if dy == 0:
            self.parts.append(f"h{dx}")
        elif dx == 0:
            self.parts.append(f"v{dy}")
        else:
            self._emit("l", (dx, dy))

    def _qCurveToOne(self, pt1, pt2):
        base = self.cur
        c = (round(pt1[0]), round(pt1[1]))
        end = self._rel(pt2)
        self._emit("q", (c[0] - base[0], c[1] - base[1]), end)

    def _curveToOne(self, pt1, pt2, pt3):
        base = self.cur
        c1 = (round(pt1[0]) - base[0], round(pt1[1]) - base[1])
        c2 = (round(pt2[0]) - base[0], round(pt2[1]) - base[1])
        self._emit("c", c1, c2, self._rel(pt3))

    def _closePath(self):
        self.parts.append("z")
        self.cur = self.start

    def path(self):
        return "".join(self.parts)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    font_path, text = sys.argv[1], sys.argv[2]
    font = TTFont(font_path)
    with tempfile.NamedTemporaryFile(suffix=".ttf") as plain:
        font.flavor = None  # hb-shape reads TrueType/OpenType, not woff2
        font.save(plain.name)
        font = TTFont(plain.name)
        shaped = json.loads(subprocess.run(
            ["hb-shape", "--output-format=json", "--no-glyph-names", plain.name, text],
            check=True, capture_output=True, text=True).stdout)
    if any(g["g"] == 0 for g in shaped):
        sys.exit(f"word-svg: the font has no glyph for some of {text!r}")
    upem = font["head"].unitsPerEm
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    def draw(pen):
        x = 0
        for g in shaped:
            # Font y points up, SVG y points down.
            glyph_set[order[g["g"]]].draw(TransformPen(pen, (1, 0, 0, -1, x + g["dx"], -g["dy"])))
            x += g["ax"]

    bounds = BoundsPen(glyph_set)
    draw(bounds)
    x0, y0, x1, y1 = (math.floor(bounds.bounds[0]), math.floor(bounds.bounds[1]),
                      math.ceil(bounds.bounds[2]), math.ceil(bounds.bounds[3]))
    pen = CompactPathPen(glyph_set)
    draw(pen)
    w, h = x1 - x0, y1 - y0

    def em(units):
        return f"{units / upem:.3f}".rstrip("0").rstrip(".").replace("0.", ".", 1) + "em"

    print(f'<svg role="img" viewBox="{x0} {y0} {w} {h}" width="{em(w)}" height="{em(h)}" '
          f'fill="currentColor"><title>{text}</title><path d="{pen.path()}"/></svg>')
    # y1 is how far the ink reaches below the baseline (SVG y down); the SVG's bottom edge sits on
    # the baseline unless lowered by that much. The Content-Security-Policy refuses inline style
    # attributes, so this goes in site.css.
    print(f"word-svg: in the stylesheet, give this svg vertical-align: {em(-y1)}", file=sys.stderr)


if __name__ == "__main__":
    main()
