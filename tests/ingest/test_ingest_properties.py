"""Properties: whatever bytes a file holds, ingest never raises and accounts for the file."""

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.ingest import load_reports

# Random bytes are nearly always binary; encoded text and near-text reach the decoders too.
CONTENTS = st.one_of(
    st.binary(max_size=3_000),
    st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le", "surrogatepass")),
    st.lists(st.integers(0x20, 0xFF), max_size=2_000).map(bytes),
    st.text(alphabet='{}[]":, \ntexitlpubshd0123-', max_size=300).map(str.encode),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=CONTENTS, suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_any_bytes_give_one_report_or_rejections_never_an_exception(tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("random")
    path = folder / f"input{suffix}"
    path.write_bytes(data)

    result = load_reports([path])

    assert all(r.path.startswith(str(path)) for r in (*result.reports, *result.rejections))
    if suffix == ".jsonl":  # one outcome per non-blank line
        assert len(result.reports) + len(result.rejections) >= 1
    else:
        assert (len(result.reports), len(result.rejections)) == (1, 0) or (
            not result.reports and len(result.rejections) >= 1
        )
    for report in result.reports:
        assert "\r\n" not in report.text
        assert len(report.text.split()) >= 8
