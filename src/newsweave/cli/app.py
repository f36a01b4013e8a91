"""The newsweave command: parse flags, call the public API, print a summary a person can read."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsweave import __version__
from newsweave.errors import NewsweaveError
from newsweave.model import Rejection
from newsweave.run import EXIT_NOTHING_USABLE, EXIT_USAGE, RunResult, build_briefs, write_outputs
from newsweave.run.timeline import (
    SummaryOptions,
    TimelineResult,
    build_timeline_file,
    write_timeline_outputs,
)
from newsweave.settings import Settings

EXIT_CODES_HELP = (
    "Exit codes: 0 all inputs used; 1 some inputs rejected (listed, the rest used); "
    "2 usage error; 3 nothing usable."
)
app = typer.Typer(
    name="newsweave",
    help="Turn a pile of news reports about one event into one sourced brief.\n\n" + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)
T = TypeVar("T")
FORMATS = ("json", "md", "html")
TIMELINE_FORMATS = ("json", "md", "html", "txt")
_SUMMARY_HELP = SummaryOptions.help_texts()
_CACHE_DIR_HELP = (
    "Folder of the analysis cache, reused by later runs. Default: .newsweave-cache beside the --out folder."
)
_NO_CACHE_HELP = "Analyse every report again; store nothing."
_SETTINGS_HELP = Settings.help_texts()

# The options both commands take, declared once.
ReportPaths = Annotated[
    list[Path], typer.Argument(help="Report files (.txt, .html, .jsonl) or folders of them.")
]
MaxBytes = Annotated[int, typer.Option(help=_SETTINGS_HELP["max_bytes"])]
MinWords = Annotated[int, typer.Option(help=_SETTINGS_HELP["min_words"])]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
CacheDir = Annotated[Path | None, typer.Option(help=_CACHE_DIR_HELP)]
NoCache = Annotated[bool, typer.Option("--no-cache", help=_NO_CACHE_HELP)]
Processes = Annotated[int, typer.Option(min=0, help=_SETTINGS_HELP["processes"])]
CacheMaxMb = Annotated[int, typer.Option(min=0, help=_SETTINGS_HELP["cache_max_mb"])]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsweave {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsweave: one sourced picture of a story from many reports."""


@app.command(epilog=EXIT_CODES_HELP)
def brief(
    paths: ReportPaths,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write brief.json, brief.md and brief.html into.")
    ],
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated formats to write: json, md, html.")
    ] = "json,md,html",
    max_bytes: MaxBytes = Settings().max_bytes,
    min_words: MinWords = Settings().min_words,
    quiet: Quiet = False,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    processes: Processes = Settings().processes,
    cache_max_mb: CacheMaxMb = Settings().cache_max_mb,
) -> None:
    """Write a sourced brief: timeline, who's who, figures, quotes, and where sources differ."""
    chosen = _formats(formats, FORMATS)
    settings = _settings(out, max_bytes, min_words, processes, cache_dir, no_cache, cache_max_mb)
    try:
        result = _with_progress(quiet, lambda report: build_briefs(paths, settings, report))
    except NewsweaveError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    written = write_outputs(result, out, chosen) if result.stories else ()
    if not quiet:
        _print_summary(result, written)
    raise typer.Exit(result.exit_code)


