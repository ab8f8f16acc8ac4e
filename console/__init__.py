"""Posventa: a desktop console for proactive social customer care."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("posventa")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+src"

APP_ID = "org.posventa.Posventa"
