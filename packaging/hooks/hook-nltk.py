"""PyInstaller hook for nltk used by packaging/posventa.spec instead of the contrib one.

The contrib hook copies every ``nltk_data`` folder on the build machine into the build.
Posventa needs none (its VADER lexicon comes from vaderSentiment, the Snowball stemmers
are code), so only nltk's own data files (its VERSION file) are collected.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("nltk", include_py_files=False)
