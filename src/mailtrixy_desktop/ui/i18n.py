"""The app's language: Qt translators for our strings and Qt's own (issue 8).

English is the source language. ``install()`` picks the language from the
``MAILTRIXY_LANG`` environment variable (``de``, ``de_DE``, ``en``), else the system
locale, and installs

- our translation, ``resources/translations/mailtrixy_desktop_<lang>.qm``. A built
  package carries the ``.qm`` (setup.py compiles it with ``pyside6-lrelease``); a
  source tree has only the ``.ts``, so it is compiled on first use into the user's
  cache directory, keyed by the ``.ts`` content, with the ``lrelease`` that ships in
  the PySide6 wheel;
- Qt's own ``qtbase_<lang>.qm`` (the buttons of standard dialogs), when Qt has it.

Plurals: sources read ``"%Ln contact(s)"`` and are written
``plural(self.tr("%Ln contact(s)", "", n), n)``. A translation has one form per
number; English runs with no translator at all, so ``plural`` resolves the source's
``(s)``/``(es)`` endings and ``(one|many)`` choices for the number.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from mailtrixy_desktop.i18n_marks import QT_TRANSLATE_NOOP, Message, Moment, Number, Source

log = logging.getLogger(__name__)

DOMAIN = "mailtrixy_desktop"
ENV_VAR = "MAILTRIXY_LANG"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"

_installed: list[QTranslator] = []
_loaded: list[Path] = []  # our compiled translation, once installed


def requested_locale(lang: str | None = None) -> QLocale:
    """The locale asked for: ``lang``, else ``$MAILTRIXY_LANG``, else the system's."""
    name = lang or os.environ.get(ENV_VAR, "").strip()
    if name:
        return QLocale(name)
    return QLocale.system()


def available_languages() -> list[str]:
    """Languages with a translation source (``de``…), besides English."""
    return sorted(p.stem.removeprefix(DOMAIN + "_") for p in TRANSLATIONS.glob(f"{DOMAIN}_*.ts"))


def install(lang: str | None = None, *, cache_dir: Path | None = None) -> QLocale:
    """Install the translators for ``lang`` (see the module doc); returns the locale used.

    Calling it again replaces what an earlier call installed; ``install("en")`` leaves
    the English source strings."""
    uninstall()
    locale = requested_locale(lang)
    if lang or os.environ.get(ENV_VAR, "").strip():
        # Asked for by name: numbers and dates follow the language too.
        QLocale.setDefault(locale)
    if locale.language() in (QLocale.Language.C, QLocale.Language.English):
        return locale
    qm = _our_qm(locale, cache_dir)
    if qm is not None:
        _load(qm)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    if qtbase.load(locale, "qtbase", "_", qt_dir):
        _install(qtbase)
    return locale


def loaded() -> Path | None:
    """The ``.qm`` of ours that ``install()`` loaded, or None (English)."""
    return _loaded[0] if _loaded else None


def uninstall() -> None:
    _loaded.clear()
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def _load(path: Path) -> None:
    translator = QTranslator()
    if translator.load(str(path)):
        _install(translator)
        _loaded[:] = [path]
        log.info("translation loaded: %s", path)
    else:
        log.warning("could not load the translation %s", path)


def _install(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)


def _our_qm(locale: QLocale, cache_dir: Path | None) -> Path | None:
    """The compiled translation for ``locale`` (``de_DE`` falls back to ``de``), if any."""
    for name in locale.uiLanguages():
        for code in (name.replace("-", "_"), name.split("-")[0]):
            qm = TRANSLATIONS / f"{DOMAIN}_{code}.qm"
            if qm.is_file():
                return qm
            ts = qm.with_suffix(".ts")
            if ts.is_file():
                return compiled(ts, cache_dir)
    return None


