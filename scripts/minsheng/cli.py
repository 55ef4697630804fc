"""The command line: `minsheng <subcommand>`. Each subcommand calls one stage; no logic lives here."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .model import FILE_MODELS
from .problems import CODES

DEFAULT_DATA = Path("data")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minsheng", description="民生实事公开网站的构建工具")
    commands = parser.add_subparsers(dest="command", required=True, metavar="子命令")

    validate = commands.add_parser("validate", help="检查 data/ 中的全部数据，列出所有问题")
    validate.add_argument("--data", type=Path, default=DEFAULT_DATA, help="数据文件夹（默认 data）")
    validate.add_argument("--json", action="store_true", help="以 JSON 输出问题列表")
    validate.add_argument("--codes", action="store_true", help="列出所有问题代码及含义")

    schema = commands.add_parser("schema", help="输出每种数据文件的 JSON Schema")
    schema.add_argument("--out", type=Path, required=True, help="输出文件夹")

    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    if args.command == "schema":
        return _schema(args)
    return 2


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate_data

    if args.codes:
        for code, meaning in CODES.items():
            print(f"{code}\t{meaning}")
        return 0
    if not args.data.is_dir():
        print(f"{args.data}：错误 找不到数据文件夹；应为：包含 site.yaml 和年度文件夹的目录。", file=sys.stderr)
        return 1
    plan, report = validate_data(args.data)
    if args.json:
        print(report.as_json())
    else:
        for problem in report.sorted():
            print(problem)
        items = sum(len(year.items) for year in plan.years.values())
        summary = f"共检查 {len(plan.years)} 个年度、{items} 个项目：{len(report.errors)} 个错误，{len(report.notices)} 个提示。"
        print(summary if report.problems else f"{summary}数据无误。")
    return 0 if report.ok else 1


def _schema(args: argparse.Namespace) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    for name, model in FILE_MODELS.items():
        path = args.out / f"{name}.schema.json"
        path.write_text(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(path)
    return 0
