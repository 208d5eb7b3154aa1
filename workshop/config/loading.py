"""Loading and validating the YAML data files; errors name the file, the key and the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from workshop.domain.errors import ConfigError

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
M = TypeVar("M", bound=BaseModel)


def line_of(node: yaml.Node | None, path: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest node along `path` in a composed YAML tree."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if getattr(k, "value", None) == str(part)), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file safely; a syntax error becomes a ConfigError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), "", None, f"cannot read the file: {exc.strerror}") from exc
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(str(path), "", line, f"not valid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(str(path), "", None, f"not valid YAML: {exc}") from exc


def validate(model: type[M], data: Any, node: yaml.Node | None, file: str) -> M:
    """Validate parsed YAML against a model; the first error names its key path and line."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = tuple(p for p in first["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        key = ".".join(str(p) for p in path)
        raise ConfigError(file, key, line_of(node, path), first["msg"]) from exc


def load_model(path: Path, model: type[M]) -> M:
    """Read and validate one YAML file."""
    data, node = read_yaml(path)
    return validate(model, data, node, str(path))
