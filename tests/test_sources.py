from __future__ import annotations

import io

import pytest
from conftest import write
from hypothesis import given, settings
from hypothesis import strategies as st

from campmap import InputError, read_sources, read_text
from campmap.sources import (
    clean_text,
    decode_bytes,
    read_source,
    rejoin_abbreviations,
    sentence_key,
    split_sentences,
)


def test_utf8_with_bom_and_typographic_quotes(tmp_path):
    path = write(
        tmp_path / "r.txt",
        "\ufeffCameras on \u2018the Mall\u2019 \u2013 \u201cfour\u201d.".encode(),
    )
    source = read_source(path)
    assert source.text == "Cameras on 'the Mall' \u2013 \"four\"."
    assert source.encoding == "utf-8"


def test_legacy_cp1252_is_decoded(tmp_path):
    text = (
        "Caf\u00e9 owners say \u201cten cameras\u201d went up on the High Street "
        "\u2013 for \u00a35,000."
    )
    path = write(tmp_path / "r.txt", text.encode("cp1252"))
    source = read_source(path)
    assert "Caf\u00e9" in source.text and "\u00a35,000" in source.text
    assert '"ten cameras"' in source.text
    assert source.encoding == "cp1252"


def test_utf16_with_bom(tmp_path):
    path = write(tmp_path / "r.txt", "Two cameras on Mill Road.".encode("utf-16"))
    assert read_source(path).text == "Two cameras on Mill Road."


def test_binary_file_is_refused_with_its_name(tmp_path):
    path = write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(InputError, match=r"photo\.png: binary file"):
        read_source(path)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "\u041a\u0430\u043c\u0435\u0440\u044b \u043d\u0430 \u0443\u043b\u0438\u0446\u0435",
            "cp1251",
        ),
        ("Kamery na ulici Dlouh\u00e1, \u0159ekl mluv\u010d\u00ed", "cp1250"),
        ("\u76e3\u8996\u30ab\u30e1\u30e9\u304c\u8a2d\u7f6e\u3055\u308c\u305f", "shift_jis"),
    ],
)
def test_other_legacy_encodings(text, encoding):
    assert decode_bytes(text.encode(encoding)) == (text, encoding)


def test_undecodable_bytes_name_the_file_and_line():
    noise = bytes((i * 73 + 130) % 128 + 128 for i in range(400))
    with pytest.raises(InputError) as info:
        decode_bytes(b"line one\nline two\n" + noise, "bad.txt")
    assert info.value.line == 3
    assert str(info.value).startswith("bad.txt:3: cannot decode")


def test_empty_and_missing_files(tmp_path):
    with pytest.raises(InputError, match="empty report"):
        read_source(write(tmp_path / "empty.txt", "  \n\n "))
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="no such file or folder"):
        read_sources([tmp_path / "missing.txt"])


def test_scraper_space_before_possessive_and_invisible_characters():
    assert clean_text("China 's army\u200b and\u00a0the\tMall") == "China's army and the Mall"


def test_hard_wrapped_lines_join_but_titles_stay_apart():
    text = (
        "Cameras go up in town\n"
        "Four new cameras were installed this week on the High Street, the council\n"
        "said, after a spate of thefts from parked cars near the station.\n"
    )
    paragraphs = clean_text(text).split("\n\n")
    assert paragraphs[0] == "Cameras go up in town"
    assert paragraphs[1].startswith("Four new cameras") and paragraphs[1].endswith("station.")


def test_sentences_and_offsets():
    source = read_text("First on St. James's Street. Second one here.\n\nA new paragraph")
    spans = split_sentences(source)
    assert [text for text, _, _ in spans] == [
        "First on St. James's Street.",
        "Second one here.",
        "A new paragraph",
    ]
    for text, start, end in spans:
        assert source.text[start:end] == text


