"""``python -m pledgecard`` works like the ``pledgecard`` command."""

from pledgecard.cli import main

raise SystemExit(main())
