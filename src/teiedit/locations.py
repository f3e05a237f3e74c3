"""Where teiedit's data folders are, in a source checkout and in an installed wheel.

The compiled schemas and the stylesheets live at the top of the repository (schema/, xslt/).
A wheel carries them inside the package as teiedit/data/schema and teiedit/data/xslt (see
pyproject.toml's package-dir); a checkout (editable install, PYTHONPATH=src) has no such
copy, so the folder at the top of the checkout is used.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# teiedit/data inside the package that is running (a plain folder: pip installs files).
PACKAGE_DATA = Path(str(files("teiedit"))) / "data"


def source_checkout() -> Path | None:
    """The repository this package runs from (src/teiedit beside pyproject.toml), if any."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "src" / "teiedit").is_dir():
        return root
    return None


def data_dir(name: str) -> Path:
    """The folder `name` ("schema" or "xslt"): the installed copy, else the checkout's.

    When neither exists the installed location is returned, so errors name where the
    data was expected.
    """
    packaged = PACKAGE_DATA / name
    root = source_checkout()
    if packaged.is_dir() or root is None:
        return packaged
    return root / name


def is_installed_data(path: Path) -> bool:
    """Whether `path` lies inside the installed package's data (never a place to write)."""
    return path.resolve().is_relative_to(PACKAGE_DATA.resolve())
