"""`python -m microsite …` runs the same command as `microsite …`."""

import sys

from .cli import main

sys.exit(main())
