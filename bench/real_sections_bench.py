"""Real-world sections bench: title, preface, headings, section 五 and section 六 as real reports write them.

    python bench/real_sections_bench.py                 # the committed cases (bench/real_sections_data.py)
    python bench/real_sections_bench.py --raw FILE.py   # cases of raw excerpts kept outside the repo
    python bench/real_sections_bench.py -v              # every scored finding, case by case

Each case gives some parts of a report the way a real one writes them (the title, the preface, a heading,
section 五 or 六, a stray sentence of section 一, an old-format 表二 …); every other part comes from one
consistent skeleton (tables from tests/fixtures' shuyang-derived base, plain wording, the case's year), so
what the checker says about the case is about those parts. ``expect`` is the ground truth: the rule ids a
careful supervisor would raise on the parts given (real defects), each with the highest severity it
deserves; nothing else should be raised. Scored are the rules of the structure / staleness / fee /
cross-year / deadline areas; findings of other areas are counted apart (the skeleton itself raises none).

Figures per split (tuning / held-out): false errors (an error not expected, or an expected defect raised
as error where the ground truth says warning), false warnings, defects caught / missed, headings
recognised (the case's own headings read as the section they are), crashes.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from draft_report.checking import check_document  # noqa: E402
from draft_report.reading import read_text  # noqa: E402

SCORED = ("structure.", "stale.", "fee.", "cross.", "deadline.")
KEYS = ("overview", "proactive", "requests", "review_litigation", "problems", "other")
STANDARD = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
_BASE = ROOT / "tests/fixtures/variants/base_2023.txt"


def _base_block(start: str, end: str) -> str:
    lines = _BASE.read_text(encoding="utf-8").splitlines()
    a = next(i for i, t in enumerate(lines) if t.startswith(start))
    b = next(i for i, t in enumerate(lines) if i > a and t.startswith(end))
    return "\n".join(lines[a + 1 : b]).strip()


TABLE2 = _base_block("二、", "三、").replace("\n规范性文件\t", "\n行政规范性文件\t")
TABLE2_2019 = "\n".join([
    "第二十条第（一）项", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量", "规章\t0\t0\t0",
    "规范性文件\t8\t0\t18", "第二十条第（五）项", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政许可\t6\t减4\t2", "其他对外管理服务事项\t0\t0\t0", "第二十条第（六）项",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量", "行政处罚\t2\t0\t2", "行政强制\t0\t0\t0",
    "第二十条第（八）项", "信息内容\t上一年项目数量\t本年增/减", "行政事业性收费\t0\t0",
    "第二十条第（九）项", "信息内容\t采购项目数量\t采购总金额", "政府集中采购\t6\t52.15",
])
TABLE3 = _base_block("三、收到", "四、政府信息公开行政复议")
TABLE4 = _base_block("四、政府信息公开行政复议", "五、")


def skeleton(year: int, agency: str) -> dict[str, str]:
    """The consistent parts of a report for ``year`` (a case overrides some of them)."""
    y = year
    return {
        "title": f"{agency}{y}年政府信息公开工作年度报告",
        "preface": (f"本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
                    f"编制。本报告所列数据的统计期限为{y}年1月1日至{y}年12月31日。"),
        "overview": "\n".join([
            "（一）主动公开情况", "坚持以公开为常态、不公开为例外，及时发布政策文件和工作动态。",
            "（二）依申请公开情况", "规范办理流程，按时答复申请人。",
            "（三）政府信息管理情况", "严格执行信息发布审核制度，动态更新公开内容。",
            "（四）政府信息公开平台建设情况", "做好门户网站政府信息公开专栏的维护和更新。",
            "（五）监督保障情况", "将政务公开工作纳入年度绩效考核，接受社会监督和评议。",
        ]),
        "overview_extra": "",
        "table2": TABLE2,
        "table3": TABLE3,
        "table4": TABLE4,
        "problems": ("存在的主要问题：信息公开的及时性有待提高，政策解读形式较为单一。"
                     "上年度报告所列问题已完成整改。下一步将加强业务培训，丰富解读形式，提升公开质量。"),
        "other": f"{y}年度本机关未收取信息处理费。",
        "signature": agency,
        "date": f"{y + 1}年1月20日",
    }


def compose(case: dict[str, Any]) -> str:
    """The report text of ``case``: the skeleton with the case's parts in their place."""
    parts = skeleton(case["year"], case.get("agency", "某县某某局"))
    parts.update({k: v for k, v in case.items() if k in parts})
    headings = dict(STANDARD)
    headings.update(case.get("headings", {}))
    out = [parts["title"], "", parts["preface"], ""] if parts["preface"] else [parts["title"], ""]
    body = {
        "overview": parts["overview"] + ("\n" + parts["overview_extra"] if parts["overview_extra"] else ""),
        "proactive": parts["table2"], "requests": parts["table3"], "review_litigation": parts["table4"],
        "problems": parts["problems"], "other": parts["other"],
    }
    if case.get("inline_overview"):  # the heading and all of section 一 on one line
        body["overview"] = " ".join(body["overview"].split("\n"))
    order = case.get("order", KEYS)
    for key in order:
        head = headings.get(key)
        if head is None:  # the case leaves this heading out
            out += [body[key], ""]
        elif (case.get("inline_overview") and key == "overview") or key in case.get("glued", ()):
            # the heading and the section's first line on one line, as some portals print them
            out += [f"{head}{'' if key in case.get('glued', ()) else ' '}{body[key]}", ""]
        else:
            out += [head, body[key], ""]
    out += [parts["signature"], parts["date"]]
    return "\n".join(out) + "\n"