def test_repeats_within_and_across_reports_are_kept_once_with_every_source(tmp_path):
    a = write(
        tmp_path / "a.txt", "Title here\n\nTen cameras line the Mall.\n\nTen cameras line the Mall."
    )
    b = write(
        tmp_path / "b.txt", "Ten cameras line the Mall (file photo)\n\nSomething else entirely."
    )
    doc = read_sources([a, b])
    texts = [s.text for s in doc.sentences]
    assert texts == ["Title here", "Ten cameras line the Mall.", "Something else entirely."]
    repeated = doc.sentences[1]
    assert [o.source for o in repeated.occurrences] == ["a.txt", "a.txt", "b.txt"]
    assert repeated.sources == ("a.txt", "b.txt")


def test_sentence_key_ignores_case_punctuation_and_photo_credit():
    assert sentence_key("Four at the Gate (file photo)") == sentence_key("four at the gate.")
    assert sentence_key("Four at the gate") != sentence_key("Five at the gate")


def test_folder_reads_reports_in_name_order_and_warns_when_empty(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    write(folder / "b.md", "# Heading\n\nTwo cameras on **Mill Road**.")
    write(folder / "a.txt", "One camera on High Street.")
    write(folder / "notes.bin", b"\x00\x01")
    write(folder / ".hidden.txt", "Ten cameras on Secret Street.")
    doc = read_sources([folder])
    assert [s.label for s in doc.sources] == ["reports/a.txt", "reports/b.md"]
    assert "Two cameras on Mill Road." in doc.sources[1].text
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert "holds no reports" in str(read_sources([empty]).problems[0])


def test_unreadable_file_in_a_batch_is_a_problem_not_a_crash(tmp_path):
    good = write(tmp_path / "good.txt", "Two cameras on Mill Road.")
    bad = write(tmp_path / "bad.txt", b"\x00\x00binary")
    doc = read_sources([good, bad])
    assert [s.label for s in doc.sources] == ["good.txt"]
    assert len(doc.problems) == 1 and doc.problems[0].path == "bad.txt"


def test_stdin():
    doc = read_sources(["-"], stdin=io.BytesIO(b"Three cameras on Mill Road."))
    assert doc.sources[0].label == "<stdin>"
    assert doc.sentences[0].text == "Three cameras on Mill Road."


def test_html_main_text_without_navigation(tmp_path):
    body = " ".join(["Residents said the cameras were a surprise to everyone in the street."] * 3)
    html = f"""<!doctype html><html><head><title>Cameras</title>
    <link rel="canonical" href="https://news.example/cameras-story"></head><body>
    <nav><ul><li>Home</li><li>Sport</li><li>Weather</li></ul></nav>
    <article><h1>New cameras in town</h1>
    <p>Four new cameras were installed on Mill Road on Monday, the council said.</p>
    <p>{body}</p></article>
    <footer>Copyright Example News. All rights reserved.</footer></body></html>"""
    source = read_source(write(tmp_path / "story.html", html))
    assert "Four new cameras were installed on Mill Road" in source.text
    assert "Sport" not in source.text and "Copyright" not in source.text
    assert source.url == "https://news.example/cameras-story"


def test_paragraphs_that_skip_syntok_are_split_as_syntok_would():
    """The fast path for one-sentence paragraphs must agree with syntok on every text we have."""
    from pathlib import Path

    from syntok import segmenter

    from campmap.sources.sentences import INNER_END

    root = Path(__file__).resolve().parent
    ours = [*root.glob("data/**/*.txt"), *(root.parent / "data" / "examples").glob("*.txt")]
    seeds = list((root.parent.parent / "shared" / "seeds").glob("*.txt"))  # when beside us
    checked = 0
    for path in ours + seeds:
        for paragraph in read_source(path).text.split("\n\n"):
            if INNER_END.search(paragraph):
                continue
            checked += 1
            by_syntok = [
                "".join(t.spacing + t.value for t in sentence).strip()
                for part in segmenter.analyze(paragraph)
                for sentence in part
                if sentence
            ]
            assert by_syntok == [paragraph.strip()], (path.name, paragraph)
    assert checked > 100  # (our own reports alone hold 101 such paragraphs)


def _syntok_alone(text: str) -> list[tuple[str, int, int]]:
    from syntok import segmenter

    out, offset = [], 0
    for paragraph in text.split("\n\n"):
        for part in segmenter.analyze(paragraph):
            for sentence in part:
                if sentence:
                    start = offset + sentence[0].offset
                    end = offset + sentence[-1].offset + len(sentence[-1].value)
                    out.append((text[start:end], start, end))
        offset += len(paragraph) + 2
    return rejoin_abbreviations(out, text)


# Sentences and fragments around which syntok decides carefully: abbreviations, months,
# initials, web addresses, numbers, brackets, quotes, ellipses.
_SENTENCE_PIECES = [
    "Four cameras went up on Mill Lane.", "Police said the cameras were working.",
    "Cameras etc. The council paid.", "It cost approx. Ten pounds were spent.",
    "Details are on example.com. Readers wrote in.", "Work began in may. Later it stopped.",
    "He left at 10 a.m. Then he came back.", "It was No. Ten on the list.",
    "They waited... Nothing happened.", "Two more at St. James's St. here.",
    "Officers (see above. Then) left.", 'The mayor said. "Next year more."',
    "Is it legal? Nobody knows.", "The U.S. Army was not involved.", "A camera in Sept. Later on.",
    "The road (the A38) was shut.", "cameras in vol. Two of the report.", "A B. Cee went.",
    "Three on Station Road!  Another on Hill Street.", "Say yes. No one did.",
    "Sites: Mill Lane and High Street.", "Update 3-1: Dunmore council has added cameras.",
    "He said: The cameras work.", "Two sites; Mill Lane and Hill Road.", "Note: A camera",
]  # fmt: skip


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), min_size=1, max_size=8), st.booleans())
def test_sentences_are_split_as_syntok_alone_would(pieces, two_paragraphs):
    """Cutting paragraphs at sure ends first (and skipping syntok where it can) changes nothing."""
    half = len(pieces) // 2 if two_paragraphs else len(pieces)
    text = " ".join(pieces[:half]) + ("\n\n" + " ".join(pieces[half:]) if pieces[half:] else "")
    source = read_text(text)
    assert split_sentences(source) == _syntok_alone(source.text)


