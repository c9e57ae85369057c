"""Every command of the window, declared once. The menus, the reading view's own keys and the shortcut sheet are
all built from `ACTIONS`, so a command cannot be in a menu without being in the sheet, or the other way round.

Other parts add their commands with `register(ActionSpec(...))` (and `register_menu` for a new menu) at import
time, before the window is built. `slot` is an attribute path from the main window ("open_file",
"view.next_turn", "search_bar.find_next"); it is resolved when the window builds its menus, so a typo fails at
start-up rather than when the user presses the key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import Any, Literal

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

Key = QKeySequence.StandardKey | str
SK = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str  # "view.collapse_all": menu key, then a name
    text: str  # menu text with its & accelerator
    menu: str  # a key of MENUS, or "key/Title" for a submenu
    slot: str  # attribute path from the main window
    shortcuts: tuple[Key, ...] = ()  # standard keys first, where Qt has one
    tip: str = ""
    checkable: bool = False
    group: str | None = None  # an exclusive group of checkable actions (the themes)
    argument: Any = None  # passed to the slot when not None
    scope: Literal["window", "view"] = "window"  # "view": only while the reading view has the focus
    separator: bool = False  # starts a new section of its menu


MENUS: list[tuple[str, str]] = [("file", "&File"), ("edit", "&Edit"), ("view", "&View"), ("go", "&Go"),
                                ("help", "&Help")]

ACTIONS: list[ActionSpec] = [
    ActionSpec("file.new_window", "&New Window", "file", "new_window", (SK.New,), "Another reading window"),
    ActionSpec("file.open", "&Open…", "file", "open_file_dialog", (SK.Open,), "Open a transcript file"),
    ActionSpec("file.open_sample", "Open the &Sample Interview", "file", "open_sample"),
    ActionSpec("file.export_notes", "&Export Notes…", "file", "annotation_actions.export_notes",
               tip="Write the bookmarks, highlights and notes to a file: text, Markdown, HTML, CSV or W3C JSON",
               separator=True),
    ActionSpec("file.import_notes", "&Import Notes…", "file", "annotation_actions.import_notes",
               tip="Add notes from a W3C Web Annotation JSON file (a colleague's, a backup)"),
    ActionSpec("file.quit", "&Quit", "file", "close", (SK.Quit, "Ctrl+Q"), separator=True),
    ActionSpec("edit.undo", "&Undo", "edit", "undo_stack.undo", (SK.Undo,)),
    ActionSpec("edit.redo", "&Redo", "edit", "undo_stack.redo", (SK.Redo, "Ctrl+Shift+Z")),
    ActionSpec("edit.copy", "&Copy", "edit", "view.copy", (SK.Copy,), "Copy the selected text, plain",
               separator=True),
    ActionSpec("edit.copy_citation", "Copy with C&itation", "edit", "annotation_actions.copy_with_citation",
               ("Ctrl+Shift+C",), "Copy the selected words as \u201cquote\u201d (Speaker, Title, Date)"),
    ActionSpec("edit.select_all", "Select &All", "edit", "view.selectAll", (SK.SelectAll,)),
    ActionSpec("view.collapse_all", "&Collapse All", "view", "view.collapse_all", ("Ctrl+[",),
               "Fold every exchange to its summary line"),
    ActionSpec("view.expand_all", "&Expand All", "view", "view.expand_all", ("Ctrl+]",)),
    ActionSpec("view.outline", "&Questions Only", "view", "view.set_outline", ("Ctrl+Shift+Q",),
               "Show only the questions, as an outline", checkable=True),
    ActionSpec("view.fold", "&Fold This Exchange", "view", "view.fold_current", ("Left",), scope="view"),
    ActionSpec("view.unfold", "&Unfold This Exchange", "view", "view.unfold_current", ("Right",), scope="view"),
    ActionSpec("view.zoom_in", "Zoom &In", "view", "view.zoom_in", ("Ctrl+=", SK.ZoomIn), separator=True),
    ActionSpec("view.zoom_out", "Zoom &Out", "view", "view.zoom_out", (SK.ZoomOut, "Ctrl+-")),
    ActionSpec("view.zoom_reset", "&Actual Size", "view", "view.zoom_reset", ("Ctrl+0",)),
    ActionSpec("view.font", "&Font…", "view", "choose_font"),
    ActionSpec("view.theme_system", "&System", "view/&Theme", "set_theme", checkable=True, group="theme",
               argument="system", tip="Follow the desktop's light or dark setting"),
    ActionSpec("view.theme_light", "&Light", "view/&Theme", "set_theme", checkable=True, group="theme",
               argument="light"),
    ActionSpec("view.theme_dark", "&Dark", "view/&Theme", "set_theme", checkable=True, group="theme",
               argument="dark"),
    ActionSpec("view.theme_sepia", "S&epia", "view/&Theme", "set_theme", checkable=True, group="theme",
               argument="sepia"),
    ActionSpec("go.next_turn", "&Next Turn", "go", "view.next_turn", ("J",)),
    ActionSpec("go.previous_turn", "&Previous Turn", "go", "view.previous_turn", ("K",)),
    ActionSpec("go.next_question", "Next &Question", "go", "view.next_question", ("N",), separator=True),
    ActionSpec("go.previous_question", "Previous Q&uestion", "go", "view.previous_question", ("P",)),
    ActionSpec("go.next_same_speaker", "Next Turn of the &Same Speaker", "go", "view.next_same_speaker",
               ("Alt+Down",), separator=True),
    ActionSpec("go.previous_same_speaker", "Previous Turn of the Same Spea&ker", "go",
               "view.previous_same_speaker", ("Alt+Up",)),
    ActionSpec("go.exchange", "&Go to Exchange…", "go", "go_to_exchange_dialog", ("Ctrl+G",), separator=True),
    ActionSpec("help.shortcuts", "&Keyboard Shortcuts", "help", "show_shortcuts", (SK.HelpContents, "Ctrl+/")),
    ActionSpec("help.about", "&About Transcript Reader", "help", "show_about"),
]


def register(*specs: ActionSpec) -> None:
    """Add commands (each id once); call before the window is built."""
    known = {spec.id for spec in ACTIONS}
    for spec in specs:
        if spec.id in known:
            raise ValueError(f"action {spec.id!r} is declared twice")
        known.add(spec.id)
        ACTIONS.append(spec)


def register_menu(key: str, title: str, before: str = "help") -> None:
    """Add a top-level menu (once), placed before the menu `before`."""
    if any(k == key for k, _ in MENUS):
        return
    keys = [k for k, _ in MENUS]
    MENUS.insert(keys.index(before) if before in keys else len(MENUS), (key, title))


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The shortcuts of an action, standard keys expanded to this platform's bindings, without repeats."""
    sequences: list[QKeySequence] = []
    for key in spec.shortcuts:
        for sequence in (QKeySequence.keyBindings(key) if isinstance(key, SK) else [QKeySequence(key)]):
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def _typeable(sequence: QKeySequence) -> bool:
    """False for the dedicated keys of media keyboards (Open, Copy, Zoom In...), which clutter the sheet."""
    return sequence[0].key().value < Qt.Key.Key_Back.value


