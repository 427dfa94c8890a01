"""Values that parse but mean nothing are refused where they stand: a key given twice, true/yes in
a count, .inf in money; YAML is read with libyaml when PyYAML has it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from draft_report.errors import InputError
from draft_report.loading import files as F
from draft_report.loading import load_dataset

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xiaxian-2023" / "data.yaml"


def load_edited(tmp_path: Path, old: str, new: str) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "data.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_dataset(path)
    return str(err.value)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_key_given_twice_names_both_lines(tmp_path: Path) -> None:
    msg = load_edited(tmp_path, "measures:\n", "problems:\n  - 第二处问题\n\nmeasures:\n")
    text = (tmp_path / "data.yaml").read_text(encoding="utf-8")
    first, second = [i for i, line in enumerate(text.splitlines(), 1) if line.startswith("problems:")]
    assert "“problems”在同一层出现了两次" in msg and f"第{first}行和第{second}行" in msg


def test_a_nested_key_given_twice(tmp_path: Path) -> None:
    msg = load_edited(tmp_path, "  short_name: 我局\n", "  short_name: 我局\n  short_name: 本局\n")
    assert "“short_name”在同一层出现了两次" in msg


@pytest.mark.parametrize("typed", ["true", "yes", "on", "false"])
def test_a_truth_value_in_a_count_is_refused(tmp_path: Path, typed: str) -> None:
    msg = load_edited(tmp_path, "penalty: {decisions: 0}", f"penalty: {{decisions: {typed}}}")
    text = (tmp_path / "data.yaml").read_text(encoding="utf-8")
    assert "真假值" in msg and f"第{line_of(text, 'penalty:')}行" in msg and "table2.penalty.decisions" in msg


@pytest.mark.parametrize("typed", [".inf", ".nan", "-.inf", "1e400"])
def test_a_non_finite_amount_is_refused(tmp_path: Path, typed: str) -> None:
    msg = load_edited(tmp_path, "fees: {amount_wan: 0}", f"fees: {{amount_wan: {typed}}}")
    assert ("不是有限的数值" in msg) or ("应为" in msg), msg
    assert "inf" not in msg.split("：", 1)[0]


def test_libyaml_is_used_when_available() -> None:
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML built without libyaml")
    assert issubclass(F.DataLoader, yaml.CSafeLoader)


def test_the_data_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = F.parse_data_text

    def counting(text: str, path: Path) -> object:
        calls.append(str(path))
        return original(text, path)

    monkeypatch.setattr(F, "parse_data_text", counting)
    composed: list[int] = []
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: composed.append(1))
    load_dataset(EXAMPLE)
    assert len(calls) == 1 and composed == []  # no line was needed: the node tree was never built


def test_one_walker_serves_both_screens_nested_deep_is_a_clear_refusal() -> None:
    """Truth values are screened by the same iterative walk as control characters: a structure
    nested far deeper than any data file (e.g. a model dump gone wrong) is refused in Chinese,
    never a RecursionError."""
    from draft_report.loading.guards import refuse_odd_values

    deep: list[object] = [True]
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(InputError) as err:
        refuse_odd_values({"notes": deep}, Path("data.yaml"))
    assert "嵌套层数" in str(err.value)


def test_odd_value_is_placed_by_line_or_by_workbook_cell() -> None:
    from draft_report.loading.guards import refuse_odd_values

    raw = {"fees": {"amount": float("inf")}}
    with pytest.raises(InputError) as by_line:
        refuse_odd_values(raw, Path("data.yaml"), lambda loc: 7)
    assert "第7行，字段 fees.amount" in str(by_line.value)
    with pytest.raises(InputError) as by_cell:
        refuse_odd_values(raw, Path("data.xlsx"), lambda loc: "收费!B3")
    assert "收费!B3" in str(by_cell.value) and "不是有限的数值" in str(by_cell.value)
