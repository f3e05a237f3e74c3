"""Publishing stage: XSLT 3.0 (xslt/) → HTML reading edition, print PDF (WeasyPrint), XSL-FO."""

from teiedit.render.core import FORMATS, render

__all__ = ["FORMATS", "render"]
