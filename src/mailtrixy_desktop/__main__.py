"""``python -m mailtrixy_desktop`` is the same as the ``mailtrixy-desktop`` command."""

from mailtrixy_desktop.app.main import main

raise SystemExit(main())
