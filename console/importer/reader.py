"""Reading a CSV file someone else wrote: its encoding, its delimiter, its rows with line numbers.

Spreadsheets on Windows write cp1252, Excel's "CSV UTF-8" starts with a byte-order mark,
and quoted cells may hold newlines, so a row's line number is where it starts in the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from console.i18n import translate

ENCODINGS = ("utf-8-sig", "utf-8", "cp1252", "latin-1")
DELIMITERS = ",;\t|"


class CsvProblem(ValueError):
    """The file cannot be read as CSV; the message says why in one sentence."""


@dataclass(frozen=True)
class CsvFile:
    """A decoded CSV file: its text, how it was read, and its header."""

    path: Path
    text: str
    encoding: str
    delimiter: str
    header: tuple[str, ...]

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(line number where the row starts, {column: value}) for every data row."""
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)
        next(reader, None)
        line = reader.line_num + 1
        for cells in reader:
            if any(c.strip() for c in cells):
                padded = cells + [""] * (len(self.header) - len(cells))
                yield line, dict(zip(self.header, padded, strict=False))
            line = reader.line_num + 1

    def preview(self, count: int = 5) -> list[dict[str, str]]:
        out = []
        for _line, row in self.rows():
            out.append(row)
            if len(out) >= count:
                break
        return out


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): the first of utf-8-sig, utf-8, cp1252, latin-1 that decodes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for encoding in ENCODINGS[1:]:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # never fails: every byte is a character


def sniff_delimiter(text: str) -> str:
    sample = text[:64 * 1024]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        return max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","


def open_csv(path: Path | str) -> CsvFile:
    """Read and decode a CSV file; raises CsvProblem when it cannot be used."""
    target = Path(path).expanduser()
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise CsvProblem(translate("CsvImport", "could not read {file}: {error}").format(
            file=target, error=exc.strerror or exc)) from None
    if b"\x00" in data[:4096]:
        raise CsvProblem(translate("CsvImport", "{file} is not a text CSV file (UTF-16 or "
                                   "binary); save it as CSV UTF-8").format(file=target))
    text, encoding = decode(data)
    if not text.strip():
        raise CsvProblem(translate("CsvImport", "{file} is empty").format(file=target))
    delimiter = sniff_delimiter(text)
    header_row = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    header = tuple(h.strip() or f"column {i + 1}" for i, h in enumerate(header_row))
    if len(set(header)) != len(header):
        seen: dict[str, int] = {}
        unique = []
        for h in header:
            seen[h] = seen.get(h, 0) + 1
            unique.append(h if seen[h] == 1 else f"{h} ({seen[h]})")
        header = tuple(unique)
    return CsvFile(target, text, encoding, delimiter, header)
