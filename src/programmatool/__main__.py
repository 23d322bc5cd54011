"""``python -m programmatool``."""

import sys

from programmatool.entry import main

sys.exit(main())
