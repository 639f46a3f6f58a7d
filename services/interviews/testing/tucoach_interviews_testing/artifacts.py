"""The built function and layers, unpacked as Lambda lays them out."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path


def unpack_as_lambda(
    function: Path, layers: Sequence[Path], destination: Path
) -> tuple[Path, Path]:
    """The function zip into `destination/var-task` (the task root) and the layers into
    `destination/opt`; returns the task root and `opt/python`, the folder Lambda puts on
    sys.path."""
    task_root, opt = destination / "var-task", destination / "opt"
    with zipfile.ZipFile(function) as archive:
        archive.extractall(task_root)
    for layer in layers:
        with zipfile.ZipFile(layer) as archive:
            archive.extractall(opt)
    return task_root, opt / "python"