@app.command(epilog=EXIT_CODES_HELP)
def timeline(
    paths: ReportPaths,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write timeline.json, .md, .html and .txt into.")
    ],
    dates: Annotated[
        int, typer.Option("--dates", "-n", min=1, help=_SUMMARY_HELP["dates"])
    ] = SummaryOptions().dates,
    sentences: Annotated[
        int, typer.Option("--sentences", "-k", min=1, help=_SUMMARY_HELP["sentences"])
    ] = SummaryOptions().sentences,
    start: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help=_SUMMARY_HELP["start"])] = None,
    end: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help=_SUMMARY_HELP["end"])] = None,
    keywords: Annotated[
        str, typer.Option("--keywords", help=f"Comma-separated. {_SUMMARY_HELP['keywords']}")
    ] = "",
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated formats to write: json, md, html, txt.")
    ] = "json,md,html,txt",
    max_bytes: MaxBytes = Settings().max_bytes,
    min_words: MinWords = Settings().min_words,
    quiet: Quiet = False,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    processes: Processes = Settings().processes,
    cache_max_mb: CacheMaxMb = Settings().cache_max_mb,
) -> None:
    """Write a timeline: the days that matter, and for each the sentences that say what happened."""
    chosen = _formats(formats, TIMELINE_FORMATS)
    try:
        options = SummaryOptions(
            dates=dates,
            sentences=sentences,
            start=start.date() if start else None,
            end=end.date() if end else None,
            keywords=tuple(k.strip() for k in keywords.split(",") if k.strip()),
        )
    except ValueError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    settings = _settings(out, max_bytes, min_words, processes, cache_dir, no_cache, cache_max_mb)
    try:
        result = _with_progress(quiet, lambda report: build_timeline_file(paths, options, settings, report))
    except NewsweaveError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    written = write_timeline_outputs(result, out, chosen) if result.texts else ()
    if not quiet:
        _print_timeline_summary(result, written)
    raise typer.Exit(result.exit_code)


@app.command(epilog=EXIT_CODES_HELP)
def schema() -> None:
    """Print the JSON Schema that brief.json follows."""
    from newsweave.render import load_schema

    typer.echo(json.dumps(load_schema(), indent=2))


def _settings(
    out: Path,
    max_bytes: int,
    min_words: int,
    processes: int,
    cache_dir: Path | None,
    no_cache: bool,
    cache_max_mb: int,
) -> Settings:
    cache = "" if no_cache else str(cache_dir or out.resolve().parent / ".newsweave-cache")
    return Settings(
        max_bytes=max_bytes,
        min_words=min_words,
        processes=processes,
        cache_dir=cache,
        cache_max_mb=cache_max_mb,
    )


def _formats(text: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = tuple(f.strip() for f in text.split(",") if f.strip())
    unknown = [f for f in chosen if f not in allowed]
    if unknown or not chosen:
        console.print(
            f"[red]error:[/] unknown format {', '.join(unknown) or '(none)'};"
            f" choose from {', '.join(allowed)}"
        )
        raise typer.Exit(EXIT_USAGE)
    return chosen


def _with_progress(quiet: bool, run: Callable[[Callable[[str, int, int], None]], T]) -> T:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=quiet, transient=True) as progress:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        return run(report)


def _print_timeline_summary(result: TimelineResult, written: tuple[Path, ...]) -> None:
    _print_notes(result.notes)
    days = result.timeline.days
    span = f", {days[0].day} to {days[-1].day}" if days else ""
    console.print(
        f"[bold]{result.timeline.title}[/]: {len(days)} days from {len(result.texts)} reports{span}"
    )
    _print_rejections(result.rejections)
    if result.exit_code == EXIT_NOTHING_USABLE:
        console.print("[red]nothing usable:[/] no input could be read as a report")
    for path in written:
        console.print(f"wrote {path}")


def _print_rejections(rejections: tuple[Rejection, ...]) -> None:
    if rejections:
        table = Table(title=f"{len(rejections)} inputs rejected", title_justify="left")
        for column in ("path", "code", "reason"):
            table.add_column(column)
        for rejection in rejections:
            table.add_row(rejection.path, rejection.code, rejection.reason)
        console.print(table)


def _print_notes(notes: tuple[str, ...]) -> None:
    for note in notes:
        console.print(f"[yellow]warning:[/] {note}", highlight=False)


def _print_summary(result: RunResult, written: tuple[Path, ...]) -> None:
    _print_notes(result.notes)
    for story, brief_ in zip(result.stories, result.briefs, strict=True):
        console.print(
            f"[bold]{story.title}[/]: {len(story.reports)} reports"
            f" ({len(story.duplicates)} duplicates), {len(brief_.timeline)} timeline entries,"
            f" {len(brief_.entities)} actors, {len(brief_.figures)} figures, {len(brief_.quotes)} quotes,"
            f" {len(brief_.divergences)} divergences"
        )
    _print_rejections(result.rejections)
    if result.exit_code == EXIT_NOTHING_USABLE:
        console.print("[red]nothing usable:[/] no input could be read as a report")
    for path in written:
        console.print(f"wrote {path}")


def main() -> None:
    """Entry point of the console script."""
    app()
