"""The one writer of data files' YAML, for every tool that writes into a data folder (publish, new-year, sample,
synth): what it writes, the loader (load/yaml_file.py) reads back as it was, and a person reads as the
hand-written files are laid out.

- Every value is written where it stands: no anchors or aliases (& and *), which the loader refuses and which
  PyYAML would otherwise use for a value two records share (a date of two corrections).
- A string that a YAML reader would take for a number, a truth value or nothing is quoted: `item: '09'`, not
  `item: 09`, which PyYAML reads as the text 09 but YAML 1.2 readers (and so other tools) as the number 9.
- Lists are indented under their key, Chinese is written as itself and no line is broken.

The site's own YAML (page front matter, the generated mkdocs.yml) is render/'s and website/'s to write.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

# What YAML 1.2's core schema reads as a number (PyYAML, which reads YAML 1.1, already quotes its own forms:
# 1_000, 0b1, 1:20, yes, on, ~ …): 09, -1, +.5, 1e3, 0o17, 0x1F, .inf, .NaN
NUMBER = re.compile(r"[-+]?(?:[0-9]+|\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
                    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _string(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="'" if NUMBER.fullmatch(text) else None)


_Dumper.add_representer(str, _string)


def yaml_text(content: object) -> str:
    """`content` as a data file's YAML."""
    return yaml.dump(content, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False)


def write_yaml(path: Path, content: object, header: str = "") -> Path:
    """Write `content` to the data file `path` (UTF-8), after `header`: comment lines, each starting with #."""
    assert all(line.startswith("#") for line in header.splitlines()), header
    path.write_text(header + yaml_text(content), encoding="utf-8")
    return path
