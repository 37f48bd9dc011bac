"""Write `docs/sources.md`: every source of the dataset, grouped by publisher.

    python -m data.report [docs/sources.md]

`tests/unit/test_real_data.py` checks that the committed file matches the data, so run this after
adding sources (`make docs`).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from data.loader import DATA_DIR, Dataset, load_dataset
from data.schema import SourceKind

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "sources.md"


def sources_markdown(dataset: Dataset) -> str:
    kinds = Counter(source.kind for source in dataset.sources.values())
    by_publisher: dict[str, list] = defaultdict(list)
    for source in dataset.sources.values():
        by_publisher[source.publisher].append(source)
    publishers = sorted(by_publisher, key=lambda p: (-len(by_publisher[p]), p.casefold()))
    lines = [
        "# Sources by publisher",
        "",
        "Generated from `data/sources.csv` by `python -m data.report`; do not edit by hand.",
        "",
        f"{len(dataset.sources)} sources from {len(publishers)} publishers. A publisher written "
        "“AFP via Site” is a site that republished a wire story (a relay); the map names the original "
        "first. By kind: "
        + ", ".join(f"{kind.value.replace('_', ' ')} {kinds[kind]}" for kind in SourceKind if kinds[kind])
        + ".",
        "",
    ]
    for publisher in publishers:
        items = sorted(by_publisher[publisher], key=lambda s: (s.published, s.id))
        lines.append(f"## {publisher} ({len(items)})")
        lines.append("")
        for s in items:
            title = s.title.replace("[", "\\[").replace("]", "\\]")
            what = s.kind.value.replace("_", " ")
            if s.original_publisher:
                what = f"copy of {s.original_publisher}"
            elif s.state:
                what = f"state media, {s.state}"
            lines.append(f"- `{s.id}` {s.published.isoformat()} — [{title}](<{s.url}>) ({what})")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.write_text(sources_markdown(load_dataset(DATA_DIR)), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
