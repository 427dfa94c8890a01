"""Regenerate the picture of the data workbook's 表三 sheet shown in README.md.

    python docs/images/make_workbook_image.py

Needs LibreOffice Calc and poppler-utils (Debian: ``apt-get install -y libreoffice-calc
poppler-utils fonts-noto-cjk``). The example ``scjg-2024`` is loaded as ``draft`` loads it (表三
from its register), written as ``data.xlsx`` by the same code as ``draft-report convert``, the
other sheets removed, converted to PDF by LibreOffice headless and cut to PNG with pdftoppm.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TARGET = HERE / "workbook-table3.png"
DPI = 170


def build(folder: Path) -> Path:
    from draft_report.loading import load_dataset
    from draft_report.loading.dump import data_to_raw
    from draft_report.workbook.write import build_workbook

    dataset = load_dataset(ROOT / "examples" / "scjg-2024" / "data.yaml")
    raw = data_to_raw(dataset.data)
    raw.pop("logs", None)  # show the table as typed in, not as "from the register"
    wb = build_workbook(raw)
    for name in list(wb.sheetnames):
        if name != "表三":
            del wb[name]
    path = folder / "表三.xlsx"
    wb.save(path)
    return path


def _text_box(pdf: Path, margin: float = 12) -> tuple[float, float, float, float]:
    """The bounding box of the words on page 1 (PDF points), widened by ``margin`` for the rules."""
    import re

    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    boxes = [tuple(float(v) for v in m) for m in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
    words = boxes[1:] if boxes and boxes[0][0] == 0 else boxes  # the first box may be the page
    return (
        min(b[0] for b in words) - margin,
        min(b[1] for b in words) - margin,
        max(b[2] for b in words) + 3 * margin,  # the 总计 column is wider than its numbers
        max(b[3] for b in words) + margin,
    )


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("需要 LibreOffice（soffice）和 pdftoppm", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = build(folder)
        env = dict(os.environ, HOME=str(folder))
        fonts = HERE / "fonts.conf"
        if fonts.exists():
            env["FONTCONFIG_FILE"] = str(fonts)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(book)],
            check=True,
            env=env,
            capture_output=True,
            timeout=180,
        )
        pdf = book.with_suffix(".pdf")
        x0, y0, x1, y1 = _text_box(pdf)
        scale = DPI / 72
        box = [
            "-x", str(int(x0 * scale)), "-y", str(int(y0 * scale)),
            "-W", str(int((x1 - x0) * scale)), "-H", str(int((y1 - y0) * scale)),
        ]
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", *box, str(pdf), str(folder / "page")],
            check=True,
            timeout=60,
        )
        shutil.copyfile(folder / "page.png", TARGET)
    print(f"已写入 {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
