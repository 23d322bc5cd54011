"""``python -m programmatool``."""

import sys

from .cli import main

sys.exit(main())
