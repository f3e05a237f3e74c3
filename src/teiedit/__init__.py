"""teiedit: encode scholarly articles as TEI P5, validate them, publish them."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("teiedit")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def validate(*args, **kwargs):
    """Validate TEI files; see `teiedit.gate.api.validate` (imported on first use, so that
    `import teiedit` stays fast)."""
    from teiedit.gate.api import validate as _validate

    return _validate(*args, **kwargs)
