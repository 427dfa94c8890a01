"""Regenerate the Word pictures of README.md and docs/word.md from the current output.

    python docs/images/make_word_images.py          # write the pictures and images.json
    python docs/images/make_word_images.py --check  # only say whether the pictures are current

Needs LibreOffice, poppler-utils and free CJK fonts (Debian: ``apt-get install -y
libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming``).

For each example it drafts the report offline as .docx (in-process, the same code as
``draft-report draft``), converts it to PDF with LibreOffice headless and cuts PNGs with
pdftoppm. ``fonts.conf`` maps the official faces, which are not free, to free look-alikes
(仿宋_GB2312 → AR PL UMing, 楷体_GB2312 → AR PL UKai, 黑体 → Noto Sans CJK,
方正小标宋简体 / 宋体 → Noto Serif CJK).

``images.json`` records a fingerprint of what the pictures show (the paragraphs on page 1, the
tables' XML, the styles and font table); ``tests/test_docs_images.py`` recomputes it without
LibreOffice, so a change to the output that leaves the pictures stale fails the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STAMP = HERE / "images.json"
DPI = 80
_BLOCK_FOOT = 842 - 35 * 72 / 25.4  # A4 height minus the 35 mm bottom margin, in PDF points


@dataclass(frozen=True)
class Picture:
    name: str  # PNG file name without .png
    example: str
    top: str | None = None  # crop from the line with this text (None: the whole page)
    bottom: str | None = None  # … to the line with this text (None: to the foot of the text block)
    page_of: str | None = None  # the page holding this text (default: page 1)


PICTURES = (
    Picture("word-page1", "xiaxian-2023"),
    Picture("word-table3", "xiaxian-2023", "三、收到和处理政府信息公开申请情况"),
    Picture("word-scjg-tables", "scjg-2024", page_of="第二十条第（一）项"),
    Picture("word-scjg-table3-continued", "scjg-2024", page_of="四、结转下年度继续办理"),
)


def _docx_parts(example: str) -> dict[str, bytes]:
    """The drafted example as .docx parts (in-process: the same code as ``draft-report draft``)."""
    import io
    import zipfile

    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.loading import load_dataset
    from draft_report.rendering.docx import build_docx

    doc = compose_document(load_dataset(ROOT / "examples" / example / "data.yaml"), OfflineDrafter())
    buffer = io.BytesIO()
    build_docx(doc).save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return {name: z.read(name) for name in z.namelist()}


def _paragraph_texts(document_xml: bytes) -> list[str]:
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(document_xml).find(f"{w}body")
    assert body is not None
    texts = []
    for p in body.findall(f"{w}p"):
        text = "".join(t.text or "" for t in p.iter(f"{w}t"))
        if text.strip():
            texts.append(text)
    return texts


def fingerprint(example: str, page1_paragraphs: int) -> str:
    """What the pictures of ``example`` show: the first paragraphs, the tables, styles and fonts."""
    parts = _docx_parts(example)
    document = parts["word/document.xml"].decode("utf-8")
    h = hashlib.sha256()
    for text in _paragraph_texts(parts["word/document.xml"])[:page1_paragraphs]:
        h.update(text.encode("utf-8") + b"\n")
    for table in re.findall(r"<w:tbl>.*?</w:tbl>", document, re.S):
        h.update(table.encode("utf-8"))
    for name in ("word/styles.xml", "word/fontTable.xml"):
        h.update(parts[name])
    return h.hexdigest()


def _run(cmd: list[str], **kwargs: object) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs).stdout  # type: ignore[call-overload]


def _to_pdf(example: str, out: Path) -> Path:
    docx = out / f"{example}.docx"
    parts = _docx_parts(example)
    import zipfile

    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    env = {**os.environ, "FONTCONFIG_FILE": str(HERE / "fonts.conf")}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("需要 LibreOffice（soffice）：apt-get install -y libreoffice-writer-nogui")
    _run(
        [soffice, f"-env:UserInstallation=file://{out}/lo", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(docx)],
        env=env,
    )
    return out / f"{example}.pdf"


def _pages(pdf: Path) -> list[str]:
    """Each page's words with their boxes (pdftotext -bbox)."""
    return re.findall(r"<page .*?</page>", _run(["pdftotext", "-bbox", str(pdf), "-"]), re.S)


