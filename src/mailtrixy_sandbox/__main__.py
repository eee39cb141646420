"""``python -m mailtrixy_sandbox`` is the same as the ``mailtrixy-sandbox`` command."""

from mailtrixy_sandbox.cli import main

raise SystemExit(main())
