"""Score the extractor on the project's own gold corpus (every folder of tests/gold:
``tune`` and the held-out ``check`` sets) and on the shared development set, in one run.

The article texts are third-party and never in the repository: save them (as each gold
file's ``retrieve`` block says) under one folder, by their ``source.file`` names, and
pass it with ``--texts``. Each split is scored in a temporary folder holding its gold
files and the texts found for them; a gold whose text is missing is reported as skipped.

    python scripts/eval_gold.py --texts ~/kotamitra-texts [--shared ../shared] [-v] [--only tune]

``-v`` lists what each tune and dev document misses; the check halves are held out, so
only their scores are ever printed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.pipeline.evaluate import evaluate_dir, report  # noqa: E402


def score(golds: list[Path], texts: list[Path], verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        for gold in golds:
            shutil.copy(gold, tmp)
            name = (yaml.safe_load(gold.read_text(encoding="utf-8")) or {})["source"]["file"]
            found = next((d / name for d in texts if (d / name).is_file()), None)
            if found is not None:
                shutil.copy(found, tmp)
        return report(evaluate_dir(Path(tmp)), verbose)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, required=True, help="folder of the saved texts")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="per-document scores and misses of tune and dev (never of check, held out)",
    )
    parser.add_argument("--only", help="score one split (a folder of tests/gold, or dev)")
    args = parser.parse_args()
    texts = [p for p in [args.texts, *args.texts.rglob("*")] if p.is_dir()]
    folders = sorted(p for p in (ROOT / "tests" / "gold").iterdir() if p.is_dir())
    # tune first, then the held-out sets in the order they were made
    folders.sort(key=lambda p: (p.name != "tune", p.name))
    splits = {p.name: sorted(p.glob("*.gold.yaml")) for p in folders}
    dev = [*(args.shared / "eval" / "dev").glob("*.gold.yaml")]
    dev += sorted((args.shared / "eval" / "dev-pages").glob("*.gold.yaml"))
    if dev:
        splits["dev (shared)"] = dev
        texts.append(args.shared / "eval" / "dev")
    for name, golds in splits.items():
        if args.only and name.split()[0] != args.only:
            continue
        if not golds:
            continue
        # the check halves stay held out: their score is printed, never what they miss
        verbose = args.verbose and not name.startswith("check")
        out = score(golds, texts, verbose)
        print(f"== {name}: {len(golds)} gold files")
        print(out if verbose else out.splitlines()[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
