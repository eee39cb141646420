"""Help → Keyboard shortcuts, and About."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop import __version__
from mailtrixy_desktop.ui import icons
from mailtrixy_desktop.ui.i18n import translated

Shortcut = tuple[str, str, str]  # (section, keys, what it does)


class ShortcutsWindow(QDialog):
    """Every shortcut the app has, grouped; panes add theirs to the list they are given."""

    def __init__(self, shortcuts: Sequence[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsWindow")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        table = QTableWidget(0, 2, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setShowGrid(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        section = None
        for group, keys, action in shortcuts:
            if group != section:
                section = group
                row = table.rowCount()
                table.insertRow(row)
                title = QTableWidgetItem(translated(group))
                font = title.font()
                font.setBold(True)
                title.setFont(font)
                table.setItem(row, 0, title)
                table.setSpan(row, 0, 1, 2)
            row = table.rowCount()
            table.insertRow(row)
            native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys
            table.setItem(row, 0, QTableWidgetItem(native))
            table.setItem(row, 1, QTableWidgetItem(translated(action)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)


class AboutWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutWindow")
        self.setWindowTitle(self.tr("About MailTrixy Desktop"))
        logo = QLabel(self)
        logo.setPixmap(icons.app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(
            self.tr("<h2>MailTrixy Desktop</h2><p>Version {version__}</p>").format(
                version__=__version__
            ),
            self,
        )
        title.setObjectName("aboutVersion")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        blurb = QLabel(
            self.tr(
                "A desktop client for the MailTrixy CRM: contacts, inbox, deals and campaigns, "
                "readable offline, with every change delivered exactly once."
            ),
            self,
        )
        blurb.setWordWrap(True)
        blurb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(buttons)
        self.setFixedWidth(380)