def _page_text(pdf: Path, number: int) -> str:
    return re.sub(r"\s+", "", _run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"]))


def _page1_paragraphs(example: str, pdf: Path) -> int:
    """How many leading paragraphs start on page 1."""
    page1 = _page_text(pdf, 1)
    texts = _paragraph_texts(_docx_parts(example)["word/document.xml"])
    count = 0
    for text in texts:
        if re.sub(r"\s+", "", text)[:8] not in page1:
            break
        count += 1
    return count


def _word_box(page: str, text: str, edge: str) -> float | None:
    """yMin/yMax of the first word of ``text`` on ``page`` (pdftotext splits lines into words)."""
    first = re.escape(text[:6])
    found = re.search(rf'{edge}="([\d.]+)"[^>]*>{first}', page)
    return float(found.group(1)) if found else None


def _render(picture: Picture, pdf: Path) -> None:
    pages = _pages(pdf)
    number = 1
    if picture.page_of:
        number = next(i for i, page in enumerate(pages, 1) if _word_box(page, picture.page_of, "yMin") is not None)
    target = HERE / picture.name
    if picture.top is None:
        _run(["pdftoppm", "-r", str(DPI), "-f", str(number), "-l", str(number), "-png", "-singlefile",
              str(pdf), str(target)])
        return
    res = int(DPI * 1.5)  # a table picture is a little sharper than a page
    px = res / 72  # pixels per PDF point
    for number, page in enumerate(pages, 1):
        y0 = _word_box(page, picture.top, "yMin")
        y1 = _word_box(page, picture.bottom, "yMax") if picture.bottom else _BLOCK_FOOT
        if y0 is not None and y1 is not None:
            y0, y1 = y0 - 4, y1 + 8
            x0, x1 = 70.0, 526.0  # the 156 mm text block (28 mm from the left edge) plus a little
            _run(["pdftoppm", "-r", str(res), "-f", str(number), "-l", str(number), "-png", "-singlefile",
                  "-x", str(int(x0 * px)), "-y", str(int(y0 * px)), "-W", str(int((x1 - x0) * px)),
                  "-H", str(int((y1 - y0) * px)), str(pdf), str(target)])
            return
    raise SystemExit(f"{picture.name}：在 PDF 中找不到“{picture.top}”")


def load_stamp() -> dict[str, dict[str, object]]:
    return json.loads(STAMP.read_text(encoding="utf-8")) if STAMP.is_file() else {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="只检查图片是否与当前输出一致")
    args = parser.parse_args()
    if args.check:
        stale = [
            example
            for example, entry in load_stamp().items()
            if fingerprint(example, int(entry["page1_paragraphs"])) != entry["fingerprint"]  # type: ignore[call-overload]
        ]
        print("图片已过时：" + "、".join(stale) if stale else "图片与当前输出一致")
        return 1 if stale else 0
    stamp: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        pdfs: dict[str, Path] = {}
        for picture in PICTURES:
            if picture.example not in pdfs:
                pdfs[picture.example] = _to_pdf(picture.example, out)
                n = _page1_paragraphs(picture.example, pdfs[picture.example])
                stamp[picture.example] = {"page1_paragraphs": n, "fingerprint": fingerprint(picture.example, n)}
            _render(picture, pdfs[picture.example])
            print(f"{picture.name}.png", (HERE / f"{picture.name}.png").stat().st_size, "bytes")
    stamp_text = json.dumps(stamp, ensure_ascii=False, indent=2) + "\n"
    STAMP.write_text(stamp_text, encoding="utf-8")
    print(f"{STAMP.name} 已更新")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
