"""The HTML report as a PDF, laid out by WeasyPrint (a paged-media engine: ``@page`` rules,
named pages, running headers, ``target-counter()`` for the Daftar Isi).

WeasyPrint and its system libraries (Pango) are loaded here only, when a PDF is asked
for: ``renaksi validate`` never pays for them. Missing libraries make the import raise
OSError: :class:`PdfUnavailableError` says what to install.

The document fetches nothing: its images are ``data:`` URIs (the logo, narrative images),
and WeasyPrint's fetcher is given those alone, so no file on the machine and no address on
the network is read while rendering, whatever an SVG or a user template names.
"""

from __future__ import annotations

from typing import Any

#: The Debian packages of WeasyPrint's system libraries, named in the error message.
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"


class PdfUnavailableError(Exception):
    """WeasyPrint cannot be loaded (exit code 2); the message says what to install."""


def _load_engine() -> Any:
    try:
        import weasyprint
    except ImportError:
        raise PdfUnavailableError(
            "PDF memerlukan paket Python weasyprint; pasang dengan: pip install weasyprint"
        ) from None
    except OSError as exc:  # cffi could not open Pango or its friends
        raise PdfUnavailableError(
            "PDF memerlukan pustaka sistem Pango untuk WeasyPrint, yang tidak ditemukan "
            f"({exc}); di Debian/Ubuntu pasang dengan: apt-get install {SYSTEM_PACKAGES}"
        ) from None
    return weasyprint


def data_only_fetcher(weasyprint: Any) -> Any:
    """A WeasyPrint URL fetcher that opens ``data:`` URIs and refuses everything else."""
    return weasyprint.urls.URLFetcher(allowed_protocols=("data",), allow_redirects=False)


def html_to_pdf(html: str) -> bytes:
    """The PDF of an HTML report (as :func:`renaksi.report.render.render` makes it)."""
    weasyprint = _load_engine()
    document = weasyprint.HTML(
        string=html, base_url=None, url_fetcher=data_only_fetcher(weasyprint)
    )
    # No metadata varies between runs: the same plan prints byte-identical PDFs.
    return bytes(document.write_pdf(uncompressed_pdf=False))
