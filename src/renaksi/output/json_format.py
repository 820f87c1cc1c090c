"""``--format json``: a stable, versioned document for tools (see docs/json-format.md).

Version 1. Fields are only ever added within a version; a change that removes or renames a
field raises ``version``.
"""

from __future__ import annotations

import json

from renaksi import __version__
from renaksi.output.messages import message
from renaksi.plan.findings import Location
from renaksi.rules.check import CheckResult

FORMAT_VERSION = 1


def _location(loc: Location) -> dict[str, object]:
    return {"file": loc.file, "line": loc.line, "column": loc.column, "path": loc.path}


def render(result: CheckResult, strict: bool) -> str:
    """The whole result as one JSON document."""
    document = {
        "format": "renaksi.validate",
        "version": FORMAT_VERSION,
        "renaksi": __version__,
        "plans": [load.plan.display for load in result.loads],
        "summary": {
            "files": result.files,
            "errors": result.errors,
            "warnings": result.warnings,
            "strict": strict,
            "valid": not result.failed(strict=strict),
        },
        "problems": [
            {
                "code": p.code,
                "name": p.name,
                "severity": p.severity.value,
                **_location(p.location),
                "message": message(p),
                "related": [_location(r) for r in p.related],
            }
            for p in result.problems
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
