"""Print HTML → PDF with WeasyPrint (CSS Paged Media)."""

from __future__ import annotations

import logging

from teiedit.xmlio import TeieditError


def _refuse(url: str, *args, **kwargs):
    # The print HTML is self-contained; any fetch would be a resource the document supplied.
    raise ValueError(f"external resource refused: {url}")


def html_to_pdf(html: str, name: str) -> bytes:
    """Render self-contained print HTML to PDF bytes; no network, no local files."""
    from weasyprint import HTML  # slow import, only when a PDF is wanted

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        return HTML(string=html, url_fetcher=_refuse).write_pdf()
    except Exception as e:  # WeasyPrint raises assorted internal errors on broken layouts
        raise TeieditError(f"PDF layout failed: {type(e).__name__}: {e}", file=name) from None
