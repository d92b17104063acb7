"""Write every notebook's Colab badge and Colab setup cell from the one repository address.

The address lives in one place, ``[project.urls] Repository`` in pyproject.toml. After changing
it (a fork, a move), run

    python notebooks/sync_setup_cells.py           # rewrite what differs
    python notebooks/sync_setup_cells.py --check   # only report; exit 1 if anything would change

It rewrites, in each notebook, the badge line of the first markdown cell and the whole first
code cell (cell ids, metadata and saved outputs stay as they are), and in README.md every
Colab link to a notebook. tests/test_packaging.py runs the check.
"""

import argparse
import re
import sys
import tomllib
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
BADGE_SVG = "https://colab.research.google.com/assets/colab-badge.svg"
BADGE_LINE = re.compile(r"^\[!\[Open In Colab\]\(.*$", flags=re.M)
COLAB_LINK = re.compile(r"https://colab\.research\.google\.com/github/[^/\s]+/[^/\s]+/blob/main/notebooks/")

SETUP_CELL = '''\
# Colab only: fetch the project and install the package (Colab already has torch: never reinstall it)
import os, subprocess, sys

if "google.colab" in sys.modules:
    # the project's address; set STEPCODER_REPO_URL (e.g. `%env STEPCODER_REPO_URL=...`) for a fork
    repo_url = os.environ.get("STEPCODER_REPO_URL", "{url}")
    if not os.path.isdir("stepcoder-lite"):
        subprocess.run(["git", "clone", "-q", repo_url, "stepcoder-lite"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-e", "stepcoder-lite"], check=True)
    sys.path.insert(0, os.path.abspath("stepcoder-lite"))  # the editable install is seen after a restart only'''


def repo_url(root: Path = REPO) -> str:
    """The project's address, ``https://github.com/OWNER/NAME``, from pyproject.toml."""
    urls = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"].get("urls", {})
    url = urls.get("Repository", "").rstrip("/")
    if not re.fullmatch(r"https://github\.com/[^/\s]+/[^/\s]+", url):
        raise ValueError(f"[project.urls] Repository must be https://github.com/OWNER/NAME (Colab opens GitHub), got {url!r}")
    return url


def colab_prefix(url: str) -> str:
    """Where Colab opens this repository's notebooks from (the main branch)."""
    return url.replace("https://github.com/", "https://colab.research.google.com/github/") + "/blob/main/notebooks/"


def colab_badge(url: str, notebook: str) -> str:
    """The markdown badge line that opens ``notebook`` (a file name) in Colab."""
    return f"[![Open In Colab]({BADGE_SVG})]({colab_prefix(url)}{notebook})"


def with_badge(markdown: str, badge: str) -> str:
    """``markdown`` with its badge line replaced, or the badge put under the title if it has none."""
    if BADGE_LINE.search(markdown):
        return BADGE_LINE.sub(lambda _: badge, markdown, count=1)
    title, _, rest = markdown.partition("\n")
    return f"{title}\n\n{badge}\n{rest}"


def sync_notebook(path: Path, url: str, *, write: bool) -> bool:
    """Bring one notebook's badge and setup cell in line with ``url``; True if it differed."""
    nb = nbformat.read(path, as_version=4)
    first_md = next(c for c in nb.cells if c.cell_type == "markdown")
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    new_md, new_code = with_badge(first_md.source, colab_badge(url, path.name)), SETUP_CELL.format(url=url)
    changed = (first_md.source, first_code.source) != (new_md, new_code)
    if changed and write:
        first_md.source, first_code.source = new_md, new_code
        nbformat.write(nb, path)
    return changed


def sync_readme(path: Path, url: str, *, write: bool) -> bool:
    """Point README.md's Colab links at ``url``; True if any differed."""
    text = path.read_text(encoding="utf-8")
    new = COLAB_LINK.sub(lambda _: colab_prefix(url), text)
    if new != text and write:
        path.write_text(new, encoding="utf-8")
    return new != text


def sync(root: Path = REPO, *, write: bool) -> list[Path]:
    """Every file that disagreed with pyproject's address (rewritten when ``write``)."""
    url = repo_url(root)
    notebooks = sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    stale = [p for p in notebooks if sync_notebook(p, url, write=write)]
    return stale + [p for p in [root / "README.md"] if sync_readme(p, url, write=write)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file disagrees")
    args = parser.parse_args(argv)
    stale = sync(write=not args.check)
    for path in stale:
        print(f"{'stale' if args.check else 'rewrote'}: {path.relative_to(REPO)}")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
