"""Session fixtures on the real sample corpus: spaCy loads once per session (once per xdist worker).

The sample lives outside the repository: CI clones the repo with ``shared/`` as a sibling of its root.
Everything built here is a frozen dataclass (or a tuple of them), so tests can share it safely.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from spacy.language import Language

from newsweave.align import align_story
from newsweave.analyse import analyse_reports, load_nlp
from newsweave.ingest import load_reports
from newsweave.model import AnalysedReport, Brief, Report, Story
from newsweave.render.select import select_brief

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
SAMPLE_DIR = SHARED_DIR / "corpus" / "niger-2023"
T17_DIR = SHARED_DIR / "data" / "tls-t17" / "raw"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"

# In CI the property tests replay the same examples every run, so a landing never hangs on a draw;
# on a developer's machine they keep exploring (and the example database keeps what they found).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files from the current code instead of comparing with them. "
        "Read the diff before committing it.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Return True when the run was asked to rewrite the golden files."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Return the shared folder beside the repository (sample corpus and public datasets)."""
    assert SHARED_DIR.is_dir(), f"expected the shared data beside the repository at {SHARED_DIR}"
    return SHARED_DIR


@pytest.fixture(scope="session")
def sample_dir(shared_dir: Path) -> Path:
    """Return the folder of the niger-2023 sample corpus (three .txt reports)."""
    assert len(list(SAMPLE_DIR.glob("*.txt"))) == 3, f"expected the three sample reports in {SAMPLE_DIR}"
    return SAMPLE_DIR


@pytest.fixture(scope="session")
def t17_dir(shared_dir: Path) -> Path:
    """Return the raw Timeline17 folder (one sub-folder per topic and outlet)."""
    assert T17_DIR.is_dir(), f"expected Timeline17 at {T17_DIR}"
    return T17_DIR


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    return GOLDEN_DIR


@pytest.fixture(scope="session")
def nlp() -> Language:
    """Return the spaCy pipeline, loaded once for the session."""
    return load_nlp()


@pytest.fixture(scope="session")
def sample_reports(sample_dir: Path) -> tuple[Report, ...]:
    """Return the sample's reports as ingest reads them (none rejected, none duplicates)."""
    result = load_reports([sample_dir])
    assert result.rejections == ()
    return result.reports


@pytest.fixture(scope="session")
def sample_analysed(sample_reports: tuple[Report, ...], nlp: Language) -> tuple[AnalysedReport, ...]:
    """Return the analysis of each sample report, in file order."""
    return tuple(analyse_reports(sample_reports, nlp))


@pytest.fixture(scope="session")
def sample_story(sample_analysed: tuple[AnalysedReport, ...]) -> Story:
    """Return the story the three sample reports tell together."""
    return align_story(sample_analysed)


@pytest.fixture(scope="session")
def sample_brief(sample_story: Story) -> Brief:
    """Return the brief of the sample story."""
    return select_brief(sample_story)
