"""The frozen app's one entry point: the window, or the dtrack command line when started as ``dtrack``.

One program for both keeps the bundle to a single copy of the Python modules (and halves the
build). On Linux ``dtrack`` is a link to ``displacement-tracker``; on Windows it is a second,
console executable built from this same script. Either way only the window ever imports Qt.
"""
import multiprocessing
import os
import sys

# A large import reads its file in a second process; in a frozen app that process starts here.
multiprocessing.freeze_support()

if os.path.splitext(os.path.basename(sys.argv[0]))[0].lower() == "dtrack":
    from tracker.cli.main import main
else:
    from ui.app import main

sys.exit(main())
