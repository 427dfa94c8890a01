"""LLM endpoint configuration: where ``draft --llm`` sends its prompts and with which key.

Every setting is resolved field by field through five layers, first hit wins:

1. command-line flags (``--base-url``, ``--model``, ``--api-key``, ``--provider``, ``--timeout``,
   ``--temperature``, ``--max-repair-rounds``);
2. ``DRAFT_REPORT_*`` environment variables (``DRAFT_REPORT_BASE_URL``, ``DRAFT_REPORT_MODEL``,
   ``DRAFT_REPORT_API_KEY``, ``DRAFT_REPORT_PROVIDER``, ``DRAFT_REPORT_TIMEOUT``,
   ``DRAFT_REPORT_TEMPERATURE``, ``DRAFT_REPORT_MAX_REPAIR_ROUNDS``);
3. ``OPENAI_*`` environment variables (``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``OPENAI_MODEL``);
4. the config file ``config.toml`` in ``$DRAFT_REPORT_CONFIG_DIR`` or the platform config folder;
5. built-in defaults (OpenAI's public endpoint).

A ``provider`` (``deepseek``, ``qwen``/``dashscope``, ``ollama``, ``vllm``, ``openai`` or one defined in
the config file) fills in base URL, model and key variable at the layer where it was named.

Keys are bound to the host they were configured for: the user's ``OPENAI_API_KEY`` is never sent to
another host unless ``OPENAI_BASE_URL`` points there, and a provider's key only goes to that
provider. Keys flow through ``SecretStr`` and never appear in a message, a log or provenance.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from draft_report.errors import DraftReportError, InputError
from draft_report.records import dataclass

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads config.toml only with tomli installed
    try:
        import tomli as tomllib
    except ImportError:
        tomllib = None  # type: ignore[assignment]

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT = 60.0
MAX_TIMEOUT = 3600.0  # one call never needs more than an hour; larger values are typing slips
DEFAULT_TEMPERATURE = 0.3
DEFAULT_MAX_REPAIR_ROUNDS = 2
DEFAULT_MAX_RETRIES = 3
# Sent as the bearer token to endpoints that need none (local servers); never a real key.
PLACEHOLDER_API_KEY = "no-key-required"


class EndpointNotConfigured(DraftReportError):
    """``--llm`` with no endpoint and no key anywhere (flags, env, config file): not an error for
    ``draft``, which then drafts offline and prints this message as a notice."""


CONFIG_FILE_NAME = "config.toml"
FIELDS = (
    "base_url",
    "model",
    "api_key",
    "provider",
    "timeout",
    "temperature",
    "max_repair_rounds",
    "max_retries",
)


@dataclass(frozen=True)
class Provider:
    """A named OpenAI-compatible service."""

    name: str
    base_url: str
    model: str
    key_env: str | None = None  # provider-specific key variable, e.g. DEEPSEEK_API_KEY
    needs_key: bool = True  # a hosted service: refusing to run without a key beats a 401 per section


PROVIDERS: dict[str, Provider] = {
    "openai": Provider("openai", DEFAULT_BASE_URL, DEFAULT_MODEL, "OPENAI_API_KEY"),
    "deepseek": Provider("deepseek", "https://api.deepseek.com/v1", "deepseek-chat", "DEEPSEEK_API_KEY"),
    "qwen": Provider(
        "qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus", "DASHSCOPE_API_KEY"
    ),
    "ollama": Provider("ollama", "http://localhost:11434/v1", "qwen2.5:7b", None, needs_key=False),
    "vllm": Provider("vllm", "http://localhost:8000/v1", "Qwen/Qwen2.5-7B-Instruct", None, needs_key=False),
}
PROVIDER_ALIASES = {"dashscope": "qwen", "tongyi": "qwen", "bailian": "qwen"}
# Hosts that always need a key: running without one is a configuration error, reported up front.
HOSTED_HOSTS = {urlsplit(p.base_url).hostname for p in PROVIDERS.values() if p.needs_key}


class LLMConfig(BaseModel):
    """The resolved endpoint settings. ``api_key`` is a ``SecretStr``: ``repr`` and JSON hide it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str = DEFAULT_BASE_URL
    model: str = DEFAULT_MODEL
    api_key: SecretStr | None = None
    provider: str | None = None
    timeout: float = Field(DEFAULT_TIMEOUT, gt=0, le=MAX_TIMEOUT)
    temperature: float = Field(DEFAULT_TEMPERATURE, ge=0, le=2)
    max_repair_rounds: int = Field(DEFAULT_MAX_REPAIR_ROUNDS, ge=0, le=10)
    max_retries: int = Field(DEFAULT_MAX_RETRIES, ge=0, le=10)
    sources: dict[str, str] = Field(default_factory=dict, description="field → where its value came from")

    @property
    def host(self) -> str:
        """``host[:port]`` of the endpoint — what provenance and messages may show."""
        parts = urlsplit(self.base_url)
        host = parts.hostname or ""
        return f"{host}:{parts.port}" if parts.port else host

    @property
    def is_default_host(self) -> bool:
        return urlsplit(self.base_url).hostname == urlsplit(DEFAULT_BASE_URL).hostname

    def bearer_token(self) -> str:
        """The key to send: the configured key, or a placeholder for endpoints that need none."""
        return self.api_key.get_secret_value() if self.api_key else PLACEHOLDER_API_KEY

    def public_dict(self) -> dict[str, Any]:
        """Settings safe to print or record (no key, no URL path or query)."""
        return {
            "provider": self.provider,
            "model": self.model,
            "endpoint_host": self.host,
            "api_key": "已配置" if self.api_key else "未配置",
            "timeout": self.timeout,
            "temperature": self.temperature,
            "max_repair_rounds": self.max_repair_rounds,
        }


