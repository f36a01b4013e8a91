"""Load the eval scripts (eval/ is not a package: each script runs on its own) for the tests."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"


@cache
def report_dates_eval() -> ModuleType:
    """Return eval/report_dates.py as a module."""
    spec = importlib.util.spec_from_file_location("report_dates_eval", EVAL_DIR / "report_dates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module
