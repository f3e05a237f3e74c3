"""Real TEI from many projects (../shared/corpora/tei): every document renders, shows every
text node of its <text>, and its pages link only to what is there."""

from __future__ import annotations

from pathlib import Path

import corpus
import pytest

from teiedit.render import render
from teiedit.xmlio import read_untrusted

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tei"
DOCS = [d.relative_to(CORPUS / "docs").as_posix() for d in corpus.split(CORPUS)[0]
        if corpus.renderable(d)] \
    if CORPUS.exists() else []


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, shared_dir) -> dict[str, Path]:
    """Each corpus document rendered to HTML in a folder of its own."""
    out = {}
    for name in DOCS:
        folder = tmp_path_factory.mktemp(Path(name).stem)
        render(CORPUS / "docs" / name, {"html"}, folder)
        out[name] = folder
    return out


@pytest.mark.parametrize("name", DOCS)
def test_every_text_node_is_shown(rendered, name):
    src = CORPUS / "docs" / name
    page = (rendered[name] / f"{src.stem}.html").read_bytes()
    _, missing = corpus.missing_text(read_untrusted(src), page)
    assert missing == []


@pytest.mark.parametrize("name", DOCS)
def test_no_dead_internal_link(rendered, name):
    assert corpus.dead_links(rendered[name]) == []