def compiled(ts: Path, cache_dir: Path | None = None) -> Path | None:
    """``ts`` compiled to a ``.qm`` in the cache (once per content); None without lrelease."""
    data = ts.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    target = (cache_dir or _cache_dir()) / f"{ts.stem}-{digest}.qm"
    if target.is_file():
        return target
    tool = lrelease()
    if tool is None:
        log.warning("no lrelease to compile %s; the app stays in English", ts.name)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    done = subprocess.run(  # noqa: S603 - our own tool on our own file
        [str(tool), "-silent", str(ts), "-qm", str(partial)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not partial.is_file():
        log.warning("lrelease failed on %s: %s", ts.name, done.stderr.strip())
        partial.unlink(missing_ok=True)
        return None
    partial.replace(target)
    return target


def lrelease() -> Path | None:
    """Qt's ``lrelease``: the one in the PySide6 wheel, else one on the PATH."""
    import PySide6

    here = Path(PySide6.__file__).resolve().parent
    exe = ".exe" if sys.platform == "win32" else ""
    for candidate in (here / f"lrelease{exe}", here / "Qt" / "libexec" / f"lrelease{exe}"):
        if candidate.is_file():
            return candidate
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("MailTrixy Desktop", "MailTrixy")) / "translations"


# --- text --------------------------------------------------------------------------

_CHOICE = re.compile(r"\(([^()|]*)\|([^()|]*)\)")
_ENDING = re.compile(r"(?<=\w)\((s|es)\)")


def plural(text: str, n: int) -> str:
    """An untranslated plural source made English for ``n``.

    ``"%Ln change(s) (is|are) waiting"`` comes back from ``tr()`` without a translator
    as ``"1 change(s) (is|are) waiting"``; this makes it ``"1 change is waiting"``. A
    translation has no such marks, so it passes unchanged."""
    many = n != 1
    text = _CHOICE.sub(lambda m: m.group(2) if many else m.group(1), text)
    return _ENDING.sub(lambda m: m.group(1) if many else "", text)


def translated(text: Any) -> str:
    """Text from below the UI in the app's language: marked text (``i18n_marks``) is
    translated in its context, with its values (themselves translated when marked)
    filled in; numbers and moments (``Number``, ``Moment``) are written the locale's
    way; anything else is returned as it is."""
    if isinstance(text, Number):
        return number(text.value)
    if isinstance(text, Moment):
        return moment_text(text.at, "d MMM yyyy HH:mm" if text.year else "d MMM HH:mm")
    if isinstance(text, Message):
        args = [translated(a) if isinstance(a, str) else a for a in text.args]
        kwargs = {k: translated(v) if isinstance(v, str) else v for k, v in text.kwargs.items()}
        return translated(text.source).format(*args, **kwargs)
    if isinstance(text, Source):
        return QCoreApplication.translate(text.context, str(text))
    return str(text)


def number(value: int) -> str:
    """A count with the locale's digit grouping ("2,500"; "2.500" in German)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale.toString(value)


def counted(text: str, n: int) -> str:
    """A translated ``%Ln`` plural made English when untranslated (``plural``), with the
    count grouped by the locale ("2,500"; "2.500" in German)."""
    return plural(text, n).replace(str(n), number(n), 1)


# The date forms the app writes, each translatable as a whole: a language says where
# its day and month go and what stands between them ("15. März" in German).
DATE_FORMS = (
    QT_TRANSLATE_NOOP("DateForm", "d MMM yyyy"),
    QT_TRANSLATE_NOOP("DateForm", "d MMM HH:mm"),
    QT_TRANSLATE_NOOP("DateForm", "d MMM yyyy HH:mm"),
    QT_TRANSLATE_NOOP("DateForm", "d MMM yyyy, HH:mm"),
    QT_TRANSLATE_NOOP("DateForm", "d MMM yyyy, HH:mm:ss"),
)


def moment_text(moment: datetime, form: str) -> str:
    """``moment`` in local time, in Qt's date ``form`` ("d MMM yyyy", one of
    ``DATE_FORMS``) as the app's language writes it, with its month names."""
    local = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))
    return QLocale().toString(local, QCoreApplication.translate("DateForm", form))
