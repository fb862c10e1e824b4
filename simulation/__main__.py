"""`python -m simulation …`: see simulation.cli."""

import sys

from .cli import main

sys.exit(main())
