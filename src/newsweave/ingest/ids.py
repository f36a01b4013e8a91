"""Making report ids unique across one pile of inputs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from newsweave.model import Report


def make_ids_unique(reports: Iterable[Report]) -> list[Report]:
    """Return the reports with each repeated id suffixed ``~2``, ``~3``, … in input order.

    The first report keeps its id, so adding inputs later in the order never renames earlier ones.
    """
    used: set[str] = set()
    unique: list[Report] = []
    for report in reports:
        new_id, n = report.id, 2
        while new_id in used:
            new_id, n = f"{report.id}~{n}", n + 1
        used.add(new_id)
        if new_id != report.id:
            note = f"id {report.id!r} was taken by an earlier input; renamed {new_id!r}"
            report = replace(report, id=new_id, notes=(*report.notes, note))
        unique.append(report)
    return unique
