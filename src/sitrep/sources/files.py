"""Finding inputs (files, folders, globs, stdin) and reading their bytes safely.

Everything here fails with an ``InputError`` that names the input: a batch
reports the bad file and goes on with the others.
"""

from __future__ import annotations

import glob
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError

# Extensions read when walking a folder (a .gz of any of them too).
HTML_EXT = (".html", ".htm", ".xhtml")
TEXT_EXT = (".txt", ".text")
MARKDOWN_EXT = (".md", ".markdown")
RECORD_EXT = (".jsonl", ".ndjson", ".json")
FEED_EXT = (".xml", ".rss", ".atom")
KNOWN_EXT = HTML_EXT + TEXT_EXT + MARKDOWN_EXT + RECORD_EXT + FEED_EXT

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_GLOB_CHARS = set("*?[")


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def base_name(name: str) -> str:
    """The file name without a trailing .gz, lower-cased, for choosing a reader."""
    lower = name.lower()
    return lower[:-3] if lower.endswith(".gz") else lower


def _walk(folder: Path) -> Iterator[str | InputError]:
    """The readable files under ``folder``; a sub-folder that cannot be listed is an error,
    never a silent gap."""
    found = False
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:
            yield _folder_error(unreadable.pop(0))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and base_name(name).endswith(KNOWN_EXT):
                found = True
                yield os.path.join(root, name)
    for err in unreadable:
        yield _folder_error(err)
    if not found and not unreadable:
        yield InputError(
            str(folder),
            f"folder holds no readable files (looked for {', '.join(KNOWN_EXT)}, also gzipped)",
        )


def _folder_error(err: OSError) -> InputError:
    where = str(err.filename) if err.filename else "folder"
    if isinstance(err, PermissionError):
        return InputError(where, "folder cannot be read (permission denied); its files were "
                          "left out; check its permissions")
    return InputError(where, f"folder cannot be read ({err.strerror or err}); its files were "
                      "left out")


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[str | InputError]:
    """Each input as a file path, '-' or URL; folders walked, globs expanded, in order.

    Problems come out as ``InputError`` values so that the caller can report
    them and go on.
    """
    for given in inputs:
        name = os.fspath(given)
        if name == "-" or is_url(name):
            yield name
            continue
        path = Path(name).expanduser()
        try:
            path.stat()
        except PermissionError:
            yield InputError(name, "permission denied; check the permissions of it and of "
                             "the folders above it")
            continue
        except OSError:
            pass  # not a file: a glob, a bad URL or a missing path, told apart below
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield str(path)
        elif _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(os.path.expanduser(name), recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            if not files:
                yield InputError(name, "pattern matches no files")
            yield from files
        elif "://" in name:
            scheme = name.split("://", 1)[0]
            yield InputError(name, f"'{scheme}' URLs are not supported; use http:// or https://")
        else:
            yield InputError(name, "no such file or folder")


def _gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip (also several members) without ever holding more than the cap."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as err:
            raise InputError(
                source, f"corrupt gzip data ({err}); re-download or re-compress the file"
            ) from err
        if len(out) > max_bytes:
            raise InputError(source, _too_large(max_bytes, "uncompressed"), hint="max_bytes")
        if not inflater.eof:
            raise InputError(
                source, "truncated gzip data (the file ends early); re-download or re-compress it"
            )
        rest = inflater.unused_data.lstrip(b"\x00")
    return bytes(out)


def _too_large(max_bytes: int, what: str = "") -> str:
    mb = max_bytes / (1024 * 1024)
    return (
        f"{what + ' ' if what else ''}size exceeds the {mb:.0f} MB limit; "
        "raise the limit if this really is one page"
    )


def read_input_bytes(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a file (or '-' for stdin), gunzipped when gzipped.

    Refuses empty input and input over ``max_bytes``.
    """
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            size = os.path.getsize(name)
            if size > max_bytes and not name.lower().endswith(".gz"):
                raise InputError(name, _too_large(max_bytes), hint="max_bytes")
            with open(name, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except PermissionError as err:
            raise InputError(name, "permission denied; check the file's permissions") from err
        except OSError as err:
            raise InputError(name, f"cannot be read ({err.strerror or err})") from err
    if len(data) > max_bytes:
        raise InputError(name, _too_large(max_bytes), hint="max_bytes")
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, name, max_bytes)
    elif name.lower().endswith(".gz"):
        raise InputError(name, "named .gz but is not gzip data; rename or re-compress it")
    if not data.strip():
        raise InputError(name, "empty file: nothing to read")
    return data
