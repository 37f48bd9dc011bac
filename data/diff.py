"""What changed between two copies of the data folder: rows added, removed and changed, by id.

    python app.py diff-data OLD_DIR NEW_DIR

It reads the CSV files as text, not through the schema, so that a release can be compared with one
written under an older schema (a column added or dropped shows as a change of columns).
`docs/data-changes.md` keeps one dated entry per data release, written from this comparison.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

# The files compared, and the column that identifies a row in each.
KEYS: Mapping[str, str] = {
    "events.csv": "id",
    "partnerships.csv": "id",
    "bases.csv": "id",
    "sources.csv": "id",
    "partners.csv": "id",
    "story.csv": "step",
    "release.csv": "reviewed_up_to",
}
TITLES = ("title_en", "name_en", "name", "publisher", "caption_en")  # what names a row in a listing


@dataclass
class FileDiff:
    name: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # id -> the fields that changed
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # id -> how the row is named

    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)


def _read(path: Path, key: str) -> tuple[list[str], dict[str, dict[str, str]]]:
    if not path.is_file():
        return [], {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = {row[key]: row for row in reader if row.get(key)}
        return list(reader.fieldnames or []), rows


def _title(row: Mapping[str, str]) -> str:
    return next((row[name] for name in TITLES if row.get(name)), "")


def diff_file(old_dir: Path, new_dir: Path, name: str) -> FileDiff:
    key = KEYS[name]
    old_columns, old = _read(old_dir / name, key)
    new_columns, new = _read(new_dir / name, key)
    result = FileDiff(name)
    result.columns_added = [c for c in new_columns if c not in old_columns]
    result.columns_removed = [c for c in old_columns if c not in new_columns]
    shared = [c for c in new_columns if c in old_columns]
    result.added = [k for k in new if k not in old]
    result.removed = [k for k in old if k not in new]
    for k, row in new.items():
        if k in old:
            fields = [c for c in shared if (old[k].get(c) or "") != (row.get(c) or "")]
            if fields:
                result.changed[k] = fields
    result.titles = {k: _title(row) for k, row in {**old, **new}.items()}
    return result


def diff_data(old_dir: Path, new_dir: Path) -> list[FileDiff]:
    return [diff_file(old_dir, new_dir, name) for name in KEYS]


def diff_text(diffs: list[FileDiff]) -> str:
    """The comparison as text: a line per file, then `+ id`, `- id` and `~ id: fields` lines."""
    lines: list[str] = []
    for d in diffs:
        lines.append(f"{d.name}: {len(d.added)} added, {len(d.removed)} removed, {len(d.changed)} changed")
        if d.columns_added:
            lines.append(f"  columns added: {', '.join(d.columns_added)}")
        if d.columns_removed:
            lines.append(f"  columns removed: {', '.join(d.columns_removed)}")
        lines += [f"  + {k}  {d.titles.get(k, '')}".rstrip() for k in d.added]
        lines += [f"  - {k}  {d.titles.get(k, '')}".rstrip() for k in d.removed]
        lines += [f"  ~ {k}: {', '.join(fields)}" for k, fields in d.changed.items()]
    return "\n".join(lines) + "\n"
