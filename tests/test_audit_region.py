"""``audit`` over a region's folder: PDFs, Word, HTML, Markdown, a scan, a .doc and a damaged file;
one report in several formats audited once; files the tool wrote skipped; the HTML summary
parsed; CSV formula escaping; the output never an input; --previous-dir pairing; the pool."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest

from draft_report.audit.collect import collect
from draft_report.audit.render import escape_cell
from draft_report.audit.run import PreviousIndex, run_audit
from draft_report.cli import main
from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset
from draft_report.rendering.docx import write_docx
from draft_report.rendering.html import render_html
from draft_report.rendering.markdown import render_markdown
from pdf_support import write_scanned_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ex:
        main(argv)
    out, err = capsys.readouterr()
    return int(ex.value.code or 0), out, err


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("region") / "2024"
    (d / "县直部门").mkdir(parents=True)
    shutil.copy(FIXTURES / "real_pdfs" / "huaian-hongze_2023.pdf", d / "洪泽区2023.pdf")
    shutil.copy(FIXTURES / "real_pdfs" / "huaian_2024.pdf", d)
    shutil.copy(FIXTURES / "real_reports" / "huaian_2024.txt", d)  # the same report as text: not audited twice
    shutil.copy(FIXTURES / "seeds" / "xiaxian_2023.txt", d / "县直部门")
    drafted = compose_document(load_dataset(ROOT / "examples" / "scjg-2024" / "data.yaml"), OfflineDrafter())
    write_docx(drafted, d / "县直部门" / "市场监管局.docx")
    (d / "县直部门" / "市场监管局.md").write_text(render_markdown(drafted), encoding="utf-8")
    (d / "县直部门" / "市场监管局.html").write_text(render_html(drafted), encoding="utf-8")
    write_scanned_pdf(d / "扫描件.pdf")
    (d / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old Word")
    (d / "损坏.docx").write_bytes(b"PK\x03\x04 this zip is cut short")
    (d / "统计表.xlsx").write_bytes(b"PK\x03\x04")
    return d


@pytest.fixture(scope="module")
def summary(region: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "核查汇总.html"
    with pytest.raises(SystemExit) as ex:
        main(["audit", str(region), "-o", str(out), "--jobs", "1"])
    assert ex.value.code == 2  # three files cannot be read
    return out


def test_every_file_of_the_region_is_accounted_for(region: Path) -> None:
    found = collect([region])
    jobs = {j.path.name: sorted(p.name for p in j.also) for j in found.jobs}
    assert jobs == {
        "洪泽区2023.pdf": [], "huaian_2024.pdf": ["huaian_2024.txt"], "xiaxian_2023.txt": [],
        "市场监管局.docx": ["市场监管局.html", "市场监管局.md"], "扫描件.pdf": [], "损坏.docx": [],
    }
    assert [u.path.name for u in found.unreadable] == ["旧格式.doc"]
    assert "另存为 .docx 或 PDF" in found.unreadable[0].reason
    assert [s.path.name for s in found.skipped] == ["统计表.xlsx"]


def test_the_html_summary_has_one_row_per_report_with_counts_and_links(summary: Path) -> None:
    page = lxml.html.fromstring(summary.read_text(encoding="utf-8"))
    assert page.xpath("//meta[@name='generator']/@content") == ["draft-report audit"]
    rows = page.xpath("//table[@id='reports']/tbody/tr")
    by_file = {r.get("data-file"): r for r in rows}
    assert sorted(by_file) == ["huaian_2024.pdf", "xiaxian_2023.txt", "市场监管局.docx", "洪泽区2023.pdf"]
    hongze = by_file["洪泽区2023.pdf"]
    assert hongze.get("data-agency") == "洪泽区人民政府" and hongze.get("data-year") == "2023"
    assert int(hongze.get("data-errors")) == 2 and rows[0] is hongze  # the worst report comes first
    details = hongze.xpath(".//details")[0]
    assert "[table.identity.H4]" in details.xpath("string(summary)")
    assert any("原文：“" in li.text_content() and "10 1 0 0 0" in li.text_content() for li in details.xpath(".//li"))
    # the counts in the cards agree with the rows
    cards = {c.text.strip(): int(c.xpath("string(b)")) for c in page.xpath("//div[@class='card']")}
    assert cards["核查报告"] == 4 and cards["有错误"] == sum(int(r.get("data-errors")) > 0 for r in rows) == 1
    assert cards["无法读取"] == 3 == len(page.xpath("//ul[@id='unreadable']/li"))
    assert cards["跳过的文件"] == 1
    # every link leads to an existing file, relative to the page; nothing is loaded from elsewhere
    hrefs = page.xpath("//a/@href")
    assert len(hrefs) >= 4 + 3 + 3 + 1  # reports, their other formats, unreadable, skipped
    for href in hrefs:
        assert (summary.parent / unquote(href)).is_file(), href
    assert not page.xpath("//*[@src]") and not page.xpath("//link")
    assert "http://" not in summary.read_text(encoding="utf-8").replace('xmlns="http://www.w3.org/2000/svg"', "")
    # the chart counts findings by rule across the region
    chart = page.xpath("//svg")[0]
    assert "table.identity.H4" in chart.text_content()
    text = page.text_content()
    assert "扫描图像" in text and "另存为 .docx 或 PDF" in text and "损坏.docx" in text


def test_the_csv_and_json_are_written_beside_the_page(summary: Path) -> None:
    raw = summary.with_suffix(".csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(table) == 1 + 6 + 1  # header, six jobs, the .doc
    data = json.loads(summary.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["summary"]["checked"] == 4 and data["summary"]["unreadable"] == 3
    assert [(Path(x["path"]).name, x["reason"]) for x in data["skipped"]] == [("统计表.xlsx", "不是报告文件（.xlsx），未核查")]
    formats = {Path(r["path"]).name: sorted(Path(p).name for p in r["other_formats"]) for r in data["reports"]}
    assert formats["市场监管局.docx"] == ["市场监管局.html", "市场监管局.md"]


def test_a_new_audit_skips_the_summary_and_the_annotated_copy_it_wrote(region: Path, tmp_path: Path, capsys) -> None:
    d = tmp_path / "r"
    shutil.copytree(region / "县直部门", d)
    code, _, _ = run(["check", str(d / "市场监管局.docx"), "--annotate", str(d / "市场监管局（批注）.docx")], capsys)
    assert code in (0, 1)
    code, _, _ = run(["audit", str(d), "-o", str(d / "汇总.html")], capsys)
    assert code in (0, 1)
    code, _, _ = run(["audit", str(d), "-o", str(d / "汇总.txt")], capsys)
    assert code in (0, 1)
    code, out, _ = run(["audit", str(d), "-o", str(d / "汇总.html"), "--force"], capsys)
    page = lxml.html.fromstring((d / "汇总.html").read_text(encoding="utf-8"))
    assert sorted(page.xpath("//table[@id='reports']/tbody/tr/@data-file")) == ["xiaxian_2023.txt", "市场监管局.docx"]
    skipped = page.xpath("string(//ul[@id='skipped'])")
    assert "市场监管局（批注）.docx：本工具写出的带批注副本" in skipped
    assert "汇总.txt：本工具写出的核查汇总" in skipped
    assert "汇总.json" in skipped and "汇总.csv" in skipped  # other kinds of file, listed too


def test_the_output_can_never_be_an_input(tmp_path: Path, capsys) -> None:
    report = tmp_path / "a.md"
    shutil.copy(FIXTURES / "real_reports" / "huaian_2024.txt", report)
    before = report.read_bytes()
    code, _, err = run(["audit", str(report), "-o", str(report), "--force"], capsys)
    assert code == 2 and "不能覆盖原文件" in err and report.read_bytes() == before


def test_csv_cells_that_could_be_formulas_are_escaped(tmp_path: Path, capsys) -> None:
    assert [escape_cell(x) for x in ("=1+1", "+86", "-3", "@SUM(A1)", "正常", "")] == [
        "'=1+1", "'+86", "'-3", "'@SUM(A1)", "正常", ""]
    d = tmp_path / "=HYPERLINK(1)"
    d.mkdir()
    shutil.copy(FIXTURES / "real_reports" / "huaian_2024.txt", d / "=cmd.txt")
    code, out, _ = run(["audit", str(d / "=cmd.txt"), "--format", "csv"], capsys)
    cells = list(csv.reader(io.StringIO(out)))[1]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_previous_dir_pairs_each_report_with_the_same_agency_last_year(tmp_path: Path, capsys) -> None:
    this, last = tmp_path / "2024", tmp_path / "2023"
    this.mkdir()
    last.mkdir()
    shutil.copy(FIXTURES / "real_reports" / "huaian-hongze_2024.txt", this)  # 淮安市洪泽区人民政府
    shutil.copy(FIXTURES / "real_reports" / "huaian_2024.txt", this)
    shutil.copy(FIXTURES / "real_pdfs" / "huaian-hongze_2023.pdf", last)  # titled 洪泽区人民政府
    code, out, _ = run(["audit", str(this), "--previous-dir", str(last), "--format", "json"], capsys)
    reports = {Path(r["path"]).name: r for r in json.loads(out)["reports"]}
    hongze = reports["huaian-hongze_2024.txt"]
    assert Path(hongze["previous"]).name == "huaian-hongze_2023.pdf"
    assert hongze["summary"]["previous"] == hongze["previous"]
    assert "cross.rectification.X4" in hongze["summary"]["by_rule"]  # a cross-year rule ran
    assert reports["huaian_2024.txt"]["previous"] is None
    assert "没有“淮安市人民政府”的报告" in reports["huaian_2024.txt"]["previous_note"]


def test_agency_names_pair_only_with_a_place_before_them() -> None:
    from draft_report.audit.run import Identity

    index = PreviousIndex([Identity(Path("a"), "洪泽区人民政府", 2023), Identity(Path("b"), "山东县人民政府", 2023)])
    assert index.find("淮安市洪泽区人民政府", 2024) == (Path("a"), None)
    assert index.find("东县人民政府", 2024)[0] is None  # "山" is not a place level before the name
    assert index.find("洪泽区人民政府", 2025)[0] is None  # not the year before


def test_the_pool_gives_the_same_rows_as_one_process(tmp_path: Path) -> None:
    for i in range(10):
        shutil.copy(FIXTURES / "real_reports" / ("huaian_2024.txt" if i % 2 else "huaian-hongze_2023.txt"),
                    tmp_path / f"r{i:02}.txt")
    (tmp_path / "r99.txt").write_bytes(b"\x00\x01binary")
    jobs = collect([tmp_path]).jobs
    one = run_audit(jobs, workers=1)
    two = run_audit(jobs, workers=2)
    assert [(r.path, r.counts(), r.unreadable) for r in one] == [(r.path, r.counts(), r.unreadable) for r in two]
    assert sum(r.result is None for r in two) == 1 and len(two) == 11


def test_a_file_that_takes_too_long_is_listed_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import draft_report.audit.run as run_module
    import draft_report.commands.check_run as check_module

    real = check_module.read_report_file

    def slow_for_one(path: Path):  # noqa: ANN202
        if path.name == "慢.txt":
            time.sleep(30)
        return real(path)

    shutil.copy(FIXTURES / "real_reports" / "huaian_2024.txt", tmp_path / "慢.txt")
    shutil.copy(FIXTURES / "real_reports" / "huaian_2024.txt", tmp_path / "快.txt")
    monkeypatch.setattr(check_module, "read_report_file", slow_for_one)
    monkeypatch.setattr(run_module, "FILE_TIMEOUT", 0.5)
    start = time.monotonic()
    rows = {r.path.name: r for r in run_audit(collect([tmp_path]).jobs, workers=1)}
    assert time.monotonic() - start < 20
    assert rows["慢.txt"].result is None and "超过 0.5 秒" in (rows["慢.txt"].unreadable or "")
    assert rows["快.txt"].result is not None
