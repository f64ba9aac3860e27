"""`python -m desktop` == `isodesk`."""
import gc

# No cycle collection while the start imports its modules: the windows' start allocates a few
# hundred thousand objects that live as long as the program, and Python's collector would walk
# them some thirty times before the sign-in shows (≈ 20 ms of a start). The windows' collector
# (desktop/views/collector.py) takes over once Qt is up; a command turns it back on at once
# (cli.main).
gc.disable()

import desktop  # noqa: E402

desktop.collection_held = True   # (cli.main turns it back on for a command, and only then)

from desktop.cli import entry  # noqa: E402

raise SystemExit(entry())
