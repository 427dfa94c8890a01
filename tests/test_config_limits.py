"""Endpoint settings that must be refused (exit 2, Chinese) and keys bound to their exact address."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from draft_report.cli import main
from draft_report.config import key_may_go_to, resolve_config
from draft_report.errors import InputError

SECRET = "sk-test-0123456789abcdefghij"


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "0", "-1", "1e309", "1e300", "true"])
def test_non_finite_or_out_of_range_timeout_is_refused(tmp_path: Path, value: str) -> None:
    with pytest.raises(InputError, match="timeout") as err:
        resolve_config({"timeout": value, "base_url": "http://h/v1"}, env={}, config_path=tmp_path / "x")
    assert f"“{value}”" in str(err.value) and "秒数" in str(err.value)


@pytest.mark.parametrize("value", ["inf", "nan", "-0.1", "1e309", "2.5"])
def test_bad_temperature_is_refused(tmp_path: Path, value: str) -> None:
    with pytest.raises(InputError, match="temperature"):
        resolve_config({"temperature": value, "base_url": "http://h/v1"}, env={}, config_path=tmp_path / "x")


def test_toml_true_is_not_a_timeout(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('[llm]\nbase_url = "http://h/v1"\ntimeout = true\n', encoding="utf-8")
    with pytest.raises(InputError, match="timeout"):
        resolve_config({}, env={}, config_path=cfg)


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/v1", "http://127.0.0.1:0/v1", "http://h:x/v1", "ftp://h/v1"])
def test_bad_base_url_is_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(InputError, match="接口地址"):
        resolve_config({"base_url": url}, env={}, config_path=tmp_path / "x")


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--timeout", "inf"), ("--timeout", "nan"), ("--timeout", "0"), ("--timeout", "-5"), ("--timeout", "1e309"),
     ("--temperature", "nan"), ("--temperature", "inf"), ("--base-url", "http://127.0.0.1:99999/v1")],
)
def test_cli_bad_llm_values_exit_2_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str,
                                              value: str) -> None:
    args = ["draft", str(EXAMPLES / "scjg-2024"), "-o", str(tmp_path / "o"), "--llm"]
    if flag != "--base-url":
        args += ["--base-url", "http://127.0.0.1:9/v1"]
    with pytest.raises(SystemExit) as ex:
        main([*args, flag, value])
    err = capsys.readouterr().err
    assert ex.value.code == 2 and "Traceback" not in err and value in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)
    assert not (tmp_path / "o").exists()


def test_key_goes_only_to_the_exact_address() -> None:
    at = "http://lab:8000/v1"
    assert key_may_go_to(at, "http://lab:8000/v1")
    assert key_may_go_to(at, "http://lab:8000/v1/")
    assert key_may_go_to(at, "http://LAB:8000/v1/deployments/x")
    assert not key_may_go_to(at, "http://lab:9999/v1")  # same host name, another port
    assert not key_may_go_to(at, "https://lab:8000/v1")  # another scheme
    assert not key_may_go_to(at, "http://lab:8000/v2")
    assert not key_may_go_to(at, "http://lab:8000/v10")  # a path prefix by characters only
    assert not key_may_go_to(at, "http://lab/v1")  # port 80
    assert key_may_go_to("https://api.example.com/v1", "https://api.example.com:443/v1")


def test_config_file_provider_key_not_sent_to_another_port(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[llm]\nprovider = "lab"\n[providers.lab]\nbase_url = "http://lab:8000/v1"\napi_key = "{SECRET}"\n',
        encoding="utf-8",
    )
    assert resolve_config({}, env={}, config_path=cfg).bearer_token() == SECRET
    other = resolve_config({"base_url": "http://lab:9999/v1"}, env={}, config_path=cfg)
    assert other.api_key is None and other.bearer_token() != SECRET
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[llm]\nbase_url = "http://lab:8000/v1"\napi_key = "{SECRET}"\n', encoding="utf-8")
    assert resolve_config({"base_url": "http://lab:8001/v1"}, env={}, config_path=plain).api_key is None
