"""One campaign in full: who it goes to and when, the five rates as figures, the
statistics chart (or, before it is sent, the email as it will look), what the
outbox could not do with it and why, and what can be done next."""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence
from typing import Final

from PySide6.QtCore import QEvent, QLocale, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mailtrixy_desktop.store.campaigns import CampaignRow
from mailtrixy_desktop.store.outbox import Operation
from mailtrixy_desktop.ui.campaigns.chart import StatsChart
from mailtrixy_desktop.ui.campaigns.formatting import (
    count_text,
    has_figures,
    long_when,
    rates,
    status_color,
    status_title,
    timing,
)
from mailtrixy_desktop.ui.campaigns.preview import EmailPreview

ERROR_RED: Final = "#E5484D"
RATE_KEYS: Final = ("delivered", "opened", "clicked", "bounced", "unsubscribed")


def _quiet(label: QLabel) -> QLabel:
    label.setEnabled(False)  # the palette's muted text
    return label


class RateTile(QFrame):
    """One rate as a large figure with its name; the counts in the tooltip."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"campaignRate-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(0)
        self.value = QLabel("–", self)
        self.value.setObjectName(f"campaignRateValue-{key}")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.55)
        font.setBold(True)
        self.value.setFont(font)
        self.title = _quiet(QLabel(title, self))
        layout.addWidget(self.value)
        layout.addWidget(self.title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_rate(self, text: str, tooltip: str, *, loss: bool = False) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(
            f"QLabel {{ color: {ERROR_RED}; }}" if loss and text != "–" else ""
        )
        self.setToolTip(tooltip)
        self.setAccessibleName(f"{self.title.text()} {text}")
        self.setAccessibleDescription(tooltip)


class CampaignDetail(QWidget):
    editRequested = Signal(int)
    sendRequested = Signal(int)
    deleteRequested = Signal(int)
    newRequested = Signal()
    retryRequested = Signal(int)  # outbox operation id
    fixRequested = Signal(int)  # outbox operation id
    discardRequested = Signal(int)  # outbox operation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignDetail")
        self.setAccessibleName(self.tr("Campaign detail"))
        self.row: CampaignRow | None = None
        self.problem_op: Operation | None = None
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_empty())
        self.stack.addWidget(self._build_content())
        self.show_nothing(has_campaigns=True)

    # ------------------------------------------------------------------ building
    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.empty_title = QLabel("", page)
        self.empty_title.setObjectName("campaignDetailEmpty")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setWordWrap(True)
        font = QFont(self.empty_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty_title.setFont(font)
        self.empty_text = _quiet(QLabel("", page))
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.empty_new = QPushButton(self.tr("New campaign"), page)
        self.empty_new.setObjectName("campaignDetailNew")
        self.empty_new.clicked.connect(self.newRequested)
        layout.addWidget(self.empty_title)
        layout.addSpacing(6)
        layout.addWidget(self.empty_text)
        layout.addSpacing(12)
        layout.addWidget(self.empty_new, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _build_content(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(10)

        head = QHBoxLayout()
        self.title = QLabel("", page)
        self.title.setObjectName("campaignDetailName")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel("", page)
        self.status.setObjectName("campaignDetailStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head.addWidget(self.title, 1)
        head.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(3)
        self.subject = QLabel("", page)
        self.subject.setObjectName("campaignDetailSubject")
        self.from_line = QLabel("", page)
        self.audience = QLabel("", page)
        self.audience.setObjectName("campaignDetailRecipients")
        self.when = QLabel("", page)
        self.when.setObjectName("campaignDetailWhen")
        for row, (name, label) in enumerate(
            (
                (self.tr("Subject"), self.subject),
                (self.tr("From"), self.from_line),
                (self.tr("To"), self.audience),
                (self.tr("When"), self.when),
            )
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(_quiet(QLabel(name, page)), row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(label, row, 1)
        facts.setColumnStretch(1, 1)
        layout.addLayout(facts)

        self.problem = QFrame(page)
        self.problem.setObjectName("campaignProblem")
        self.problem.setFrameShape(QFrame.Shape.StyledPanel)
        problem_layout = QHBoxLayout(self.problem)
        problem_layout.setContentsMargins(12, 8, 8, 8)
        self.problem_text = QLabel("", self.problem)
        self.problem_text.setObjectName("campaignProblemText")
        self.problem_text.setWordWrap(True)
        self.problem_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_fix = QPushButton(self.tr("Fix…"), self.problem)
        self.problem_fix.setObjectName("campaignProblemFix")
        self.problem_retry = QPushButton(self.tr("Retry"), self.problem)
        self.problem_retry.setObjectName("campaignProblemRetry")
        self.problem_discard = QPushButton(self.tr("Discard"), self.problem)
        self.problem_discard.setObjectName("campaignProblemDiscard")
        problem_layout.addWidget(self.problem_text, 1)
        for button, signal in (
            (self.problem_fix, self.fixRequested),
            (self.problem_retry, self.retryRequested),
            (self.problem_discard, self.discardRequested),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _c=False, s=signal: s.emit(self.problem_op.id) if self.problem_op else None
            )
            problem_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.problem.hide()
        layout.addWidget(self.problem)

        self.waiting = _quiet(QLabel("", page))
        self.waiting.setObjectName("campaignWaiting")
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        layout.addWidget(self.waiting)

        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, RateTile] = {}
        for key, title in zip(
            RATE_KEYS,
            (
                self.tr("Delivery rate"),
                self.tr("Open rate"),
                self.tr("Click rate"),
                self.tr("Bounce rate"),
                self.tr("Unsubscribe rate"),
            ),
            strict=True,
        ):
            tile = RateTile(key, title, page)
            self.tiles[key] = tile
            tiles.addWidget(tile)
        self.tiles_box = QWidget(page)
        self.tiles_box.setLayout(tiles)
        tiles.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tiles_box)

        self.body_stack = QStackedWidget(page)
        self.chart = StatsChart(page)
        self.preview = EmailPreview(page)
        self.preview.setObjectName("campaignDetailPreview")
        self.preview.setAccessibleName(self.tr("The email as it will look"))
        self.preview.empty_text = self.tr("The body is not on this computer yet.")
        self.body_stack.addWidget(self.chart)
        self.body_stack.addWidget(self.preview)
        layout.addWidget(self.body_stack, 1)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.delete_button = QPushButton(self.tr("Delete draft…"), page)
        self.delete_button.setObjectName("campaignDelete")
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested))
        self.edit_button = QPushButton(self.tr("Edit…"), page)
        self.edit_button.setObjectName("campaignEdit")
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested))
        self.send_button = QPushButton(self.tr("Send now…"), page)
        self.send_button.setObjectName("campaignSendNow")
        self.send_button.clicked.connect(lambda: self._emit(self.sendRequested))
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.send_button)
        layout.addLayout(actions)
        return page

    def _emit(self, signal: SignalInstance) -> None:
        if self.row is not None:
            signal.emit(self.row.id)

    # ------------------------------------------------------------------ showing
    def show_nothing(self, *, has_campaigns: bool, filtered: bool = False) -> None:
        self.row = None
        self.problem_op = None
        if not has_campaigns and not filtered:
            self.empty_title.setText(self.tr("No campaigns yet"))
            self.empty_text.setText(
                self.tr(
                    "Write an email once, send it to your contact groups, and see here who "
                    "received, opened and clicked it."
                )
            )
            self.empty_new.show()
        elif filtered:
            self.empty_title.setText(self.tr("No campaign matches"))
            self.empty_text.setText(self.tr("Choose another status or clear the search."))
            self.empty_new.hide()
        else:
            self.empty_title.setText(self.tr("Select a campaign"))
            self.empty_text.setText(
                self.tr("Its statistics, or the email as it will look, show here.")
            )
            self.empty_new.hide()
        self.stack.setCurrentIndex(0)

    def show_campaign(
        self,
        row: CampaignRow,
        *,
        group_names: Sequence[str],
        body_html: str | None,
        custom_keys: Collection[str],
        problem: Operation | None,
        waiting: Operation | None,
    ) -> None:
        self.row = row
        self.stack.setCurrentIndex(1)
        self.title.setText(row.name)
        self._show_status(row.status)
        self.subject.setText(row.subject)
        sender = row.from_name or ""
        if row.from_email:
            sender = f"{sender} <{row.from_email}>" if sender else row.from_email
        self.from_line.setText(sender or "—")
        audience = count_text(row.recipients_count, "recipient")
        if group_names:
            audience = self.tr("{recipients} in {groups}").format(
                recipients=audience, groups=", ".join(group_names)
            )
        self.audience.setText(audience)
        when = timing(row)
        moment = row.schedule_at if row.status == "scheduled" else (row.sent_at or row.created_at)
        if row.status == "sending" and row.recipients_count:
            done = (row.delivered + row.bounced) / row.recipients_count
            when += "  ·  " + self.tr("{percent} processed").format(
                percent=QLocale().toString(round(done * 100)) + "%"
            )
        self.when.setText(when)
        if moment is not None:
            self.when.setToolTip(long_when(moment))

        self.problem_op = problem
        if problem is not None:
            why = problem.last_error or self.tr("The server refused it.")
            what = {
                "campaign.send": self.tr("Not sent"),
                "campaign.update": self.tr("The change was not saved"),
                "campaign.delete": self.tr("Not deleted"),
                "campaign.create": self.tr("Not created"),
            }.get(problem.kind, self.tr("Not done"))
            self.problem_text.setText(f"<b>{what}:</b> {html.escape(why)}")
            self.problem_fix.setVisible(problem.kind in ("campaign.update", "campaign.create"))
            self.problem.setStyleSheet(
                f"QFrame#campaignProblem {{ border: 1px solid {ERROR_RED}; border-radius: 6px; }}"
            )
            self.problem.show()
        else:
            self.problem.hide()
        if waiting is not None and problem is None:
            verb = {"campaign.send": "The send", "campaign.delete": "The deletion"}.get(
                waiting.kind, "This change"
            )
            self.waiting.setText(
                self.tr("◷  {verb} waits in the outbox and goes when the server answers.").format(
                    verb=verb
                )
            )
            self.waiting.show()
        else:
            self.waiting.hide()

        figures = has_figures(row)
        self.tiles_box.setVisible(figures)
        if figures:
            for key, rate in zip(RATE_KEYS, rates(row), strict=True):
                self.tiles[key].show_rate(
                    rate.percent(), rate.sentence(), loss=key in ("bounced", "unsubscribed")
                )
            self.chart.show_campaign(row)
            self.body_stack.setCurrentWidget(self.chart)
        else:
            self.preview.set_email(
                row.subject, body_html, contact=None, custom_keys=custom_keys, allow_remote=False
            )
            self.body_stack.setCurrentWidget(self.preview)

        editable = row.status in ("draft", "scheduled")
        self.edit_button.setVisible(editable)
        self.send_button.setVisible(editable or row.status == "paused")
        self.send_button.setText(
            self.tr("Resume sending…") if row.status == "paused" else self.tr("Send now…")
        )
        self.delete_button.setVisible(row.status == "draft")
        # A send or deletion on its way: nothing more to do with it until it lands.
        busy = waiting is not None and waiting.kind != "campaign.update"
        for button in (self.edit_button, self.send_button, self.delete_button):
            button.setEnabled(not busy)

    def _show_status(self, status: str) -> None:
        color = status_color(status, self.palette())
        fill = QColor(color)
        fill.setAlphaF(0.16)
        rgba = f"rgba({fill.red()}, {fill.green()}, {fill.blue()}, {fill.alphaF():.2f})"
        self.status.setText(status_title(status))
        self.status.setStyleSheet(
            f"QLabel {{ color: {color.name()}; background: {rgba}; border-radius: 9px;"
            " padding: 2px 10px; font-weight: 600; }"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        palette_changed = event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        )
        if palette_changed and self.row is not None:
            self._show_status(self.row.status)

    def figures_text(self) -> str:
        """The rate tiles as a line ("Delivery rate 98.3% …"), for tests and screen readers."""
        return " · ".join(
            f"{tile.title.text()} {tile.value.text()}" for tile in self.tiles.values()
        )


__all__ = ["CampaignDetail", "RateTile"]