def _resolve(root: QObject, path: str) -> Callable[..., Any]:
    return reduce(getattr, path.split("."), root)  # type: ignore[arg-type]


class ActionRegistry:
    """The QActions of one window, by id, and the menus built from the declarations."""

    def __init__(self, window: QWidget, view: QWidget) -> None:
        self.window = window
        self.view = view
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._groups: dict[str, QActionGroup] = {}

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def build(self, menubar: QMenuBar) -> None:
        for key, title in MENUS:
            self.menus[key] = menubar.addMenu(title)
        for spec in ACTIONS:
            self._add(spec)

    def _menu(self, path: str) -> QMenu:
        if path not in self.menus:
            parent, _, title = path.rpartition("/")
            self.menus[path] = self._menu(parent).addMenu(title)
        return self.menus[path]

    def _add(self, spec: ActionSpec) -> QAction:
        slot = _resolve(self.window, spec.slot)
        action = QAction(spec.text, self.window)
        action.setObjectName(spec.id)
        action.setShortcuts(key_sequences(spec))
        if spec.tip:
            action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        if spec.group:
            group = self._groups.setdefault(spec.group, QActionGroup(self.window))
            group.addAction(action)
        if spec.argument is not None:
            action.triggered.connect(lambda _checked=False, s=slot, a=spec.argument: s(a))
        elif spec.checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False, s=slot: s())
        if spec.scope == "view":
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        else:
            self.window.addAction(action)
        menu = self._menu(spec.menu)
        if spec.separator and menu.actions():
            menu.addSeparator()
        menu.addAction(action)
        self.actions[spec.id] = action
        return action

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) for every declared action, in menu order, for the shortcut sheet."""
        titles = dict(MENUS)
        rows = []
        for key, _ in MENUS:
            for spec in ACTIONS:
                if spec.menu.split("/")[0] != key:
                    continue
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(spec)
                                 if _typeable(s))
                where = "/".join([titles[key], *spec.menu.split("/")[1:]]).replace("&", "")
                rows.append((where, spec.text.replace("&", "").rstrip("…"), keys))
        return rows
