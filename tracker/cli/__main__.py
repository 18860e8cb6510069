"""``python -m tracker.cli``: the same as ``dtrack``."""

import sys

from tracker.cli.main import main

sys.exit(main())
