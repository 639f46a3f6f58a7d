"""Adds `__pycache__/*.pyc` for every `.py` in a Lambda zip, compiled by the runtime's Python.

Lambda's `/opt` and `/var/task` are read-only, so without bytecode in the zip every cold start
compiles every module it imports. The `.pyc` use unchecked-hash invalidation (PEP 552): no
timestamp inside, the import system trusts them without reading the source, and the bytes depend
on the source alone, so the zip stays reproducible.

Run by the plugin's rules in a sandbox, with the interpreter of the Lambda runtime and
PYTHONHASHSEED=0 (set iteration order in marshalled constants depends on it). Stdlib only:
usage `python zip_bytecode.py ZIP PYTHON_VERSION RUNTIME_ROOT`, rewrites ZIP in place.
"""

from __future__ import annotations

import importlib.util
import py_compile
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath


def _pyc_name(source: str) -> str:
    # Where the runtime's import system looks for the source's bytecode (a zip path is POSIX).
    return importlib.util.cache_from_source(source)


def _compile(source: str, data: bytes, runtime_root: str, scratch: Path) -> bytes:
    source_file = scratch / "source.py"
    source_file.write_bytes(data)
    compiled = scratch / "source.pyc"
    py_compile.compile(
        str(source_file),
        cfile=str(compiled),
        # The name tracebacks show; the import system replaces it with the real path anyway.
        dfile=str(PurePosixPath(runtime_root) / source),
        doraise=True,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    return compiled.read_bytes()


def add_bytecode(archive: Path, runtime_root: str) -> int:
    """Rewrites `archive` with a `.pyc` beside each `.py`; returns how many were added."""
    with zipfile.ZipFile(archive) as source:
        entries = {info.filename: (info, source.read(info)) for info in source.infolist()}
    added: dict[str, tuple[zipfile.ZipInfo, bytes]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, (info, data) in sorted(entries.items()):
            if info.is_dir() or not name.endswith(".py"):
                continue
            pyc = _pyc_name(name)
            cache_dir = pyc.rpartition("/")[0] + "/"
            parent_dir = name.rpartition("/")[0] + "/"
            if parent_dir in entries and cache_dir not in entries and cache_dir not in added:
                added[cache_dir] = (_like(entries[parent_dir][0], cache_dir), b"")
            compiled = _compile(name, data, runtime_root, Path(scratch))
            added[pyc] = (_like(info, pyc), compiled)
    entries.update(added)
    rewritten = archive.with_name(archive.name + ".tmp")
    with zipfile.ZipFile(rewritten, "w") as target:
        for _, (info, data) in sorted(entries.items()):
            target.writestr(info, data)
    rewritten.replace(archive)
    return sum(1 for name in added if name.endswith(".pyc"))


def _like(template: zipfile.ZipInfo, name: str) -> zipfile.ZipInfo:
    """A new entry with the template's fixed timestamp, permissions and compression."""
    info = zipfile.ZipInfo(name, date_time=template.date_time)
    info.external_attr = template.external_attr
    info.create_system = template.create_system
    info.compress_type = template.compress_type
    return info


def main(argv: list[str]) -> int:
    archive, python_version, runtime_root = argv
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    if running != python_version:
        print(f"bytecode for Python {python_version} needs that interpreter, not {running}")
        return 1
    if sys.flags.hash_randomization:
        print("run with PYTHONHASHSEED=0: marshalled sets follow string hashes")
        return 1
    count = add_bytecode(Path(archive), runtime_root)
    print(f"{archive}: added {count} .pyc")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
