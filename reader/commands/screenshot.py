"""`transcript-reader screenshot [PATH] -o OUT.png`: the reading window rendered offscreen to a PNG.

For the README, bug reports and tests. Works without a display: when none is set, Qt's offscreen platform is used.
The window is made fresh (no saved theme, font, size or reading position) and, unless ``--data-dir`` is
given, with an empty notes folder that is thrown away after, so the same command gives the same picture on every
machine with the same fonts and never touches the user's notes.

The picture is taken as soon as the reading view is idle (its paints have formatted every block on screen: the
view's `text_shown`), and the command ends without waiting for the work the window does in the background: the
topics dock then says "Finding topics…" and the status bar gives the words in all. `--complete` waits for both,
as the README's picture does.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile

from reader.commands.common import CommandError, add_common, open_transcript
from reader.core import timings

THEMES = ("light", "dark", "sepia")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1200x800")
    width, height = int(match[1]), int(match[2])
    if not (200 <= width <= 8000 and 150 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{text}: width 200-8000 and height 150-8000 pixels")
    return width, height


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("screenshot", help="render the reading window to a PNG, without a display")
    add_common(p)
    p.add_argument("-o", "--output", required=True, help="the PNG file to write")
    p.add_argument("--size", type=_size, default=(1200, 800), metavar="WxH", help="window size (default 1200x800)")
    p.add_argument("--theme", choices=THEMES, default="light")
    p.add_argument("--collapse-all", action="store_true", help="fold every exchange")
    p.add_argument("--outline", action="store_true", help="questions only")
    p.add_argument("--exchange", metavar="LABEL", help="scroll to an exchange first (Q12)")
    p.add_argument("--search", metavar="TEXT", help="open the search bar on TEXT, every match highlighted")
    p.add_argument("--speaker", metavar="NAME", help="show only this speaker's turns (a name or part of one)")
    p.add_argument("--complete", action="store_true",
                   help="wait for the topics and the word count, found in the background, before the picture")
    from reader.cli import add_timings  # the same option as the window's

    add_timings(p)
    p.set_defaults(func=_cmd_screenshot)


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from reader.commands.output import OutputError, check_output, write_output
    from reader.core import paths

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    timings.mark("imports")  # those of the command line; the window's follow once the transcript is read
    transcript = open_transcript(args)
    try:  # never over the transcript or the notes; into a pipe or "-" as they are
        target = check_output(args.output, inputs=[transcript.path] if transcript.path else [],
                              stores=[paths.data_dir(args.data_dir)])
    except OutputError as exc:
        raise CommandError(str(exc)) from exc

    from reader.core.notes.store import AnnotationStore
    from reader.core.search import SearchError
    from reader.ui.actions import ActionId
    from reader.ui.app import application
    from reader.ui.main_window import MainWindow
    from reader.ui.startup import leave_memory_at_exit, sharing_the_lock, until, until_shown, watch_first_picture
    from reader.ui.topics_panel import FINDING

    timings.mark("imports")
    app = application()
    scratch = tempfile.TemporaryDirectory(prefix="transcript-reader-screenshot-")
    window = MainWindow(store=AnnotationStore(args.data_dir or scratch.name), restore=False)
    view = window.view
    shown = until_shown(view)
    watch_first_picture(view)
    try:
        window.appearance.set_theme(args.theme)
        window.session.open(transcript)
        window.resize(*args.size)
        window.show()  # painted once the options below are applied: no event is taken in before
        if args.exchange:
            labels = {e.label.casefold(): e.index for e in transcript.exchanges}
            if args.exchange.casefold() not in labels:
                raise CommandError(f"no exchange {args.exchange!r}; this transcript has "
                                   f"{transcript.exchanges[0].label} to {transcript.exchanges[-1].label}")
            view.go_to_exchange(labels[args.exchange.casefold()])
        if args.speaker:
            try:
                window.show_only_speaker(args.speaker)
            except SearchError as exc:
                raise CommandError(str(exc)) from exc
        if args.search:
            window.show_search(args.search)
        if args.collapse_all:
            view.collapse_all()
        if args.outline:
            window.registry[ActionId.OUTLINE].setChecked(True)
        timings.mark("window")
        with sharing_the_lock():  # the topics start once the text is on screen
            shown()  # the view formats what comes on screen in its first paint, then paints again
            if args.complete:  # the topics dock filled in, the words counted to the reading position
                until(lambda: window.topics_panel.status.text() != FINDING
                      and (view.vdoc is None or view.vdoc.words_counted))
                app.sendPostedEvents()  # the layouts those last texts asked for (the status bar's topic)
            image = window.grab().toImage()
        made = os.path.join(scratch.name, "screenshot.png")  # made aside, then written where it was asked
        if not image.save(made):  # the format from the suffix
            raise CommandError(f"{args.output}: cannot make the image")
        try:
            with open(made, "rb") as f:
                write_output(target, f.read())
        except OutputError as exc:
            raise CommandError(str(exc)) from exc
    finally:
        with sharing_the_lock():  # the topics may still be computing: nothing waits for them
            window.close()
            window.deleteLater()
            app.processEvents()
        scratch.cleanup()
        leave_memory_at_exit()
    print(f"{args.output}: {image.width()}x{image.height()}, {transcript.metadata.title or 'transcript'}",
          file=sys.stderr if target is None else sys.stdout)
    return 0

