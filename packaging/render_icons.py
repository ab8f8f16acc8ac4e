"""Render Posventa's application icon from its SVG into every file the packages need.

    python packaging/render_icons.py          # rewrite the PNGs, .ico and .icns
    python packaging/render_icons.py --check  # exit 1 if a committed file shows otherwise

The source is ``resources/icons/org.posventa.Posventa.svg``. Qt's SVG renderer draws it
at each size into ``resources/icons/hicolor/<n>x<n>/apps/org.posventa.Posventa.png`` (the
freedesktop icon theme layout, so the folder can be copied to ``share/icons/hicolor``).
The Windows ``.ico`` and the macOS ``.icns`` are written here too: both formats may hold
PNG images directly, so no imaging library (Pillow) is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.posventa.Posventa"
ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / f"{APP_ID}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns element types that hold PNG data, by pixel size (the @2x types reuse a size).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)


def png_path(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon drawn at `size` x `size` pixels, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file whose entries are PNG images (Windows Vista and later)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file whose elements are PNG images (OS X 10.7 and later)."""
    body = b"".join(struct.pack(">4sI", kind, 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """The (size, PNG bytes) entries of an .ico file written by `ico`."""
    _reserved, kind, count = struct.unpack_from("<HHH", data)
    if kind != 1:
        raise ValueError("not an icon file")
    entries = []
    for n in range(count):
        side, _h, _c, _r, _p, _b, length, offset = struct.unpack_from("<BBBBHHII", data,
                                                                      6 + 16 * n)
        entries.append((side or 256, data[offset:offset + length]))
    return entries


def read_icns(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (element type, PNG bytes) elements of an .icns file."""
    magic, total = struct.unpack_from(">4sI", data)
    if magic != b"icns" or total != len(data):
        raise ValueError("not an icns file")
    elements, at = [], 8
    while at < total:
        kind, length = struct.unpack_from(">4sI", data, at)
        elements.append((kind, data[at + 8:at + length]))
        at += length
    return elements


# Another machine's rasteriser (FreeType, pixman, Qt build) may put an anti-aliased edge
# pixel one or two levels apart; a stale icon (another colour, shape or size) differs by
# tens of levels over many pixels.
MAX_LEVEL_DIFFERENCE = 4  # of 255, in any channel of any pixel
MAX_CHANGED_SHARE = 0.02  # of the pixels, changed at all


def pixel_difference(a: bytes, b: bytes) -> tuple[int, float] | None:
    """(largest channel difference, share of pixels that differ) between two encoded
    images, or None when they cannot be compared (unreadable, or another size)."""
    first, second = QImage.fromData(a), QImage.fromData(b)
    if first.isNull() or second.isNull() or first.size() != second.size():
        return None
    first = first.convertToFormat(QImage.Format.Format_ARGB32)
    second = second.convertToFormat(QImage.Format.Format_ARGB32)
    one, two = bytes(first.constBits()), bytes(second.constBits())
    if one == two:
        return 0, 0.0
    largest, changed = 0, 0
    for at in range(0, len(one), 4):
        pixel = max(abs(x - y) for x, y in zip(one[at:at + 4], two[at:at + 4], strict=True))
        if pixel:
            changed += 1
            largest = max(largest, pixel)
    return largest, changed / (first.width() * first.height())


def same_pixels(a: bytes, b: bytes) -> bool:
    """Whether two encoded images show the same picture (PNG bytes may differ with the zlib
    in use; pixels may differ by a rasteriser's rounding, within the tolerance above)."""
    difference = pixel_difference(a, b)
    if difference is None:
        return False
    largest, share = difference
    return largest <= MAX_LEVEL_DIFFERENCE and share <= MAX_CHANGED_SHARE


def up_to_date(path: Path, data: bytes) -> bool:
    """Whether the file at `path` shows what `data` shows."""
    if not path.exists():
        return False
    old = path.read_bytes()
    if old == data:
        return True
    try:
        if path.suffix == ".ico":
            pairs = list(zip(read_ico(old), read_ico(data), strict=True))
        elif path.suffix == ".icns":
            pairs = list(zip(read_icns(old), read_icns(data), strict=True))
        else:
            return same_pixels(old, data)
    except (ValueError, struct.error):
        return False
    return all(x[0] == y[0] and same_pixels(x[1], y[1]) for x, y in pairs)


def outputs() -> dict[Path, bytes]:
    """Every file rendered from the SVG, by path."""
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SOURCE} is not a valid SVG")
    pngs = {size: render(renderer, size) for size in {*SIZES, *(s for _, s in ICNS_TYPES)}}
    files = {png_path(size): pngs[size] for size in SIZES}
    files[ICONS / f"{APP_ID}.ico"] = ico(pngs)
    files[ICONS / f"{APP_ID}.icns"] = icns(pngs)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only report files that differ from a fresh rendering")
    args = parser.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    stale = []
    for path, data in outputs().items():
        if up_to_date(path, data):
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for path in stale:
        verb = "out of date" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(ROOT)}")
    if not stale:
        print("icons up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
