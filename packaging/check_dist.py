"""Check that a built wheel and sdist carry every file the app needs.

    python packaging/check_dist.py dist/mailtrixy_desktop-*.whl dist/mailtrixy_desktop-*.tar.gz

Every file under ``src/mailtrixy_desktop`` and ``src/mailtrixy_sandbox`` (code, icons,
style sheets, translations, whatever is added later) must be in both; the sdist must
also carry the desktop integration under ``packaging/``. A resource that
``[tool.setuptools.package-data]`` forgets shows up here, not on a person's machine.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("mailtrixy_desktop", "mailtrixy_sandbox")
SDIST_EXTRA = ("packaging/linux", "packaging/icons", "README.md", "pyproject.toml")


def source_files() -> set[str]:
    """Package files as paths relative to src/ (``mailtrixy_desktop/ui/icons/app.svg``)."""
    found: set[str] = set()
    for package in PACKAGES:
        for path in (ROOT / "src" / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                found.add(path.relative_to(ROOT / "src").as_posix())
    return found


def extra_files() -> set[str]:
    found: set[str] = set()
    for name in SDIST_EXTRA:
        path = ROOT / name
        items = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        found.update(p.relative_to(ROOT).as_posix() for p in items)
    return found


def check(wheel: Path, sdist: Path) -> list[str]:
    problems: list[str] = []
    expected = source_files()
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    problems += [f"{wheel.name} lacks {name}" for name in sorted(expected - in_wheel)]
    # The build compiles each translation source; the wheel carries the result.
    compiled = {n.removesuffix(".ts") + ".qm" for n in expected if n.endswith(".ts")}
    problems += [f"{wheel.name} lacks {name} (compiled)" for name in sorted(compiled - in_wheel)]
    with tarfile.open(sdist) as archive:
        # Members are "<name>-<version>/<path>".
        in_sdist = {m.name.partition("/")[2] for m in archive.getmembers() if m.isfile()}
    wanted = {f"src/{name}" for name in expected} | extra_files()
    problems += [f"{sdist.name} lacks {name}" for name in sorted(wanted - in_sdist)]
    return problems


def main(argv: list[str]) -> int:
    wheels = [Path(a) for a in argv if a.endswith(".whl")]
    sdists = [Path(a) for a in argv if a.endswith(".tar.gz")]
    if len(wheels) != 1 or len(sdists) != 1:
        print("usage: check_dist.py WHEEL SDIST", file=sys.stderr)
        return 2
    problems = check(wheels[0], sdists[0])
    for problem in problems:
        print(f"check_dist: {problem}", file=sys.stderr)
    if problems:
        return 1
    count = len(source_files())
    print(f"check_dist: {wheels[0].name} and {sdists[0].name} carry all {count} package files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
