"""Build step for the translations (issue 8); everything else is in pyproject.toml.

``build_py`` compiles every ``resources/translations/*.ts`` of the package into a
``.qm`` beside it in the build directory, with the ``lrelease`` of the PySide6 wheel
(a build requirement), so wheels and installs from an sdist carry compiled
translations while the repository keeps only their sources. An editable install
builds nothing: the app compiles the ``.ts`` on first use into its cache
(``mailtrixy_desktop/ui/i18n.py``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("mailtrixy_desktop") / "resources" / "translations"


def lrelease() -> str:
    try:
        import PySide6

        here = Path(PySide6.__file__).resolve().parent
        exe = ".exe" if sys.platform == "win32" else ""
        for candidate in (here / f"lrelease{exe}", here / "Qt" / "libexec" / f"lrelease{exe}"):
            if candidate.is_file():
                return str(candidate)
    except ImportError:
        pass
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("setup.py: no lrelease (PySide6) to compile the translations")
    return found


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for ts in sorted((Path(self.build_lib) / TRANSLATIONS).glob("*.ts")):
            qm = ts.with_suffix(".qm")
            subprocess.run(  # noqa: S603 - Qt's own tool on our own sources
                [lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True
            )
            print(f"compiled {ts.name} -> {qm.name}")


setup(cmdclass={"build_py": BuildWithTranslations})
