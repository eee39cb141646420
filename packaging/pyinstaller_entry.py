"""PyInstaller's entry script: the ``mailtrixy-desktop`` command, frozen.

When the frozen program is started as ``mailtrixy-desktop -m mailtrixy_sandbox ...``
(how ``SandboxProcess`` runs the demo server: ``sys.executable -m ...``) it serves
as the sandbox; ``mailtrixy_desktop.app.main`` makes that dispatch.
"""

from mailtrixy_desktop.app.main import main

raise SystemExit(main())
