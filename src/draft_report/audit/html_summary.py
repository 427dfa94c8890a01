"""The audit as one self-contained HTML page a supervisor opens in a browser.

One row per report (agency, year, errors, warnings, the worst finding), sortable by clicking
a column head; each row opens (``<details>``) its errors and warnings with the quoted text;
a bar chart (inline SVG) of findings by rule across all reports; the reports that could not
be read and the files skipped, with their reasons. File names link to the files, relative to
the page. No external resource: styles and the sorting script are inline, and a
Content-Security-Policy forbids loading anything. The page carries
``<meta name="generator" content="draft-report audit">`` so that no later audit reads it as a report.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from html import escape
from pathlib import Path
from urllib.parse import quote

from draft_report.audit import GENERATOR
from draft_report.audit.render import Audit
from draft_report.audit.run import AuditRow
from draft_report.checking.finding_text import values_text

_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
CHART_RULES = 20  # rules shown in the chart (the most frequent)

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;font-size:14px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.meta{color:#666;margin-bottom:12px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:90px}
.card b{display:block;font-size:22px}
.err{color:#c0392b}.warn{color:#b9770e}.ok{color:#1e8449}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e5e5e5;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f5f5f5;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
details summary{cursor:pointer}
details ol{margin:6px 0 4px;padding-left:20px}
details li{margin-bottom:6px}
.quote{color:#555;background:#f8f8f8;padding:2px 4px;display:block;margin-top:2px;white-space:pre-wrap}
.rule{font-family:monospace;color:#555}
.also{color:#777;font-size:12px}
#reports td:first-child{min-width:8em}#reports td:last-child{white-space:nowrap}
svg text{font-size:12px}
"""

_SCRIPT = """
document.querySelectorAll('table.sortable').forEach(function(table){
  var heads = table.querySelectorAll('th[data-key]');
  heads.forEach(function(th){
    th.addEventListener('click', function(){
      var key = th.dataset.key, numeric = th.dataset.type === 'num';
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function(h){ h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function(a, b){
        var x = a.dataset[key] || '', y = b.dataset[key] || '';
        var c = numeric ? (parseFloat(x || '0') - parseFloat(y || '0')) : x.localeCompare(y, 'zh');
        return asc ? c : -c;
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
});
"""


def _href(path: Path, folder: Path) -> str:
    try:
        rel = os.path.relpath(path.absolute(), folder.absolute())
    except ValueError:  # another drive on Windows
        rel = str(path.absolute())
    return quote(Path(rel).as_posix())


def _link(path: Path, folder: Path) -> str:
    return f'<a href="{escape(_href(path, folder))}">{escape(path.name)}</a>'


def _finding_item(f: object) -> str:
    sev = getattr(f, "severity", "info")
    loc = getattr(f, "location", None)
    where: list[str] = []
    if loc is not None:
        if loc.table:
            where.append(loc.table)
        if loc.row:
            where.append(f"“{loc.row}”行")
        if loc.column:
            where.append(f"“{loc.column}”列")
        if loc.line:
            where.append(f"第{loc.line}行")
    text = f'<span class="{"err" if sev == "error" else "warn"}">{_SEVERITY.get(sev, sev)}</span> '
    if where:
        text += f"{escape('，'.join(where))}："
    text += escape(getattr(f, "message", ""))
    text += f' <span class="rule">[{escape(getattr(f, "rule", ""))}]</span>'  # for tools: after the Chinese
    if loc is not None and loc.excerpt:
        text += f'<span class="quote">原文：“{escape(loc.excerpt)}”</span>'
    values = values_text(f)
    if values:
        text += f"<div>{escape(values)}</div>"
    return f"<li>{text}</li>"


def _row(row: AuditRow, n: int, folder: Path) -> str:
    errors, warnings, info = row.counts()
    agency = (row.result.agency if row.result is not None else None) or ""
    year = (row.result.year if row.result is not None else None) or ""
    worst = row.worst()
    file_cell = _link(row.path, folder)
    if row.also:
        file_cell += '<div class="also">其他格式：' + "、".join(_link(p, folder) for p in row.also) + "</div>"
    if row.previous is not None:
        file_cell += '<div class="also">上年度：' + _link(row.previous, folder) + "</div>"
    shown = [f for f in (row.result.findings if row.result is not None else []) if f.severity != "info"]
    if worst is None:
        problem = '<span class="ok">未发现错误或警告</span>'
    else:
        summary = (f'<span class="{"err" if worst.severity == "error" else "warn"}">{_SEVERITY[worst.severity]}</span> '
                   f'{escape(worst.message)} <span class="rule">[{escape(worst.rule)}]</span>')
        items = "".join(_finding_item(f) for f in shown)
        more = f"<p>另有 {info} 条提示（未能核对的数字等），见 JSON 汇总。</p>" if info else ""
        problem = f"<details><summary>{summary}（共 {len(shown)} 条）</summary><ol>{items}</ol>{more}</details>"
    sort_worst = escape(worst.rule if worst is not None else "")
    return (
        f'<tr id="r{n}" data-agency="{escape(agency)}" data-year="{year}" data-errors="{errors}" '
        f'data-warnings="{warnings}" data-worst="{sort_worst}" data-file="{escape(row.path.name)}">'
        f"<td>{escape(agency) or '（未读出）'}</td><td class=\"num\">{year}</td>"
        f'<td class="num{" err" if errors else ""}">{errors}</td><td class="num{" warn" if warnings else ""}">{warnings}</td>'
        f"<td>{problem}</td><td>{file_cell}</td></tr>"
    )


