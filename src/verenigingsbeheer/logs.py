"""The log file in the user's log folder, shared by the window and the command line.

Messages go to the file only, never to the terminal: users see Dutch explanations,
helpers read the details here.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from verenigingsbeheer.paths import Paths

LOGGER = "verenigingsbeheer"


def configure_logging(paths: Paths) -> None:
    paths.ensure()
    root = logging.getLogger(LOGGER)
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(paths.log_file):
            return
        if isinstance(handler, RotatingFileHandler):  # one log file per process
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(
        paths.log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
