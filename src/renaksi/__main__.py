"""Allow ``python -m renaksi``."""

from renaksi.cli import main

raise SystemExit(main())