def default_config_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$DRAFT_REPORT_CONFIG_DIR``, else the platform's per-user config folder."""
    env = os.environ if env is None else env
    if env.get("DRAFT_REPORT_CONFIG_DIR"):
        return Path(env["DRAFT_REPORT_CONFIG_DIR"]).expanduser()
    home = Path(env.get("HOME") or Path.home())
    if sys.platform == "win32":
        return Path(env.get("APPDATA") or home / "AppData" / "Roaming") / "draft-report"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "draft-report"
    return Path(env.get("XDG_CONFIG_HOME") or home / ".config") / "draft-report"


def config_file_path(env: Mapping[str, str] | None = None) -> Path:
    return default_config_dir(env) / CONFIG_FILE_NAME


def load_config_file(path: Path) -> dict[str, Any]:
    """Read ``config.toml``; a missing file is an empty config, a broken one an ``InputError``."""
    if not path.is_file():
        return {}
    if tomllib is None:  # pragma: no cover - Python 3.10 without tomli
        raise InputError("读取配置文件需要 tomli：请运行 pip install tomli（Python 3.11 及以上无需安装）", path=str(path))
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"配置文件无法解析：{exc}", path=str(path)) from None
    return data


def _host_of(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


_DEFAULT_PORTS = {"http": 80, "https": 443}


def endpoint_address(url: str | None) -> tuple[str, str, int | None, str] | None:
    """(scheme, host, port, path) of an endpoint URL — what a key is bound to. The port is made
    explicit (443 for https) so that ``https://h/v1`` and ``https://h:443/v1`` are the same address."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        return None
    if port == 0:
        return None
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme), parts.path.rstrip("/")


def key_may_go_to(bound_to: str | None, url: str) -> bool:
    """True when ``url`` is the address a key was configured for: same scheme, host and port, and
    a path under the configured one (``http://lab:8000/v1`` → ``http://lab:8000/v1/…``), never just the
    same host name (``http://lab:9999/v1`` gets nothing)."""
    key_at, target = endpoint_address(bound_to), endpoint_address(url)
    if key_at is None or target is None or key_at[:3] != target[:3]:
        return False
    return target[3] == key_at[3] or target[3].startswith(key_at[3] + "/")


@dataclass
class _Layer:
    """One source of settings. ``key_url`` binds the layer's key to the address it was configured for
    (scheme, host, port and path prefix; see ``key_may_go_to``); ``key_bound=False`` = the key was
    given to draft-report itself and goes wherever draft-report is pointed."""

    name: str
    values: dict[str, Any]
    key_url: str | None = None
    key_bound: bool = False


def _provider_preset(name: str, custom: Mapping[str, Any], where: str) -> Provider:
    key = PROVIDER_ALIASES.get(name.lower(), name.lower())
    if name in custom:
        spec = custom[name]
        if not isinstance(spec, Mapping) or "base_url" not in spec:
            raise InputError(f"自定义服务商 {name} 须配置 base_url", where=where)
        return Provider(
            name,
            str(spec["base_url"]),
            str(spec.get("model", DEFAULT_MODEL)),
            spec.get("api_key_env"),
            needs_key=bool(spec.get("needs_key", False)),
        )
    if key in PROVIDERS:
        return PROVIDERS[key]
    known = "、".join([*PROVIDERS, *PROVIDER_ALIASES, *custom])
    raise InputError(
        f"未知的服务商“{name}”；可用：{known}（或在配置文件 [providers.<名称>] 中自定义）", where=where
    )


_EXPECTED = {
    "timeout": "大于0且不超过3600的秒数",
    "temperature": "0到2之间的数",
    "max_repair_rounds": "0到10之间的整数",
    "max_retries": "0到10之间的整数",
}


def _setting_name(field: str, source: str) -> str:
    """How the user wrote a setting: ``--timeout``, ``DRAFT_REPORT_TIMEOUT``, ``[llm] timeout``."""
    if source == "命令行参数":
        return "--" + field.replace("_", "-")
    if source.startswith("环境变量 DRAFT_REPORT"):
        return f"环境变量 DRAFT_REPORT_{field.upper()}"
    if source.startswith("环境变量 OPENAI"):
        return f"环境变量 OPENAI_{field.upper()}"
    return f"{source} [llm] {field}"


def _number(value: Any, field: str, source: str, kind: type) -> Any:
    try:
        number = kind(value)
    except (TypeError, ValueError, OverflowError):
        number = None
    if isinstance(number, float) and not math.isfinite(number):  # inf, nan, 1e309
        number = None
    if isinstance(value, bool):  # TOML ``timeout = true`` is not a number
        number = None
    limits = LLMConfig.model_fields[field].metadata
    low = next((getattr(m, "ge", None) for m in limits if getattr(m, "ge", None) is not None), None)
    above = next((getattr(m, "gt", None) for m in limits if getattr(m, "gt", None) is not None), None)
    high = next((getattr(m, "le", None) for m in limits if getattr(m, "le", None) is not None), None)
    if (
        number is None
        or (low is not None and number < low)
        or (above is not None and number <= above)
        or (high is not None and number > high)
    ):
        raise InputError(f"应为{_EXPECTED[field]}，实际为“{value}”", where=_setting_name(field, source))
    return number


def resolve_config(
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    config_path: Path | None = None,
) -> LLMConfig:
    """Resolve the endpoint settings (flags > DRAFT_REPORT_* > OPENAI_* > config file > defaults).

    ``flags`` maps field names (``base_url``, ``model``, ``api_key``, ``provider``, ``timeout``,
    ``temperature``, ``max_repair_rounds``, ``max_retries``) to values; ``None`` means "not given".
    Raises ``EndpointNotConfigured`` when no layer names an endpoint (base URL, provider, model) and
    none gives a key — the caller drafts offline; ``InputError`` (exit 2) when the user chose a hosted
    endpoint (OpenAI, DeepSeek, DashScope, a custom provider with ``needs_key``) without a key.
    """
    env = os.environ if env is None else env
    path = config_path or config_file_path(env)
    file_data = load_config_file(path)
    file_llm = file_data.get("llm", {}) if isinstance(file_data.get("llm", {}), Mapping) else {}
    custom = file_data.get("providers", {}) if isinstance(file_data.get("providers", {}), Mapping) else {}

    flag_values = {k: v for k, v in (flags or {}).items() if v is not None and k in FIELDS}
    dr_env = {f: env[f"DRAFT_REPORT_{f.upper()}"] for f in FIELDS if env.get(f"DRAFT_REPORT_{f.upper()}")}
    oa_env = {
        f: env[f"OPENAI_{f.upper()}"]
        for f in ("base_url", "api_key", "model")
        if env.get(f"OPENAI_{f.upper()}")
    }
    file_values = {k: v for k, v in file_llm.items() if k in FIELDS and v is not None}
    unknown = sorted(set(file_llm) - set(FIELDS) - {"api_key_env"})
    if unknown:
        raise InputError(
            f"[llm] 中有未知的设置：{'、'.join(unknown)}；可用：{'、'.join(FIELDS)}", path=str(path)
        )
    if file_llm.get("api_key_env") and env.get(str(file_llm["api_key_env"])):
        file_values.setdefault("api_key", env[str(file_llm["api_key_env"])])

    layers = [
        _Layer("命令行参数", flag_values),
        _Layer("环境变量 DRAFT_REPORT_*", dr_env),
        # The OpenAI key is meant for OPENAI_BASE_URL, or OpenAI itself when that is not set.
        _Layer("环境变量 OPENAI_*", oa_env, str(oa_env.get("base_url") or DEFAULT_BASE_URL), True),
        _Layer(f"配置文件 {path}", file_values),
    ]
    # A named provider fills base_url/model/key at its own layer; a config-file key belongs to the
    # config file's endpoint.
    for layer in layers:
        name = layer.values.get("provider")
        if not name:
            continue
        preset = _provider_preset(str(name), custom, layer.name)
        layer.values["provider"] = preset.name
        layer.values.setdefault("base_url", preset.base_url)
        layer.values.setdefault("model", preset.model)
        if "api_key" not in layer.values:
            spec = custom.get(preset.name, {}) if isinstance(custom.get(preset.name), Mapping) else {}
            key = spec.get("api_key") or (env.get(preset.key_env) if preset.key_env else None)
            if key:
                layer.values["api_key"] = key
                layer.key_url, layer.key_bound = str(layer.values["base_url"]), True
    file_layer = layers[-1]
    if "api_key" in file_layer.values and not file_layer.key_bound:
        file_layer.key_url = str(file_layer.values.get("base_url") or DEFAULT_BASE_URL)
        file_layer.key_bound = True

    resolved: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for field in FIELDS:
        if field == "api_key":
            continue
        for layer in layers:
            if field in layer.values:
                resolved[field] = layer.values[field]
                sources[field] = layer.name
                break
    base_url = str(resolved.get("base_url") or DEFAULT_BASE_URL).strip().rstrip("/")
    if (
        urlsplit(base_url).scheme not in ("http", "https")
        or not urlsplit(base_url).hostname
        or endpoint_address(base_url) is None  # a port that is not a number in 0–65535
    ):
        raise InputError(
            f"接口地址“{base_url}”无效：应为 http:// 或 https:// 开头、端口在 1 到 65535 之间的地址，"
            "例如 http://127.0.0.1:8000/v1",
            where=_setting_name("base_url", sources.get("base_url", "默认值")),
        )
    host = _host_of(base_url)
    for layer in layers:
        key = layer.values.get("api_key")
        if key and (not layer.key_bound or key_may_go_to(layer.key_url, base_url)):
            resolved["api_key"] = SecretStr(str(key))
            sources["api_key"] = layer.name
            break

    for field, kind in (
        ("timeout", float),
        ("temperature", float),
        ("max_repair_rounds", int),
        ("max_retries", int),
    ):
        if field in resolved:
            resolved[field] = _number(resolved[field], field, sources[field], kind)
    resolved = {k: str(v) if k in ("model", "provider") else v for k, v in resolved.items()}
    config = LLMConfig(**{**resolved, "base_url": base_url}, sources=sources)

    if config.api_key is None:
        chosen = [f for f in ("base_url", "provider", "model") if f in sources]
        if not chosen:
            # Nothing anywhere names an endpoint or gives a key: the caller drafts offline.
            raise EndpointNotConfigured(not_configured_notice(path, env))
        chosen_preset = _chosen_preset(config.provider, custom, host)
        if host in HOSTED_HOSTS or (chosen_preset is not None and chosen_preset.needs_key):
            raise InputError(missing_key_message(config, sources, chosen_preset))
    return config


def _chosen_preset(name: str | None, custom: Mapping[str, Any], host: str | None) -> Provider | None:
    """The provider preset behind the endpoint in use (named, or recognised by its host)."""
    if name:
        preset = _provider_preset(name, custom, "provider")
        if _host_of(preset.base_url) == host:
            return preset
    return next((p for p in PROVIDERS.values() if _host_of(p.base_url) == host), None)


def not_configured_notice(path: Path, env: Mapping[str, str] | None = None) -> str:
    """The notice printed when ``--llm`` finds no endpoint and no key anywhere. A provider's key
    variable that is set (e.g. ``DEEPSEEK_API_KEY``) is pointed out: it is only used with its provider."""
    env = os.environ if env is None else env
    hints = [
        f"检测到环境变量 {p.key_env}，如需使用请加 --provider {p.name}。"
        for p in PROVIDERS.values()
        if p.key_env and p.key_env != "OPENAI_API_KEY" and env.get(p.key_env)
    ]
    return "".join(hints) + (
        "未配置大模型接口（命令行参数、环境变量和配置文件都没有给出接口地址或密钥），"
        "第一、五部分已改用内置模板离线起草。如需用大模型起草，请用 --base-url 指定本地或自建服务的地址"
        "（如 http://127.0.0.1:8000/v1，无需密钥），或用 --api-key 提供密钥；也可设置环境变量 "
        "DRAFT_REPORT_BASE_URL、DRAFT_REPORT_API_KEY 或 OPENAI_API_KEY，"
        f"或在配置文件 {path} 的 [llm] 中填写 base_url / provider（详见 docs/llm.md）。"
    )


def missing_key_message(config: LLMConfig, sources: Mapping[str, str], preset: Provider | None) -> str:
    """The error for a hosted endpoint the user chose without a key: names the flag and variables."""
    field = next(f for f in ("provider", "base_url", "model") if f in sources)
    value = config.provider if field == "provider" else config.base_url if field == "base_url" else config.model
    variables = ["DRAFT_REPORT_API_KEY"]
    if preset is not None and preset.key_env:
        variables.append(preset.key_env)
    return (
        f"{_setting_name(field, sources[field])} 指定了 {value}，使用 {config.host} 需要 API 密钥，但没有找到："
        f"请用 --api-key 参数，或设置环境变量 {' 或 '.join(variables)}。"
        "本地或自建服务请用 --base-url 指定地址（无需密钥）；不加 --llm 则用内置模板离线起草。"
    )
