"""Entry point of the frozen Posventa build (PyInstaller runs this file as ``__main__``)."""

import sys

from console.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
