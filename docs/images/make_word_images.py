"""Regenerate the Word pictures of docs/word.md (needs LibreOffice, poppler-utils and CJK fonts).

    python docs/images/make_word_images.py

Drafts examples/xiaxian-2023 as .docx, converts it to PDF with LibreOffice headless (fonts.conf
maps the official font names to free look-alikes: 仿宋_GB2312 → AR PL UMing, 黑体 → Noto Sans CJK,
楷体_GB2312 → AR PL UKai, 方正小标宋简体/宋体 → Noto Serif CJK), then writes page 1 and the page
region of 表三 as PNG.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DPI = 80


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "draft_report",
                "draft",
                str(ROOT / "examples/xiaxian-2023/data.yaml"),
                "-o",
                str(out / "draft"),
                "--format",
                "docx",
            ],
            check=True,
        )
        env = {**os.environ, "FONTCONFIG_FILE": str(HERE / "fonts.conf")}
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{out}/lo",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(out / "draft" / "report.docx"),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        pdf = out / "report.pdf"
        pages = re.findall(
            r"<page .*?</page>",
            subprocess.run(
                ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
            ).stdout,
            re.S,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(DPI),
                "-f",
                "1",
                "-l",
                "1",
                "-png",
                "-singlefile",
                str(pdf),
                str(HERE / "word-page1"),
            ],
            check=True,
        )
        res = int(DPI * 1.5)  # the table picture is a little sharper than the page
        px = res / 72  # pixels per PDF point
        for number, page in enumerate(pages, 1):
            top = re.search(r'yMin="([\d.]+)"[^>]*>三、收到和处理政府信息公开申请情况<', page)
            bottom = re.search(r'yMax="([\d.]+)"[^>]*>四、结转下年度继续办理<', page)
            if top and bottom:
                y0, y1 = float(top.group(1)) - 4, float(bottom.group(1)) + 8
                x0, x1 = 70.0, 526.0  # the 156 mm text block (28 mm from the left edge) plus a little
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        str(res),
                        "-f",
                        str(number),
                        "-l",
                        str(number),
                        "-png",
                        "-singlefile",
                        "-x",
                        str(int(x0 * px)),
                        "-y",
                        str(int(y0 * px)),
                        "-W",
                        str(int((x1 - x0) * px)),
                        "-H",
                        str(int((y1 - y0) * px)),
                        str(pdf),
                        str(HERE / "word-table3"),
                    ],
                    check=True,
                )
                break
    for name in ("word-page1.png", "word-table3.png"):
        print(name, (HERE / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
