"""python -m benchmarks [area ...] [--quick]: run the benchmarks and print the table of figures."""
from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.harness import print_table  # noqa: E402


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    names = sorted(m.name[len("bench_"):] for m in pkgutil.iter_modules([str(here)])
                   if m.name.startswith("bench_"))
    unknown = [a for a in argv if a != "--quick" and a not in names]
    if unknown:   # --help, a mistyped area: say what there is rather than run everything
        print(f"{__doc__.strip()}\nareas: {', '.join(names)}",
              file=sys.stdout if unknown in (["-h"], ["--help"]) else sys.stderr)
        return 0 if unknown in (["-h"], ["--help"]) else 2
    from desktop.models import anchors
    from sync.anchor import sign_checkpoint

    anchors.use_signer(sign_checkpoint)   # as the program's start does (desktop.cli.main)
    quick = "--quick" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    results = []
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"benchmarks.bench_{name}")
        results.extend(module.run(quick=quick))
    print_table(results)
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
