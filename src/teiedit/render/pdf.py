"""Print HTML → PDF with WeasyPrint (CSS Paged Media): tagged (structure tree), with
bookmarks from the headings, links, and page labels from the source's printed pages."""

from __future__ import annotations

import logging
import re

from teiedit.xmlio import TeieditError

# Page-break markers of the print HTML (print.xsl): id "printed-page-p122" (or "-p122-2").
_PRINTED = re.compile(r"^printed-page-p(.+?)(?:-\d+)?$")


def _refuse(url: str, *args, **kwargs):
    # The print HTML is self-contained; any fetch would be a resource the document supplied.
    raise ValueError(f"external resource refused: {url}")


def page_labels(pages: list[list[str]]) -> list[str] | None:
    """The label of each PDF page from the printed pages that begin on it (in order): the
    printed page in force at its top, "122–123" when others begin on it; None when the
    source has no page numbers."""
    if not any(pages):
        return None
    labels, current = [], None
    for started in pages:
        top = current or (started[0] if started else None)
        last = started[-1] if started else top
        labels.append(top if top == last else f"{top}–{last}")
        current = last
    first = next(label for label in labels if label)
    return [label or first for label in labels]


def html_to_pdf(html: str, name: str) -> bytes:
    """Render self-contained print HTML to PDF bytes; no network, no local files."""
    from weasyprint import HTML  # slow import, only when a PDF is wanted

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        document = HTML(string=html, url_fetcher=_refuse).render()
        labels = page_labels([
            [m.group(1) for anchor, _ in sorted(page.anchors.items(), key=lambda a: a[1][1])
             if (m := _PRINTED.match(anchor))] for page in document.pages])
        # PDF/UA-1: tagged, identified in the XMP metadata, title shown, language set
        return document.write_pdf(pdf_variant="pdf/ua-1",
                                  finisher=lambda _doc, pdf: _label(pdf, labels))
    except Exception as e:  # WeasyPrint raises assorted internal errors on broken layouts
        raise TeieditError(f"PDF layout failed: {type(e).__name__}: {e}", file=name) from None


def _label(pdf, labels: list[str] | None) -> None:
    """Write the page labels into the PDF catalogue (PDF 32000-1, 12.4.2)."""
    import pydyf

    if labels:
        nums = []
        for i, label in enumerate(labels):
            nums += [i, pydyf.Dictionary({"P": pydyf.String(label)})]
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array(nums)})
