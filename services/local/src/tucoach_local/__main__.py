import sys

from tucoach_local.cli import main

sys.exit(main())
