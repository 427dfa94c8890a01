"""draft-report: 起草与核查政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