def _chart(audit: Audit) -> str:
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for row in audit.rows:
        for f in row.result.findings if row.result is not None else []:
            if f.severity == "error":
                errors[f.rule] += 1
            elif f.severity == "warning":
                warnings[f.rule] += 1
    totals = errors + warnings
    if not totals:
        return "<p>所有报告均未发现错误或警告。</p>"
    rules = [r for r, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:CHART_RULES]]
    top = max(totals[r] for r in rules)
    label_w, bar_w, h = 260, 420, 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" height="{h * len(rules) + 24}" '
             f'role="img" aria-label="各规则的问题数">']
    for i, rule in enumerate(rules):
        y = i * h + 4
        e = errors[rule] * bar_w / top
        w = warnings[rule] * bar_w / top
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(rule)}</text>')
        if e:
            parts.append(f'<rect x="{label_w}" y="{y}" width="{e:.1f}" height="{h - 6}" fill="#c0392b"><title>错误 {errors[rule]}</title></rect>')
        if w:
            parts.append(f'<rect x="{label_w + e:.1f}" y="{y}" width="{w:.1f}" height="{h - 6}" fill="#e0a030"><title>警告 {warnings[rule]}</title></rect>')
        parts.append(f'<text x="{label_w + e + w + 4:.1f}" y="{y + 13}" class="count">{totals[rule]}</text>')
    legend_y = h * len(rules) + 18
    parts.append(f'<rect x="{label_w}" y="{legend_y - 10}" width="10" height="10" fill="#c0392b"/>'
                 f'<text x="{label_w + 14}" y="{legend_y}">错误</text>'
                 f'<rect x="{label_w + 60}" y="{legend_y - 10}" width="10" height="10" fill="#e0a030"/>'
                 f'<text x="{label_w + 74}" y="{legend_y}">警告</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html_summary(audit: Audit, out_path: Path, *, now: dt.datetime | None = None) -> str:
    folder = out_path.parent
    s = audit.summary()
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    rows = sorted(enumerate(audit.rows, start=1),
                  key=lambda t: (-t[1].counts()[0], -t[1].counts()[1], str(t[1].path)))
    body_rows = "".join(_row(r, n, folder) for n, r in rows if r.result is not None)
    unreadable = "".join(f"<li>{_link(u.path, folder)}：{escape(u.reason)}</li>" for u in audit.all_unreadable())
    skipped = "".join(f"<li>{_link(x.path, folder)}：{escape(x.reason)}</li>" for x in audit.skipped)
    cards = (
        f'<div class="card">核查报告<b>{s["checked"]}</b></div>'
        f'<div class="card">有错误<b class="err">{s["with_errors"]}</b></div>'
        f'<div class="card">仅有警告<b class="warn">{s["with_warnings"]}</b></div>'
        f'<div class="card">无法读取<b>{s["unreadable"]}</b></div>'
        f'<div class="card">跳过的文件<b>{s["skipped"]}</b></div>'
    )
    previous = f"；跨年度核对：{escape(audit.previous_dir)}" if audit.previous_dir else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="{GENERATOR}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告核查汇总</title>
<style>{_CSS}</style>
</head>
<body>
<h1>政府信息公开工作年度报告核查汇总</h1>
<div class="meta">生成时间：{stamp}；按每份报告自身的表格核对{previous}。点击列标题排序，点击问题展开全部错误和警告。</div>
<div class="cards">{cards}</div>
<h2>各规则的问题数（全部报告）</h2>
{_chart(audit)}
<h2>逐份报告</h2>
<table class="sortable" id="reports">
<thead><tr><th data-key="agency">机关</th><th data-key="year" data-type="num">年度</th>
<th data-key="errors" data-type="num" aria-sort="descending">错误</th><th data-key="warnings" data-type="num">警告</th>
<th data-key="worst">最严重的问题</th><th data-key="file">文件</th></tr></thead>
<tbody>{body_rows}</tbody>
</table>
<h2>无法读取的报告（{s["unreadable"]}）</h2>
<ul id="unreadable">{unreadable or "<li>无</li>"}</ul>
<h2>跳过的文件（{s["skipped"]}）</h2>
<ul id="skipped">{skipped or "<li>无</li>"}</ul>
<script>{_SCRIPT}</script>
</body>
</html>
"""
