"""``python -m bench NAME [options]`` runs bench/NAME.py's ``main(argv)``.

Each benchmark prints its figures beside a baseline measured in the same run.
"""

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> int:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if not m.name.startswith("_") and m.name != "common")
    if len(sys.argv) < 2 or sys.argv[1] not in names:
        print("usage: python -m bench {" + "|".join(names) + "} [options]", file=sys.stderr)
        return 2
    module = importlib.import_module(f"bench.{sys.argv[1]}")
    return module.main(sys.argv[2:]) or 0


if __name__ == "__main__":
    sys.exit(main())
