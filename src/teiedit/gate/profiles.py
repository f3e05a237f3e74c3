"""Profiles: what a repository accepts, pinned as NAME@VERSION in a JSON data file.

A profile names its schemas (paths relative to the profile file) with their SHA-256 and
optional Schematron phase, and the size limits for submissions:

    {"name": "journal", "version": "2.1", "description": "...",
     "schemas": [{"path": "schema/journal.rng", "sha256": "…"},
                 {"path": "schema/journal.sch", "sha256": "…", "phase": "submission"}],
     "limits": {"max_bytes": 10000000, "max_depth": 200}}

`--profile NAME@VERSION` looks for NAME@VERSION.json in $TEIEDIT_PROFILE_PATH (folders
separated by the OS path separator), then ./.teiedit/profiles, then among the built-in
profiles; `--profile path/to/file.json` names the file directly.

Built in: teiedit@VERSION (VERSION = this package's), the project's own compiled schemas,
kept in schema/ beside the files it pins so that its relative paths hold in a checkout and
in a wheel alike.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from teiedit.locations import data_dir
from teiedit.xmlio import MAX_BYTES, MAX_DEPTH, TeieditError

_ID = re.compile(r"^[A-Za-z0-9_.-]+@[A-Za-z0-9_.+-]+$")


@dataclass(frozen=True)
class PinnedSchema:
    path: Path
    sha256: str | None = None
    phase: str = ""


@dataclass(frozen=True)
class Profile:
    name: str
    version: str
    schemas: tuple[PinnedSchema, ...]
    max_bytes: int = MAX_BYTES
    max_depth: int = MAX_DEPTH
    description: str = ""
    source: str = field(default="", compare=False)

    @property
    def ident(self) -> str:
        return f"{self.name}@{self.version}"


def search_path() -> list[Path]:
    env = [Path(p) for p in os.environ.get("TEIEDIT_PROFILE_PATH", "").split(os.pathsep) if p]
    return [*env, Path(".teiedit/profiles"), data_dir("schema")]


def find_profile(spec: str) -> Path:
    if spec.endswith(".json") or os.sep in spec:
        return Path(spec)
    if not _ID.match(spec):
        raise TeieditError(f"profile {spec!r} is not NAME@VERSION or a path to a .json file")
    for folder in search_path():
        candidate = folder / f"{spec}.json"
        if candidate.is_file():
            return candidate
    raise TeieditError(f"profile {spec} not found in: "
                       + ", ".join(str(p) for p in search_path()))


def load_profile(spec: str) -> Profile:
    """Read and check a profile file; paths become absolute, relative to the file."""
    path = find_profile(spec)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise TeieditError(f"cannot read profile: {e.strerror}", file=path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise TeieditError(f"profile is not valid JSON: {e}", file=path) from None
    try:
        limits = raw.get("limits", {})
        profile = Profile(
            name=str(raw["name"]), version=str(raw["version"]),
            description=str(raw.get("description", "")),
            schemas=tuple(PinnedSchema((path.parent / s["path"]).resolve(), s.get("sha256"),
                                       str(s.get("phase", "")))
                          for s in raw["schemas"]),
            max_bytes=int(limits.get("max_bytes", MAX_BYTES)),
            max_depth=int(limits.get("max_depth", MAX_DEPTH)),
            source=str(path))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise TeieditError(f"profile lacks or misstates a field ({e}); it needs name, "
                           "version and schemas[{path, sha256}]", file=path) from None
    if path.name == f"{spec}.json" and profile.ident != spec:
        raise TeieditError(f"profile file says {profile.ident}, not {spec}", file=path)
    return profile
