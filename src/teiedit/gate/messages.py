"""Plain-language messages for the engines' terse ones (rules in data/gate/messages.json)."""

from __future__ import annotations

import json
import re
from functools import cache

from teiedit.gate.paths import DATA_DIR

_CLARK = re.compile(r"\{[^}]*\}")


@cache
def _rules() -> list[tuple[str, re.Pattern[str], str]]:
    raw = json.loads((DATA_DIR / "messages.json").read_text(encoding="utf-8"))
    return [(r["engine"], re.compile(r["pattern"]), r["message"]) for r in raw["rules"]]


def translate(engine: str, message: str) -> str:
    """The first matching plain-language rule for `engine`, else the message itself.

    Namespace URIs in Clark notation ({uri}name) are dropped: contributors think in element
    names, and the schema's namespace is stated in the report header.
    """
    message = _CLARK.sub("", message.strip())
    for rule_engine, pattern, template in _rules():
        if rule_engine == engine:
            m = pattern.match(message)
            if m:
                return template.format(**{k: v or "" for k, v in m.groupdict().items()})
    return message
