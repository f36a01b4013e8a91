"""Writing briefs (and the index of a pile's stories) to disk."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from newsweave.errors import InputError
from newsweave.model.brief import SCHEMA_VERSION, Brief
from newsweave.render.html import render_html
from newsweave.render.jsonfile import render_json
from newsweave.render.markdown import render_markdown

RENDERERS: dict[str, Callable[[Brief], str]] = {
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
}
INDEX_FILE = "index.json"


def write_brief(
    brief: Brief, out_dir: Path, formats: Sequence[str] = ("json", "md", "html")
) -> tuple[Path, ...]:
    """Return the paths of brief.<format> written into ``out_dir`` (created when missing)."""
    _check_formats(formats)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in dict.fromkeys(formats):
        path = out_dir / f"brief.{name}"
        path.write_text(RENDERERS[name](brief), encoding="utf-8")
        paths.append(path)
    return tuple(paths)


def _check_formats(formats: Sequence[str]) -> None:
    if isinstance(formats, str):
        raise InputError(
            f"formats takes a sequence of names such as ('json', 'md'), not the string {formats!r}"
        )
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        names = ", ".join(repr(f) for f in unknown)
        raise InputError(f"unknown brief format {names}: choose from {', '.join(RENDERERS)}")


def write_index(entries: Sequence[tuple[str, str, int, Path]], out_dir: Path) -> Path:
    """Return the path of index.json, which lists each story's id, title, report count and brief path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stories = [
        {"id": story_id, "title": title, "reports": reports, "path": _relative(Path(path), out_dir)}
        for story_id, title, reports, path in entries
    ]
    data = {"schema_version": SCHEMA_VERSION, "stories": stories}
    path = out_dir / INDEX_FILE
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _relative(path: Path, out_dir: Path) -> str:
    # Paths inside the output directory are written relative to it, so the directory can move.
    try:
        return path.resolve().relative_to(out_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
