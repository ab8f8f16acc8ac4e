"""The desktop integration files: validators, and that they agree with the package.

The launcher and the AppStream metainfo must pass ``desktop-file-validate`` and
``appstreamcli validate --no-net`` (Debian ``desktop-file-utils appstream``, installed by
``packaging/system-packages.sh test``), and name the same app id, command and version as
``console.APP_ID`` and ``pyproject.toml``.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import console

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{console.APP_ID}.desktop"
METAINFO = PACKAGING / f"{console.APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: bash packaging/system-packages.sh test)")
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # not even a hint


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    problems = [line for line in output.splitlines()
                if line.lstrip().startswith(("E:", "W:"))]
    assert problems == [], output


def test_installed_tree_passes_appstreamcli_validate_tree(tmp_path: Path) -> None:
    """The install script lays out share/ so that AppStream finds launcher and icons."""
    appstreamcli = tool("appstreamcli")
    if shutil.which("install") is None:
        pytest.skip("coreutils' install is not available")
    subprocess.run(["bash", str(PACKAGING / "install-desktop-files.sh"), "/usr"], check=True,
                   env={"DESTDIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
                   capture_output=True)
    share = tmp_path / "usr" / "share"
    assert (share / "applications" / DESKTOP.name).is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{console.APP_ID}.svg").is_file()
    for size in SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/{console.APP_ID}.png").is_file()
    result = subprocess.run([appstreamcli, "validate-tree", "--no-net", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_matches_the_package() -> None:
    entry = desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "posventa" and "posventa" in scripts
    assert entry["TryExec"] == "posventa"
    assert entry["Icon"] == console.APP_ID
    assert entry["StartupWMClass"] == "Posventa"  # = QApplication.applicationName (X11 class)
    assert entry["Name[es]"] and entry["Comment[es]"] and entry["Keywords[es]"]
    main = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
            "Network", "Office", "Science", "Settings", "System", "Utility"}
    categories = [c for c in entry["Categories"].split(";") if c]
    assert len(main.intersection(categories)) == 1, categories


def test_metainfo_matches_the_package() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == console.APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "posventa"
    assert root.findtext("project_license") == project()["license"]
    releases = root.findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == project()["version"]  # newest first
    summaries = {s.get(XML_LANG): s.text for s in root.findall("summary")}
    assert summaries.get(None) and summaries.get("es")
    assert {p.get(XML_LANG) for p in root.findall("description/p")} == {None, "es"}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_exist_at_every_size() -> None:
    assert (ICONS / f"{console.APP_ID}.svg").read_text("utf-8").lstrip().startswith("<?xml")
    for size in SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{console.APP_ID}.png"
        assert png_size(png) == (size, size)


def test_windows_and_macos_icons_hold_pngs() -> None:
    ico = (ICONS / f"{console.APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1) and count >= 5
    sides = []
    for n in range(count):
        side, _h, _c, _r, _p, _b, length, offset = struct.unpack_from("<BBBBHHII", ico,
                                                                      6 + 16 * n)
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        sides.append(side or 256)
    assert {16, 32, 48, 256} <= set(sides)

    icns = (ICONS / f"{console.APP_ID}.icns").read_bytes()
    magic, total = struct.unpack_from(">4sI", icns)
    assert magic == b"icns" and total == len(icns)
    kinds, at = set(), 8
    while at < total:
        kind, length = struct.unpack_from(">4sI", icns, at)
        assert icns[at + 8:at + 16] == b"\x89PNG\r\n\x1a\n", kind
        kinds.add(kind)
        at += length
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds


def test_rendered_icons_match_the_svg() -> None:
    """The committed PNG/ICO/ICNS files show what the SVG draws (render_icons.py --check)."""
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "render_icons.py"), "--check"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def _encoded(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_the_icon_check_forgives_rounding_but_not_a_stale_icon(qapp, monkeypatch) -> None:
    """Another machine's rasteriser may put a pixel a level or two apart; an icon drawn
    from an older SVG (another colour or shape) must still be caught."""
    from PySide6.QtGui import QColor, QImage

    monkeypatch.syspath_prepend(str(PACKAGING))
    import render_icons

    committed = (ICONS / "hicolor" / "32x32" / "apps" / f"{console.APP_ID}.png").read_bytes()
    image = QImage.fromData(committed).convertToFormat(QImage.Format.Format_ARGB32)
    assert render_icons.same_pixels(committed, _encoded(image))

    rounded = QImage(image)
    for x, y in ((3, 16), (16, 3), (28, 28)):  # anti-aliased edge pixels, one level off
        colour = rounded.pixelColor(x, y)
        colour.setRed(min(255, colour.red() + 1) if colour.red() < 255 else 254)
        rounded.setPixelColor(x, y, colour)
    assert render_icons.same_pixels(committed, _encoded(rounded))

    recoloured = QImage(image)  # the brand colour changed: every opaque pixel shifts
    for y in range(recoloured.height()):
        for x in range(recoloured.width()):
            colour = recoloured.pixelColor(x, y)
            if colour.alpha() > 200:
                recoloured.setPixelColor(x, y, QColor(max(0, colour.red() - 30),
                                                      colour.green(), colour.blue(),
                                                      colour.alpha()))
    assert not render_icons.same_pixels(committed, _encoded(recoloured))

    moved = QImage(image.size(), QImage.Format.Format_ARGB32)  # the drawing moved 2 pixels
    moved.fill(0)
    for y in range(image.height()):
        for x in range(image.width() - 2):
            moved.setPixelColor(x + 2, y, image.pixelColor(x, y))
    assert not render_icons.same_pixels(committed, _encoded(moved))

    smaller = image.scaled(24, 24)  # another size is another picture
    assert not render_icons.same_pixels(committed, _encoded(smaller))
