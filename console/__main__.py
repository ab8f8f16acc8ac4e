"""`python -m console` runs the posventa command."""

from console.cli import main

raise SystemExit(main())
