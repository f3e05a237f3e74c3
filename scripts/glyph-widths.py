"""Write src/teiedit/data/glyph-widths.json: advance widths (1/1000 em) of a common serif
font, so that the encoder can compare printed line lengths of proportional type instead of
counting characters ("mmm" is wider than "iii").

usage: python scripts/glyph-widths.py [FONT.ttf]   (default: DejaVu Serif, fonts-dejavu-core)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
# Latin, Greek, Cyrillic, Latin Extended Additional, punctuation, currency, letterlike
RANGES = [(0x20, 0x24F), (0x370, 0x52F), (0x1E00, 0x1EFF), (0x2000, 0x214F)]
OUT = Path(__file__).resolve().parents[1] / "src" / "teiedit" / "data" / "glyph-widths.json"


def main() -> None:
    font = TTFont(sys.argv[1] if len(sys.argv) > 1 else FONT)
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    scale = 1000 / font["head"].unitsPerEm
    widths = {f"{start:04X}": [round(metrics[cmap[c]][0] * scale) if c in cmap else 0
                               for c in range(start, end + 1)] for start, end in RANGES}
    data = {"font": Path(font.reader.file.name).name, "unit": "1/1000 em",
            "ranges": widths}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
