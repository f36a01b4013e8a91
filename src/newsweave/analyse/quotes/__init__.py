"""Who said what: direct, indirect and mixed attributions with their source, cue and content.

Rules over spaCy's dependency parse, in the spirit of the PARC/PolNeAR annotation scheme:
a cue (speech or belief verb, "according to"), its source (the subject) and its content
(the clausal complement or the quoted text). Quote paragraphs with no cue continue the last
speaker, as news writing does.

The modules, from the bottom up: `thresholds` (how sure the cue model must be), `marks`
(quotation marks in the text), `tokens` and `clauses` (pure readings of the parse), `base` (the
state of one report's pass and the building of Quote items), `sources`, `contents`, `cue_spans`
and `continuations` (the rules that share that state), `posts` (embedded posts), `rerank` (the
model that keeps or drops each attribution the rules build) and `finder` (the pass itself).
"""

from newsweave.analyse.quotes.finder import find_quotes

__all__ = ["find_quotes"]
