"""Print how long offline drafting takes for each example (in-process and through the CLI).

Usage: python bench/draft_time.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from draft_report.commands.draft import run_draft

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    exe = Path(sys.executable).parent / "draft-report"
    examples = sorted(p for p in (ROOT / "examples").iterdir() if (p / "data.yaml").is_file())
    with tempfile.TemporaryDirectory() as tmp:
        for example in examples:
            for formats in (["md"], ["md", "html", "docx"]):
                times = []
                for i in range(args.repeat):
                    out = Path(tmp) / f"{example.name}-{'-'.join(formats)}-{i}"
                    start = time.perf_counter()
                    run_draft(example / "data.yaml", out, formats)
                    times.append(time.perf_counter() - start)
                label = ",".join(formats)
                print(f"{example.name:14} {label:12} in-process  best {min(times) * 1000:7.1f} ms  "
                      f"first {times[0] * 1000:7.1f} ms")
            if exe.exists():
                out = Path(tmp) / f"{example.name}-cli"
                start = time.perf_counter()
                subprocess.run([str(exe), "draft", str(example / "data.yaml"), "-o", str(out)],
                               check=True, capture_output=True)
                print(f"{example.name:14} {'md':12} CLI (cold)  {(time.perf_counter() - start) * 1000:7.1f} ms")
                shutil.rmtree(out)


if __name__ == "__main__":
    main()
