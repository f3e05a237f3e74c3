"""teiedit installed from a wheel has its schemas, stylesheets and built-in profile.

A repository that gates submissions installs teiedit with `pip install`, not from a checkout.
The wheel is built offline from a copy of the project (no build isolation, no index) and
installed with `pip install --target`; the CLI then runs with that folder first on
PYTHONPATH, so teiedit comes from the wheel and its dependencies from this environment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from teiedit.gate.paths import DEFAULT_SCHEMA_DIR, DEFAULT_SCHEMA_NAMES
from teiedit.gate.profiles import load_profile
from teiedit.gate.schemas import schema_digest
from teiedit.schema.build import DEFAULT_ODD, output_dir

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tei" / "miletic-2021-tokovi-istorije.xml"
# What the wheel is built from, copied so the build leaves nothing in the working tree.
PROJECT_FILES = ("pyproject.toml", "README.md", "src", "schema", "xslt")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def pip(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
                          text=True, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    (work / "project").mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / "project" / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, work / "project" / name)
    pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(work / "dist"),
        str(work / "project"))
    [built] = (work / "dist").glob("teiedit-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path) -> Path:
    target = wheel.parent.parent / "site"
    pip("install", "--no-deps", "--no-index", "--target", str(target), str(wheel))
    return target


def python(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """This interpreter with the installed wheel first on the path, outside the checkout."""
    env = {k: v for k, v in os.environ.items() if k != "TEIEDIT_PROFILE_PATH"}
    env["PYTHONPATH"] = str(installed)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=300)


def teiedit(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return python(installed, "-m", "teiedit", *args, cwd=cwd)


def test_wheel_carries_every_module_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"teiedit/{p.relative_to(ROOT / 'src' / 'teiedit').as_posix()}"
                for p in (ROOT / "src" / "teiedit").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    for folder in ("schema", "xslt"):
        expected |= {f"teiedit/data/{folder}/{p.relative_to(ROOT / folder).as_posix()}"
                     for p in (ROOT / folder).rglob("*") if p.is_file()}
    assert expected - names == set()


def test_the_cli_imports_teiedit_and_its_data_from_the_wheel(installed, tmp_path):
    code = ("import teiedit, teiedit.locations as l; print(teiedit.__file__, "
            "l.data_dir('schema'), l.data_dir('xslt'), teiedit.__version__)")
    done = python(installed, "-c", code, cwd=tmp_path)
    module, schema, xslt, version = done.stdout.split()
    package = installed / "teiedit"
    assert Path(module).parent == package
    assert Path(schema) == package / "data" / "schema"
    assert Path(xslt) == package / "data" / "xslt"
    assert version == VERSION


def test_validate_uses_the_schemas_inside_the_wheel(installed, tmp_path):
    done = teiedit(installed, "validate", "--format", "json", str(ARTICLE), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    schema_dir = installed / "teiedit" / "data" / "schema"
    assert [s["path"] for s in report["schemas"]] == [
        str(schema_dir / n) for n in DEFAULT_SCHEMA_NAMES]
    assert [f["valid"] for f in report["files"]] == [True]


def test_builtin_profile_works_from_the_wheel(installed, tmp_path):
    done = teiedit(installed, "validate", "--format", "json",
               "--profile", f"teiedit@{VERSION}", str(ARTICLE), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["profile"] == f"teiedit@{VERSION}"
    assert {s["sha256"] for s in report["schemas"]} == {
        schema_digest(DEFAULT_SCHEMA_DIR / n) for n in DEFAULT_SCHEMA_NAMES}


def test_render_uses_the_stylesheets_inside_the_wheel(installed, tmp_path):
    done = teiedit(installed, "render", str(ARTICLE), "--to", "html", "-o", "out",
               cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / f"{ARTICLE.stem}.html").read_text(encoding="utf-8")
    title = etree.parse(str(ARTICLE)).findtext(".//{*}titleStmt/{*}title")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert f"<title>{title}</title>" in page
    # html.xsl inlines its CSS from xslt/assets: read from the wheel as well
    assert (ROOT / "xslt" / "assets" / "edition.css").read_text(encoding="utf-8") in page


def test_schema_build_from_a_wheel_asks_for_an_output_folder(installed, tmp_path):
    schema_dir = installed / "teiedit" / "data" / "schema"
    before = sorted(p.name for p in schema_dir.iterdir())
    done = teiedit(installed, "schema", "build", cwd=tmp_path)
    assert done.returncode == 1
    assert "-o/--output" in done.stderr and "source tree" in done.stderr
    assert sorted(p.name for p in schema_dir.iterdir()) == before


def test_schema_build_in_a_checkout_still_writes_into_schema():
    assert DEFAULT_ODD == ROOT / "schema" / "teiedit.odd"
    assert output_dir(DEFAULT_ODD, None) == ROOT / "schema"


def test_builtin_profile_pins_the_committed_schemas():
    """When the schemas are rebuilt this fails until schema/teiedit@VERSION.json is updated."""
    profile = load_profile(str(DEFAULT_SCHEMA_DIR / f"teiedit@{VERSION}.json"))
    assert profile.ident == f"teiedit@{VERSION}"
    assert [s.path for s in profile.schemas] == [DEFAULT_SCHEMA_DIR / n
                                                 for n in DEFAULT_SCHEMA_NAMES]
    for pinned in profile.schemas:
        assert pinned.sha256 == schema_digest(pinned.path), (
            f"{pinned.path.name} changed: put its new sha256 into schema/teiedit@{VERSION}.json")


def test_builtin_profile_is_found_by_name_from_any_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TEIEDIT_PROFILE_PATH", raising=False)
    assert load_profile(f"teiedit@{VERSION}").source == str(
        DEFAULT_SCHEMA_DIR / f"teiedit@{VERSION}.json")
