"""Endpoint configuration: precedence, providers, key binding, the no-key error."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_report.config import (
    DEFAULT_BASE_URL,
    PLACEHOLDER_API_KEY,
    EndpointNotConfigured,
    config_file_path,
    resolve_config,
)
from draft_report.errors import DraftReportError, InputError

SECRET = "sk-test-0123456789abcdefghij"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_flags_beat_env_beat_openai_env_beat_file(tmp_path: Path) -> None:
    cfg_file = _write(
        tmp_path, '[llm]\nbase_url = "http://file-host:1/v1"\nmodel = "file-model"\ntimeout = 5\n'
    )
    env = {
        "DRAFT_REPORT_MODEL": "dr-model",
        "OPENAI_MODEL": "oa-model",
        "OPENAI_BASE_URL": "http://oa-host:2/v1",
    }
    cfg = resolve_config({"model": "flag-model"}, env=env, config_path=cfg_file)
    assert cfg.model == "flag-model"
    assert cfg.base_url == "http://oa-host:2/v1"  # OPENAI_* beats the file
    assert cfg.timeout == 5.0  # only the file sets it
    assert cfg.sources["model"] == "命令行参数"

    cfg = resolve_config({}, env=env, config_path=cfg_file)
    assert cfg.model == "dr-model"
    cfg = resolve_config({}, env={"OPENAI_MODEL": "oa-model"}, config_path=cfg_file)
    assert (cfg.model, cfg.base_url) == ("oa-model", "http://file-host:1/v1")


def test_nothing_configured_means_offline(tmp_path: Path) -> None:
    """No endpoint and no key anywhere: not an error, a notice (``draft`` then drafts offline)."""
    for cfg_text in (None, "[llm]\ntemperature = 0.2\nmax_repair_rounds = 1\n"):
        cfg_file = _write(tmp_path, cfg_text) if cfg_text else tmp_path / "none.toml"
        with pytest.raises(EndpointNotConfigured) as err:
            resolve_config({"timeout": "30"}, env={"DRAFT_REPORT_TEMPERATURE": "0.5"}, config_path=cfg_file)
        message = str(err.value)
        for name in ("--base-url", "--api-key", "DRAFT_REPORT_BASE_URL", "DRAFT_REPORT_API_KEY", "OPENAI_API_KEY"):
            assert name in message
        assert str(cfg_file) in message and not isinstance(err.value, InputError)
    with pytest.raises(EndpointNotConfigured, match="DEEPSEEK_API_KEY.*--provider deepseek"):
        resolve_config({}, env={"DEEPSEEK_API_KEY": SECRET}, config_path=tmp_path / "none.toml")


@pytest.mark.parametrize(
    ("flags", "env", "file_text", "names"),
    [
        ({"model": "gpt-4o"}, {}, None, ["--model", "OPENAI_API_KEY"]),
        ({}, {"DRAFT_REPORT_MODEL": "gpt-4o"}, None, ["DRAFT_REPORT_MODEL", "OPENAI_API_KEY"]),
        ({}, {}, '[llm]\nprovider = "deepseek"\n', ["[llm] provider", "DEEPSEEK_API_KEY"]),
        ({"base_url": "https://dashscope.aliyuncs.com/compatible-mode/v1"}, {}, None, ["DASHSCOPE_API_KEY"]),
        ({}, {}, '[llm]\nprovider = "lab"\n[providers.lab]\nbase_url = "http://lab:1/v1"\nneeds_key = true\n',
         ["[llm] provider"]),
    ],
)
def test_chosen_hosted_endpoint_without_key_is_an_input_error(
    tmp_path: Path, flags: dict, env: dict, file_text: str | None, names: list[str]
) -> None:
    cfg_file = _write(tmp_path, file_text) if file_text else tmp_path / "none.toml"
    with pytest.raises(InputError) as err:
        resolve_config(flags, env=env, config_path=cfg_file)
    message = str(err.value)
    assert "--api-key" in message and "DRAFT_REPORT_API_KEY" in message
    for name in names:
        assert name in message


def test_default_host_uses_openai_key(tmp_path: Path) -> None:
    cfg = resolve_config({}, env={"OPENAI_API_KEY": SECRET}, config_path=tmp_path / "none.toml")
    assert cfg.base_url == DEFAULT_BASE_URL
    assert cfg.bearer_token() == SECRET
    assert SECRET not in repr(cfg) and SECRET not in cfg.model_dump_json()
    assert SECRET not in str(cfg.public_dict())


def test_custom_base_url_never_gets_the_default_openai_key(tmp_path: Path) -> None:
    cfg = resolve_config(
        {"base_url": "http://127.0.0.1:9999/v1"}, env={"OPENAI_API_KEY": SECRET}, config_path=tmp_path / "x"
    )
    assert cfg.api_key is None
    assert cfg.bearer_token() == PLACEHOLDER_API_KEY
    assert cfg.host == "127.0.0.1:9999"


def test_openai_key_follows_openai_base_url(tmp_path: Path) -> None:
    env = {"OPENAI_API_KEY": SECRET, "OPENAI_BASE_URL": "https://api.deepseek.com/v1"}
    cfg = resolve_config({}, env=env, config_path=tmp_path / "x")
    assert cfg.bearer_token() == SECRET and cfg.host == "api.deepseek.com"


def test_draft_report_key_goes_where_draft_report_is_pointed(tmp_path: Path) -> None:
    env = {"DRAFT_REPORT_API_KEY": SECRET}
    cfg = resolve_config({"base_url": "http://gpu-box:8000/v1"}, env=env, config_path=tmp_path / "x")
    assert cfg.bearer_token() == SECRET


def test_provider_presets_and_aliases(tmp_path: Path) -> None:
    cfg = resolve_config(
        {"provider": "deepseek"}, env={"DEEPSEEK_API_KEY": SECRET}, config_path=tmp_path / "x"
    )
    assert (cfg.provider, cfg.host, cfg.model) == ("deepseek", "api.deepseek.com", "deepseek-chat")
    assert cfg.bearer_token() == SECRET
    cfg = resolve_config(
        {},
        env={"DRAFT_REPORT_PROVIDER": "dashscope", "DASHSCOPE_API_KEY": SECRET},
        config_path=tmp_path / "x",
    )
    assert cfg.provider == "qwen" and cfg.host == "dashscope.aliyuncs.com"
    cfg = resolve_config({"provider": "ollama"}, env={}, config_path=tmp_path / "x")
    assert cfg.api_key is None and cfg.host == "localhost:11434"


def test_hosted_provider_without_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DraftReportError, match="api.deepseek.com"):
        resolve_config({"provider": "deepseek"}, env={}, config_path=tmp_path / "x")


def test_flag_provider_beats_openai_base_url(tmp_path: Path) -> None:
    env = {"OPENAI_BASE_URL": "http://elsewhere:1/v1", "OPENAI_API_KEY": SECRET}
    cfg = resolve_config({"provider": "vllm"}, env=env, config_path=tmp_path / "x")
    assert cfg.host == "localhost:8000"
    assert cfg.api_key is None  # the OpenAI key belongs to elsewhere:1


def test_config_file_custom_provider_and_key_env(tmp_path: Path) -> None:
    cfg_file = _write(
        tmp_path,
        '[llm]\nprovider = "lab"\ntemperature = 0.1\nmax_repair_rounds = 3\n\n'
        '[providers.lab]\nbase_url = "http://lab:8000/v1"\nmodel = "lab-model"\napi_key_env = "LAB_KEY"\n',
    )
    cfg = resolve_config({}, env={"LAB_KEY": SECRET}, config_path=cfg_file)
    assert (cfg.host, cfg.model, cfg.temperature, cfg.max_repair_rounds) == ("lab:8000", "lab-model", 0.1, 3)
    assert cfg.bearer_token() == SECRET
    # api_key_env also works directly under [llm]
    cfg_file = _write(tmp_path, '[llm]\nbase_url = "http://lab:8000/v1"\napi_key_env = "LAB_KEY"\n')
    assert resolve_config({}, env={"LAB_KEY": SECRET}, config_path=cfg_file).bearer_token() == SECRET


def test_config_file_key_stays_with_its_host(tmp_path: Path) -> None:
    cfg_file = _write(tmp_path, f'[llm]\nbase_url = "http://lab:8000/v1"\napi_key = "{SECRET}"\n')
    assert resolve_config({}, env={}, config_path=cfg_file).bearer_token() == SECRET
    cfg = resolve_config({"base_url": "http://other:1/v1"}, env={}, config_path=cfg_file)
    assert cfg.api_key is None


def test_bad_values_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="timeout"):
        resolve_config({"timeout": "soon", "base_url": "http://h/v1"}, env={}, config_path=tmp_path / "x")
    with pytest.raises(InputError, match="temperature"):
        resolve_config({"temperature": 9, "base_url": "http://h/v1"}, env={}, config_path=tmp_path / "x")
    with pytest.raises(InputError, match="接口地址"):
        resolve_config({"base_url": "localhost:8000"}, env={}, config_path=tmp_path / "x")
    with pytest.raises(InputError, match="未知的服务商"):
        resolve_config({"provider": "nope"}, env={}, config_path=tmp_path / "x")
    broken = _write(tmp_path, "[llm\n")
    with pytest.raises(InputError, match="配置文件"):
        resolve_config({}, env={}, config_path=broken)
    unknown = _write(tmp_path, '[llm]\nbase_url = "http://h/v1"\nmodle = "x"\n')
    with pytest.raises(InputError, match="modle"):
        resolve_config({}, env={}, config_path=unknown)


def test_config_dir_from_env(tmp_path: Path) -> None:
    assert config_file_path({"DRAFT_REPORT_CONFIG_DIR": str(tmp_path)}) == tmp_path / "config.toml"
    assert config_file_path(
        {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    ).parent.name == ("draft-report")


def test_env_config_dir_is_used_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFT_REPORT_CONFIG_DIR", str(tmp_path))
    _write(tmp_path, '[llm]\nbase_url = "http://from-file:1/v1"\n')
    assert resolve_config({}).host == "from-file:1"


def test_pyproject_declares_tomli_for_python_310_and_the_bench_extra() -> None:
    """config.toml is read with tomli on Python 3.10; bench/llm_bench.py counts tokens offline with
    the package the ``bench`` extra installs."""
    import re

    from packaging.requirements import Requirement  # pytest depends on packaging

    from draft_report.config import tomllib  # tomllib, or tomli on Python 3.10

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tomli = [Requirement(r) for r in project["dependencies"] if Requirement(r).name == "tomli"]
    assert len(tomli) == 1 and tomli[0].marker is not None
    assert tomli[0].marker.evaluate({"python_version": "3.10"})
    assert not tomli[0].marker.evaluate({"python_version": "3.11"})
    bench = [Requirement(r).name for r in project["optional-dependencies"]["bench"]]
    imported = re.findall(r"^\s*import (\w+)", (root / "bench" / "llm_bench.py").read_text(), re.M)
    assert "bpe-openai" in bench and "bpe_openai" in imported
