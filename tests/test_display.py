"""stepcoder_lite.display: segments cover the text once, HTML and text mark each kind."""

import pytest

from stepcoder_lite import display, masking
from stepcoder_lite.model import load_tokenizer
from stepcoder_lite.prompts import END_OF_CODE

PREFIX = "n = int(input())\n"
COMPLETION = "if n > 5:\n    print('big')\nelse:\n    print('<small & odd>')\n"


def line_tokens(text):
    # one token per line: spans of the lines of text
    spans, at = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((at, at + len(line)))
        at += len(line)
    return spans


def test_segments_join_to_the_text_with_one_kind_per_token():
    spans = line_tokens(COMPLETION)
    mask = [True, True, True, False]
    segs = display.token_segments(PREFIX, COMPLETION, spans, mask)
    assert "".join(s.text for s in segs) == PREFIX + COMPLETION
    assert [s.kind for s in segs] == ["prefix", "executed", "executed", "executed", "masked"]
    assert [s.token for s in segs] == [None, 0, 1, 2, 3]
    assert display.MaskedCompletion(segs).masked_fraction == pytest.approx(1 / 4)


def test_overlapping_spans_show_a_character_once():
    text = "x = '→'\n"
    # the arrow (character 5) split over three byte tokens, as token_char_spans reports it
    spans = [(0, 5), (5, 6), (5, 6), (5, 8)]
    segs = display.token_segments("", text, spans, [True, True, True, True])
    assert "".join(s.text for s in segs) == text
    assert [s.token for s in segs] == [0, 1, 3]


def test_bad_input_raises():
    with pytest.raises(ValueError):
        display.token_segments("", "ab", [(0, 1)], [True, False])
    with pytest.raises(ValueError):
        display.token_segments("", "ab", [(0, 3)], [True])
    with pytest.raises(ValueError):
        display.token_segments("", "ab", [], [])


def test_html_escapes_and_marks_each_kind():
    segs = display.token_segments(PREFIX, COMPLETION, line_tokens(COMPLETION), [True, True, True, False])
    page = display.to_html(segs, title="wrong_answer <-0.3>")
    assert "&lt;small &amp; odd&gt;" in page and "<small" not in page
    assert "wrong_answer &lt;-0.3&gt;" in page
    masked = page.split("<del ")[1]  # the first struck-through segment is the untaken branch
    assert masked.split(">", 1)[1].startswith("    print(&#x27;&lt;small")
    assert page.count("<del ") == 1  # one masked token (the legend uses a bare <del>)
    assert display.COLOURS["prefix"][0] in page and display.COLOURS["executed"][0] in page


def test_text_gutter_marks_lines_and_masked_characters():
    spans = line_tokens(COMPLETION)
    text = display.to_text(display.token_segments(PREFIX, COMPLETION, spans, [True, False, True, True]), legend=False)
    assert text.splitlines() == [
        "P | n = int(input())",
        "+ | if n > 5:",
        "- |     print('big')",
        "+ | else:",
        "+ |     print('<small & odd>')",
    ]
    # a token that straddles two lines ('a = 1\nb = ' executed, 'a + c\n' masked): line 2 is mixed
    mixed = display.to_text(display.token_segments("", "a = 1\nb = a + c\n", [(0, 10), (10, 16)], [True, False]),
                            legend=False)
    assert mixed.splitlines() == ["+ | a = 1", "~ | b = a + c", "  |     ^ ^ ^"]


def test_completion_view_on_the_shipped_tokenizer():
    tokenizer = load_tokenizer("tiny")
    ids = tokenizer.encode(COMPLETION + END_OF_CODE, add_special_tokens=False)  # what the model sampled
    executed_lines = {1, 2, 4, 5}  # n <= 5: the `if` line, `else:` and its body ran; line 3 did not
    mask = masking.executed_token_mask_for_ids(tokenizer, ids, COMPLETION, executed_lines, prefix=PREFIX,
                                               verdict="wrong_answer")
    view = display.completion_view(tokenizer, ids, mask, prefix=PREFIX, title="demo")
    assert "".join(s.text for s in view.segments) == PREFIX + COMPLETION + END_OF_CODE
    lines = repr(view).splitlines()
    assert lines[0] == "demo"
    marks = {line.split(" | ", 1)[1].strip(): line[0] for line in lines[1:] if " | " in line}
    assert marks["print('big')"] in ("-", "~")  # the untaken branch: masked (its indent may ride on the token before)
    assert marks["print('<small & odd>')"] == "+" and marks["n = int(input())"] == "P"
    assert 0 < view.masked_fraction < 1
    assert "<del " in view._repr_html_()


def test_side_by_side_shows_every_view_with_its_masked_spans_and_one_key():
    spans = line_tokens(COMPLETION)
    views = [display.MaskedCompletion(display.token_segments(PREFIX, COMPLETION, spans, mask), title)
             for title, mask in (("all kept", [True] * 4), ("last masked", [True, True, True, False]))]
    grid = display.side_by_side(views, columns=2)
    html = grid._repr_html_()
    assert "repeat(2, 1fr)" in html
    assert html.index("all kept") < html.index("last masked")
    masked = html.split("<del ")[1].split("</del>")[0]
    assert html.count("<del ") == 1 and "&lt;small &amp; odd&gt;" in masked  # the one masked token, escaped
    assert html.count("masked by FGO") == 1  # the colour key once, not per view
    text = repr(grid)
    assert "- |     print('<small & odd>')" in text and text.count("no test ran it") == 1
