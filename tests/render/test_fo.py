"""XSL-FO output; rendered with Apache FOP where Debian's fop is installed."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from lxml import etree

from teiedit.render.xslt import XSLT_DIR

FO = "http://www.w3.org/1999/XSL/Format"


def test_fo_has_pages_running_heads_and_a_footnote_per_note(sample_out):
    fo = etree.parse(str(sample_out / "sample.fo"))
    ns = {"fo": FO}
    assert fo.getroot().tag == f"{{{FO}}}root"
    masters = fo.xpath("//fo:simple-page-master", namespaces=ns)
    assert {m.get("page-width") for m in masters} == {"176mm"}
    heads = {s.get("flow-name"): s.xpath("string()") for s in
             fo.xpath("//fo:static-content", namespaces=ns)}
    assert heads["head-even"] == "Aleksandar V. Miletić"
    assert heads["head-odd"] == "Yugoslav Communists and the West"
    bodies = [b.xpath("string()") for b in fo.xpath("//fo:footnote-body", namespaces=ns)]
    assert len(bodies) == 4 and "alphanote" in bodies[1]
    assert fo.xpath("//fo:block[@break-before='page'][@language='sr']", namespaces=ns)


@pytest.mark.skipif(not shutil.which("fop"), reason="Apache FOP (Debian fop) not installed")
def test_fop_renders_the_fo(sample_out, tmp_path):
    pdf = tmp_path / "sample-fop.pdf"
    subprocess.run(["fop", "-q", "-c", str(XSLT_DIR / "fop.xconf"), "-fo",
                    str(sample_out / "sample.fo"), "-pdf", str(pdf)],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "alphanote" in text and "Резиме" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "DejaVuSerif" in fonts and " no " not in fonts.split("\n", 2)[2]
