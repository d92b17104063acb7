"""Show a sampled completion the way FGO sees it: given prefix, executed tokens, masked tokens.

A rollout row is three pieces of text, and the PPO loss treats them differently:

=============  ==========================================================  ================
kind           what it is                                                  in the loss?
=============  ==========================================================  ================
``prefix``     CCCS's given prefix of the canonical solution (the prompt)  never
``executed``   completion tokens whose code a unit test ran                yes
``masked``     completion tokens of code no test ran (FGO)                 no (policy loss)
=============  ==========================================================  ================

:func:`token_segments` cuts ``prefix + response`` into one :class:`Segment` per token (the
prefix as one), from the token character spans and the executed mask that
:mod:`stepcoder_lite.masking` computes. :func:`to_html` colours them (prefix blue, executed
green, masked grey and struck through; alternate shades show token boundaries), and
:func:`to_text` marks each line in a gutter for places without HTML (a terminal, a log).
:class:`MaskedCompletion` carries both, so ``IPython.display.display(view)`` shows the HTML
in a notebook and the text anywhere else. Nothing here imports torch or IPython.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Sequence

KINDS = ("prefix", "executed", "masked")

# (background of even tokens, background of odd tokens, text colour)
COLOURS = {
    "prefix": ("#dde8f7", "#dde8f7", "#2b5d9b"),
    "executed": ("#c8eec8", "#e0f6e0", "#000000"),
    "masked": ("#e2e2e2", "#eeeeee", "#8a8a8a"),
}

GUTTER = {"prefix": "P", "executed": "+", "masked": "-", "mixed": "~", "blank": " "}
LEGEND_TEXT = ("P given prefix (prompt, never in the loss)   + executed: in the loss   "
               "- no test ran it: masked by FGO   ~ mixed line, ^ under its masked characters")


@dataclass(frozen=True)
class Segment:
    """A run of text of one kind: the whole prefix, or one completion token's characters."""

    text: str
    kind: str  # one of KINDS
    token: int | None = None  # index of the completion token (None for the prefix)


def token_segments(prefix: str, response_text: str, spans: Sequence[tuple[int, int]],
                   executed_mask: Sequence[bool]) -> list[Segment]:
    """``prefix + response_text`` cut into segments, one per completion token.

    ===============  =========  ==========================================================
    argument         shape      meaning
    ===============  =========  ==========================================================
    prefix           str        the CCCS given prefix ("" at the whole-program stage)
    response_text    str        the decoded response (completion, then end marker / EOS)
    spans            (T,)       ``(start, end)`` of each token in ``response_text``
                                (:func:`stepcoder_lite.masking.token_char_spans`)
    executed_mask    (T,)       bool, True where FGO keeps the token in the policy loss
    ===============  =========  ==========================================================

    Every character appears exactly once, so the segments' texts join to
    ``prefix + response_text``. Spans may overlap (a character split over several byte
    tokens belongs to all of them): its text goes to the first of those tokens.
    """
    if len(spans) != len(executed_mask):
        raise ValueError(f"token_segments: {len(spans)} spans but {len(executed_mask)} mask entries")
    if response_text and not spans:
        raise ValueError("token_segments: a non-empty response needs token spans")
    segments = [Segment(prefix, "prefix")] if prefix else []
    at = 0  # first character of response_text not yet shown
    for t, ((start, end), kept) in enumerate(zip(spans, executed_mask)):
        if not 0 <= start <= end <= len(response_text):
            raise ValueError(f"token_segments: token {t} span ({start}, {end}) is outside the response "
                             f"(length {len(response_text)})")
        if end <= at:  # already shown with an earlier token (overlapping multi-byte character)
            continue
        segments.append(Segment(response_text[at:end], "executed" if kept else "masked", t))
        at = end
    if at < len(response_text):  # text after the last span: shown as the last token's
        last = segments[-1]
        segments[-1] = Segment(last.text + response_text[at:], last.kind, last.token)
    return segments


def to_html(segments: Sequence[Segment], title: str = "", legend: bool = True) -> str:
    """An HTML block: monospace, one ``<span>`` per segment with its background colour.

    Masked tokens are also struck through (``<del>``) and the prefix is in italics (``<i>``),
    so the three kinds stay apart where a viewer drops inline styles or colours are hard to see.
    """
    parts = []
    for seg in segments:
        even, odd, colour = COLOURS[seg.kind]
        background = odd if (seg.token or 0) % 2 else even  # alternate shades: token boundaries
        tag = {"prefix": "i", "executed": "span", "masked": "del"}[seg.kind]
        tip = "given prefix" if seg.token is None else f"token {seg.token}: {seg.kind}"
        parts.append(f'<{tag} title="{tip}" style="background:{background};color:{colour}">'
                     f"{html.escape(seg.text)}</{tag}>")
    head = f'<div style="font-weight:bold;margin-bottom:2px">{html.escape(title)}</div>' if title else ""
    key = legend_html() if legend else ""
    body = ('<pre style="font-family:monospace;font-size:12px;line-height:1.35;margin:0;padding:4px;'
            'white-space:pre-wrap">' + "".join(parts) + "</pre>")
    return f"<div>{head}{body}{key}</div>"