def _scored(rule: str) -> bool:
    return rule.startswith(SCORED)


def run_case(case: dict[str, Any]) -> dict[str, Any]:
    text = compose(case)
    out: dict[str, Any] = {"id": case["id"], "split": case.get("split", "tuning")}
    try:
        doc = read_text(text, source=case["id"])
        result = check_document(doc)
    except Exception as exc:  # a crash is a figure, not an abort
        out["crash"] = f"{type(exc).__name__}: {exc}"
        return out
    expect: dict[str, str] = dict(case.get("expect", {}))
    caught: set[str] = set()
    false_errors: list[str] = []
    false_warnings: list[str] = []
    other = 0
    for f in result.findings:
        if not _scored(f.rule):
            other += f.severity != "info"
            continue
        if f.severity == "info":
            continue
        line = f"{f.severity} {f.rule}: {f.message}"
        if f.rule in expect:
            caught.add(f.rule)
            if f.severity == "error" and expect[f.rule] != "error":
                false_errors.append("(too severe) " + line)
        elif f.severity == "error":
            false_errors.append(line)
        else:
            false_warnings.append(line)
    given = {k: h for k, h in case.get("headings", {}).items() if h is not None}
    found = {s.key: s.heading.strip() for s in doc.sections if s.key}
    recognised = [k for k, h in given.items() if found.get(k) == h.strip().split(" ")[0] or found.get(k) == h.strip()]
    out.update(false_errors=false_errors, false_warnings=false_warnings, caught=sorted(caught),
               missed=sorted(set(expect) - caught), other_area=other,
               headings=(len(recognised), len(given)), unrecognised=sorted(set(given) - set(recognised)))
    return out


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    s: Counter[str] = Counter()
    for r in rows:
        s["cases"] += 1
        if "crash" in r:
            s["crashes"] += 1
            continue
        s["false_errors"] += len(r["false_errors"])
        s["false_warnings"] += len(r["false_warnings"])
        s["caught"] += len(r["caught"])
        s["missed"] += len(r["missed"])
        s["headings_ok"] += r["headings"][0]
        s["headings"] += r["headings"][1]
        s["other_area"] += r["other_area"]
    return dict(s)


def load_cases(raw: str | None) -> list[dict[str, Any]]:
    if raw is None:
        from real_sections_data import CASES  # type: ignore[import-not-found]

        return list(CASES)
    spec = importlib.util.spec_from_file_location("raw_cases", raw)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return list(mod.CASES)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", help="a Python file defining CASES (raw excerpts, outside the repo)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--split", choices=("tuning", "heldout"), help="show details of this split only (-v)")
    args = ap.parse_args()
    rows = [run_case(c) for c in load_cases(args.raw)]
    if args.verbose:
        for r in rows:
            if args.split and r["split"] != args.split:
                continue
            if "crash" in r:
                print(f"[{r['split']}] {r['id']}: CRASH {r['crash']}")
                continue
            bad = r["false_errors"] or r["false_warnings"] or r["missed"] or r["unrecognised"]
            print(f"[{r['split']}] {r['id']}: caught {r['caught']} missed {r['missed']} "
                  f"headings {r['headings'][0]}/{r['headings'][1]}" + ("" if bad else "  ok"))
            for line in r["false_errors"]:
                print("    FALSE ERROR", line)
            for line in r["false_warnings"]:
                print("    false warning", line)
            if r["unrecognised"]:
                print("    headings not recognised:", r["unrecognised"])
    for split in ("tuning", "heldout"):
        s = summary([r for r in rows if r["split"] == split])
        print(f"{split:8}: cases {s.get('cases', 0)}, false errors {s.get('false_errors', 0)}, "
              f"false warnings {s.get('false_warnings', 0)}, defects caught {s.get('caught', 0)}/"
              f"{s.get('caught', 0) + s.get('missed', 0)}, headings recognised {s.get('headings_ok', 0)}/"
              f"{s.get('headings', 0)}, crashes {s.get('crashes', 0)}, other-area findings {s.get('other_area', 0)}")


if __name__ == "__main__":
    main()