def _syntok_splits_after(word: str) -> bool:
    """Whether syntok (its public segmenter) ends a sentence at ``word.`` before a capital."""
    from syntok import segmenter

    text = f"Four cameras stood near {word}. Cameras went up later."
    return sum(1 for part in segmenter.analyze(text) for sentence in part if sentence) == 2


def test_the_words_no_sure_end_follows_are_the_ones_syntok_does_not_split_after():
    """Our list (from syntok's public data, its private module no longer imported) is complete.

    Every lower-case word of the test corpora that syntok keeps a sentence going
    after is in ``NOT_A_SENTENCE_END``, and syntok keeps going after most of the
    list (the rest are month names, which it splits after before a word).
    """
    import re
    from pathlib import Path

    from campmap.sources.sentences import NOT_A_SENTENCE_END

    root = Path(__file__).resolve().parent
    ours = [
        path
        for path in [*root.glob("data/**/*"), *(root.parent / "data" / "examples").glob("*")]
        if path.suffix in {".txt", ".md", ".html", ".json"}  # our own reports and answers
    ]
    seeds = list((root.parent.parent / "shared" / "seeds").glob("*.txt"))  # when beside us
    words = {
        word
        for path in ours + seeds
        for word in re.findall(r"\b[a-z]{3,}\b", path.read_text(encoding="utf-8"))
    }
    assert len(words) > 500  # (561 words in our own reports and answers alone)
    kept_going = {word for word in words | NOT_A_SENTENCE_END if not _syntok_splits_after(word)}
    assert kept_going <= NOT_A_SENTENCE_END
    assert len(kept_going & NOT_A_SENTENCE_END) >= 75  # (of 96; 21 are month names)
