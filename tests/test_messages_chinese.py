"""No English library text in a user's message: pydantic errors, YAML/JSON syntax, .docx damage."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, Field, ValidationError
from pydantic_core import core_schema
from tests.conftest import EXAMPLES

from draft_report.errors import InputError
from draft_report.loading import errors as E
from draft_report.loading import load_dataset
from draft_report.loading.pydantic_messages import PYDANTIC_MESSAGES, pydantic_text
from draft_report.loading.syntax_messages import json_problem_text, yaml_problem_text

_ENGLISH = re.compile(r"[A-Za-z]{3,}(?: [A-Za-z]{2,}){2,}")
DATA = (EXAMPLES / "xiaxian-2023" / "data.yaml").read_text(encoding="utf-8")


def test_every_pydantic_error_type_has_chinese_text() -> None:
    kinds = set(typing.get_args(core_schema.ErrorType))
    assert kinds <= set(PYDANTIC_MESSAGES)
    for kind in kinds:
        text = pydantic_text(kind, {"ge": 0, "max_length": 3, "expected": "'a' or 'b'"})
        assert re.search(r"[\u4e00-\u9fff]", text) and not _ENGLISH.search(text), (kind, text)


class _Probe(BaseModel):
    amount: float = Field(allow_inf_nan=False)
    items: list[int] = Field(max_length=2)


def test_an_untuned_pydantic_error_is_translated_not_quoted() -> None:
    with pytest.raises(ValidationError) as exc:
        _Probe.model_validate({"amount": float("inf"), "items": [1, 2, 3]})
    message, _ = E.translate(exc.value, _Probe)
    assert "finite" not in message and "Input should" not in message
    assert "有限的数" in message and "最多只能有 2 项" in message


@pytest.mark.parametrize(
    "damage",
    ["year: 2023\nyear2 2023 : :\n", "a: [1, 2\n", "a: 'x\n", "a: !!python/object {}\n", "\tyear: 2023\n", "a:\n - 1\n  - 2\n", "&a x: *b\n"],
)
def test_yaml_syntax_errors_are_chinese(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(damage + DATA, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_dataset(path)
    message = str(exc.value).replace(str(path), "")
    assert not _ENGLISH.search(message), message


def test_every_pyyaml_problem_and_json_message_has_a_chinese_translation() -> None:
    samples = [
        "mapping values are not allowed here", "found unexpected end of stream", "found duplicate key",
        "expected ',' or ']', but got '<stream end>'", "found unknown escape character 'q'",
        "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object'",
    ]
    for problem in samples:
        assert not _ENGLISH.search(yaml_problem_text(problem)), problem
    for bad in ['{"a":1,}', '{"a" 1}', '{"a":"x', '"\\q"', "{} x", "[1 2]", ""]:
        with pytest.raises(json.JSONDecodeError) as exc:
            json.loads(bad)
        assert not _ENGLISH.search(json_problem_text(exc.value.msg)), exc.value.msg


def test_a_5000_digit_number_gets_no_date_hint(tmp_path: Path) -> None:
    for suffix, text in (
        (".yaml", DATA.replace("collected_yuan: 0", "collected_yuan: " + "7" * 5000)),
        (".json", json.dumps(yaml.safe_load(DATA), default=str).replace('"collected_yuan": 0', '"collected_yuan": ' + "7" * 5000)),
    ):
        path = tmp_path / f"data{suffix}"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError) as exc:
            load_dataset(path)
        assert "位数" in str(exc.value) and "日期" not in str(exc.value) and "Exceeds" not in str(exc.value)


def test_a_csv_format_error_is_chinese(tmp_path: Path) -> None:
    for source in (EXAMPLES / "scjg-2024").iterdir():
        (tmp_path / source.name).write_bytes(source.read_bytes())
    register = tmp_path / "publications.csv"
    register.write_bytes(register.read_bytes().replace(b"\n", b"\r", 1).replace(b",", b',"x', 1))
    register.write_bytes(register.read_bytes() + b'a,"unclosed\rmore\n')
    with pytest.raises(InputError) as exc:
        load_dataset(tmp_path)
    message = str(exc.value).replace(str(tmp_path), "")
    assert "CSV" in message and not _ENGLISH.search(message.replace("CSV", "")), message
