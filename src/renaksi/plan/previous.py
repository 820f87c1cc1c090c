"""The year before a plan: ``plans/<year-1>/instansi.yaml``, read for the IKU only.

Reading is bounded and quiet: only the one file of only the previous year, under the same
size limit as any plan file, and only for a folder named after its year. A previous year
that is absent, unreadable or invalid is no finding of this plan (validating that folder
says what is wrong with it); the rules that compare years then stay silent.
"""

from __future__ import annotations

import os
from pathlib import Path

from renaksi.plan.folder import INSTANSI_FILE, PreviousYear
from renaksi.plan.load import MAX_BYTES, read_source_document, validate_model
from renaksi.plan.model import InstansiFile
from renaksi.plan.source import DirSource, PlanIOError


def previous_year(folder: Path, max_bytes: int = MAX_BYTES) -> PreviousYear | None:
    """The previous year's ``instansi.yaml`` beside ``folder``, if it reads and is valid."""
    # Lexically, not resolved: the loader resolves the plan folder once, and a folder
    # reached through a link is compared with the year beside the link, as the user sees it.
    here = Path(os.path.abspath(folder))
    if not (len(here.name) == 4 and here.name.isdigit()):
        return None
    earlier = here.parent / str(int(here.name) - 1)
    try:
        if not (earlier / INSTANSI_FILE).is_file():
            return None
        source = DirSource(earlier)
        doc, problems = read_source_document(source, INSTANSI_FILE, max_bytes)
    except (OSError, PlanIOError):
        return None
    if problems:
        return None
    model, problems = validate_model(doc, InstansiFile)
    if model is None or problems:
        return None
    return PreviousYear(doc, model)
