"""Bad input: the project's own error type, and reading a user's text file with errors that name it.

Every command reads things a person typed or pointed at: a problem file, a tests file, a
model folder, a ``--set FIELD=VALUE``, an output folder to resume. When one of them is wrong,
the code that parses it raises :class:`InputError` with a message that names the file, the
record, the field or the flag, and says what was expected. The command line
(:func:`stepcoder_lite.cli.main`) turns exactly these errors into one line on stderr and exit
code 2; ``--debug`` shows the traceback instead. Any other exception is a bug of ours and
keeps its traceback.
"""

from __future__ import annotations

import gzip
from pathlib import Path


class InputError(ValueError):
    """Something the user gave (a file, a record in it, a flag, a folder) is wrong.

    The message is one line that names it and says what was expected. A ``ValueError``, so
    code that caught ``ValueError`` from the loaders and configs before still does.
    """


class MissingInputError(InputError, FileNotFoundError):
    """A path the user gave does not exist (also a ``FileNotFoundError``, as it was before)."""


class RunSetupError(InputError):
    """The output folder, the launch and the request disagree (a resume with other settings, a
    finished run without --resume, a batch that does not split over the processes, ...):
    nothing was trained."""


def one_line(message: str) -> str:
    """``message`` with its line breaks folded into spaces (third-party messages span lines)."""
    return " ".join(part.strip() for part in str(message).splitlines() if part.strip())


def decode_utf8(data: bytes, path: str | Path) -> str:
    """``data`` as UTF-8 text, or an :class:`InputError` that says which file and where.

    Python's own ``UnicodeDecodeError`` names neither the file nor the line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(f"{path}: not UTF-8 text (byte 0x{data[e.start]:02x} at line {line}, offset {e.start}); "
                         f"save the file as UTF-8") from None


def read_text(path: str | Path) -> str:
    """The UTF-8 text of a user's file (``.gz`` files are decompressed).

    Raises :class:`MissingInputError` when there is no such file and :class:`InputError` when
    it is a folder, unreadable, or not UTF-8; every message starts with the path."""
    path = Path(path)
    if not path.exists():
        raise MissingInputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a file")
    try:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    except (OSError, EOFError) as e:  # permission denied, a truncated .gz, ...
        raise InputError(f"{path}: cannot be read ({getattr(e, 'strerror', None) or e})") from None
    return decode_utf8(data, path)


def read_json(path: str | Path):
    """The JSON value in a user's file; errors name the file and, for bad JSON, the line and column."""
    import json

    text = read_text(path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty, expected JSON")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
