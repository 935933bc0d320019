"""The processes below a root (Linux /proc), for benchmarks that measure worker processes."""

from __future__ import annotations

from pathlib import Path


def tree_stats(root: int) -> dict[int, list[str]]:
    """The /proc stat fields after the command name, of `root` and every process below it.

    Field 1 is the parent pid, 11 and 12 user and system CPU ticks, 21 the RSS in pages.
    """
    stats: dict[int, list[str]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            stats[int(stat.parent.name)] = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
    mine, grown = {root}, True
    while grown:
        grown = False
        for pid, fields in stats.items():
            if int(fields[1]) in mine and pid not in mine:
                mine.add(pid)
                grown = True
    return {pid: stats[pid] for pid in mine if pid in stats}
