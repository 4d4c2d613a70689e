"""``python -m app.cli``: the command line alone, as before it became a package."""

from app.cli import main

raise SystemExit(main())
