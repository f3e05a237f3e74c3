"""Fixtures of the render tests: the hand-made sample edition and the bundled article,
each rendered once per session, and the artifact folder for screenshots and page images."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from teiedit.cli import main
from teiedit.render import render

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "render"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory) -> Path:
    """tests/render/data/sample.xml rendered to HTML, PDF and FO."""
    out = tmp_path_factory.mktemp("sample")
    render(DATA / "sample.xml", {"html", "pdf", "fo"}, out)
    return out


@pytest.fixture(scope="session")
def bundled_edition(tmp_path_factory) -> Path:
    """The bundled article, encoded (names linked to the registers) as a user would."""
    out = tmp_path_factory.mktemp("bundled") / "miletic.xml"
    source = ROOT / "tei" / "miletic-2021-tokovi-istorije.txt"
    result = CliRunner().invoke(main, ["encode", str(source), "--registers",
                                       str(ROOT / "tei" / "registers"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def bundled_out(bundled_edition: Path) -> Path:
    out = bundled_edition.parent / "out"
    render(bundled_edition, {"html", "pdf", "fo"}, out)
    return out


CORPUS = ROOT.parent / "shared" / "corpora" / "tei"


@pytest.fixture(scope="session")
def corpus_html(tmp_path_factory, shared_dir):
    """A function: corpus document (path under docs/) -> its HTML pages' folder, each
    document rendered once per session."""
    return _rendered_once(tmp_path_factory, "html")


@pytest.fixture(scope="session")
def corpus_fo(tmp_path_factory, shared_dir):
    """A function: corpus document (path under docs/) -> the folder of its XSL-FO."""
    return _rendered_once(tmp_path_factory, "fo")


def _rendered_once(tmp_path_factory, to: str):
    done: dict[str, Path] = {}

    def rendered(name: str) -> Path:
        if name not in done:
            folder = tmp_path_factory.mktemp(f"{Path(name).stem}-{to}")
            render(CORPUS / "docs" / name, {to}, folder)
            done[name] = folder
        return done[name]
    return rendered
