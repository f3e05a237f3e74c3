"""Real TEI from many projects (../shared/corpora/tei): every document renders, shows every
text node of its <text>, and its pages link only to what is there."""

from __future__ import annotations

from pathlib import Path

import corpus_checks as corpus
import pytest

from teiedit.xmlio import read_untrusted

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tei"
# Every document (the held-out third was measured apart first, see README).
DOCS = [d.relative_to(CORPUS / "docs").as_posix() for d in corpus.documents(CORPUS)
        if corpus.renderable(d)] if CORPUS.exists() else []


@pytest.mark.parametrize("name", DOCS)
def test_every_text_node_is_shown(corpus_html, name):
    src = CORPUS / "docs" / name
    page = (corpus_html(name) / f"{src.stem}.html").read_bytes()
    _, missing = corpus.missing_text(read_untrusted(src), page)
    assert missing == []


@pytest.mark.parametrize("name", DOCS)
def test_no_dead_internal_link(corpus_html, name):
    assert corpus.dead_links(corpus_html(name)) == []