def legend_html() -> str:
    """The colour key: one swatch per kind."""
    swatch = '<span style="background:{};color:{};padding:0 4px">{}</span>'
    return ('<div style="font-size:85%;margin-top:2px">'
            + swatch.format(COLOURS["prefix"][0], COLOURS["prefix"][2], "<i>given prefix (prompt)</i>") + " "
            + swatch.format(COLOURS["executed"][0], COLOURS["executed"][2], "executed: in the loss") + " "
            + swatch.format(COLOURS["masked"][0], COLOURS["masked"][2], "<del>masked by FGO</del>")
            + "</div>")


def to_text(segments: Sequence[Segment], title: str = "", legend: bool = True) -> str:
    """Plain text: each line with a gutter mark (``P`` prefix, ``+`` executed, ``-`` masked,
    ``~`` mixed). A line is judged by its non-blank characters (a token such as ``"\\n    "``
    carries the next line's indent); under a mixed line, ``^`` marks its masked characters."""
    text = "".join(s.text for s in segments)
    kinds = [s.kind for s in segments for _ in s.text]  # (len(text),) kind of every character
    out = [title] if title else []
    at = 0
    for line in text.split("\n"):
        line_kinds = kinds[at : at + len(line)]
        at += len(line) + 1  # + the newline
        seen = {k for ch, k in zip(line, line_kinds) if not ch.isspace()}
        mark = GUTTER["blank"] if not seen else GUTTER[seen.pop()] if len(seen) == 1 else GUTTER["mixed"]
        out.append(f"{mark} | {line}")
        if mark == GUTTER["mixed"]:
            under = "".join("^" if k == "masked" and not ch.isspace() else " " for ch, k in zip(line, line_kinds))
            out.append(f"  | {under.rstrip()}")
    if out and out[-1] == f"{GUTTER['blank']} | ":  # the text's final newline
        out.pop()
    if legend:
        out.append(LEGEND_TEXT)
    return "\n".join(out)


class MaskedCompletion:
    """A completion to display: HTML in a notebook (``_repr_html_``), text elsewhere (``repr``)."""

    def __init__(self, segments: Sequence[Segment], title: str = ""):
        self.segments = list(segments)
        self.title = title

    @property
    def masked_fraction(self) -> float:
        """Share of completion tokens FGO keeps out of the policy loss (the ``fgo_masked_frac`` of one row)."""
        tokens = {s.token: s.kind for s in self.segments if s.token is not None}
        return sum(k == "masked" for k in tokens.values()) / len(tokens) if tokens else 0.0

    def _repr_html_(self) -> str:
        return to_html(self.segments, self.title)

    def __repr__(self) -> str:
        return to_text(self.segments, self.title)


def completion_view(tokenizer: Any, response_ids: Sequence[int], executed_mask: Sequence[bool], *,
                    prefix: str = "", title: str = "") -> MaskedCompletion:
    """The :class:`MaskedCompletion` of one rollout row: its sampled ids (unpadded), the FGO
    mask over them (:func:`stepcoder_lite.masking.executed_token_mask_for_ids`) and its prefix."""
    from stepcoder_lite.masking import token_char_spans

    spans, text = token_char_spans(tokenizer, response_ids)
    return MaskedCompletion(token_segments(prefix, text, spans, executed_mask), title)


class Grid:
    """Several :class:`MaskedCompletion` views in columns (HTML), or one after another (text)."""

    def __init__(self, views: Sequence[MaskedCompletion], columns: int = 2):
        self.views = list(views)
        self.columns = max(1, columns)

    def _repr_html_(self) -> str:
        cells = "".join(f'<div style="min-width:0">{to_html(v.segments, v.title, legend=False)}</div>' for v in self.views)
        return (f'<div style="display:grid;grid-template-columns:repeat({self.columns}, 1fr);gap:8px">'
                f"{cells}</div>{legend_html()}")  # the colour key once, below the grid

    def __repr__(self) -> str:
        return "\n\n".join(to_text(v.segments, v.title, legend=False) for v in self.views) + "\n" + LEGEND_TEXT


def side_by_side(views: Sequence[MaskedCompletion], columns: int = 2) -> Grid:
    """Compare completions at a glance: ``display(side_by_side([view_a, view_b]))``."""
    return Grid(views, columns)


# --------------------------------------------------------------------------- configs side by side


class MarkdownTable(str):
    """A Markdown string that a notebook renders as a table (``_repr_markdown_``)."""

    def _repr_markdown_(self) -> str:
        return str(self)


def flat_fields(config: Any) -> dict[str, Any]:
    """``config.to_dict()`` with nested configs flattened to dotted names (``ppo.kl_coef``)."""
    out: dict[str, Any] = {}
    for key, value in config.to_dict().items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            out[key] = value
    return out


def config_table(configs: dict[str, Any], skip: Sequence[str] = ("preset", "out_dir")) -> MarkdownTable:
    """One row per field whose value differs between the named configs (each with a
    ``to_dict()``, e.g. :class:`~stepcoder_lite.trainer.TrainConfig` presets), one column per
    config; fields in ``skip`` are left out. Fields every config shares are not shown."""
    flat = {name: flat_fields(c) for name, c in configs.items()}
    fields = [f for f in next(iter(flat.values()), {})
              if f not in skip and len({repr(v.get(f)) for v in flat.values()}) > 1]
    lines = ["| field | " + " | ".join(configs) + " |", "|---|" + "---|" * len(configs)]
    lines += [f"| `{f}` | " + " | ".join(f"`{v.get(f)!r}`" for v in flat.values()) + " |" for f in fields]
    return MarkdownTable("\n".join(lines))
