"""The command line: `minsheng <subcommand>`. It parses the arguments, calls the stage or tool that does
the work and prints its result in Chinese; each command imports only what it uses, so that starting
one costs little. No Python traceback reaches the user: an unexpected failure is reported in one
Chinese sentence with what to do."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .errors import UserError

PROJECT = Path(__file__).resolve().parents[2]  # the checkout the tool is installed from
PENDING = ("revision", "correction-pending", "unconfirmed")  # what diff reports rather than refuses: changes to published months, items still to fill in
SAMPLE_SEED = 20240408  # the notice's publication date: the shipped sample files come from this seed


def default_data() -> Path:
    """data/ in the working folder, else the project's own: every command works from any folder."""
    here = Path("data")
    return here if here.is_dir() or not (PROJECT / "data").is_dir() else PROJECT / "data"


def default_config() -> Path:
    here = Path("mkdocs.yml")
    return here if here.is_file() or not (PROJECT / "mkdocs.yml").is_file() else PROJECT / "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="minsheng", description="民生实事公开网站的构建工具")
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data", type=Path, default=None,
                      help="数据文件夹（默认：当前文件夹下的 data，没有时用本项目的 data）")
    commands = parser.add_subparsers(dest="command", required=True, metavar="子命令")

    validate = commands.add_parser("validate", parents=[data], help="检查 data/ 中的全部数据，列出所有问题")
    validate.add_argument("--json", action="store_true", help="以 JSON 输出问题列表")
    validate.add_argument("--codes", action="store_true", help="列出所有问题代码及含义")

    schema = commands.add_parser("schema", help="输出每种数据文件的 JSON Schema")
    schema.add_argument("--out", type=Path, required=True, help="输出文件夹")

    new = commands.add_parser("new-month", parents=[data], help="生成下个月的进展和资金 CSV（按上月数据预填）")
    new.add_argument("month", help="月份，如 2024-08")
    new.add_argument("--xlsx", type=Path, help="同时生成一个供填写的 Excel 工作簿")
    new.add_argument("--force", action="store_true", help="覆盖已有的文件")

    export = commands.add_parser("export", parents=[data], help="导出某月自己的 Excel 工作簿（含进展情况），用于更正已发布的月份")
    export.add_argument("month", help="月份，如 2024-11")
    export.add_argument("--xlsx", type=Path, required=True, help="写出的工作簿，如 2024-11.xlsx")

    load = commands.add_parser("import", parents=[data], help="把填好的 Excel 工作簿转为某月（或年度流程）的 CSV，并检查")
    load.add_argument("workbook", type=Path, help="Excel 工作簿（.xlsx），含“进展”“资金”两个工作表（年度流程：征集、票决、调整、监督、测评）")
    which = load.add_mutually_exclusive_group(required=True)
    which.add_argument("--month", help="月份，如 2024-07")
    which.add_argument("--cycle", type=int, help="年度流程的年度，如 2025：导入征集、票决、调整、监督、测评的工作表")
    load.add_argument("--template", action="store_true", help="与 --cycle 一起用：写出要填写的年度流程工作簿（含现有的内容），不导入")
    load.add_argument("--force", action="store_true", help="覆盖已有的文件")

    inbox = commands.add_parser("inbox", parents=[data],
                                help="导入 inbox/ 中交回的 Excel 工作簿，按拉取请求说明登记发布，检查数据，写出拉取请求的评论")
    inbox.add_argument("--base", help="比较的版本，如 origin/main（变更报告和发布登记以它为准）")
    inbox.add_argument("--out", type=Path, help="把评论 comment.md、report.json 和要提交的文件（files/）写到这个文件夹")
    inbox.add_argument("--event", type=Path, help="GitHub 的事件文件（默认取 GITHUB_EVENT_PATH）：拉取请求的编号和说明")

    opening = commands.add_parser("open-month", parents=[data],
                                  help="（GitHub Actions 中）生成某月的填报表格，放在新分支的 outbox/ 中，并新建拉取请求")
    opening.add_argument("month", help="月份，如 2024-08：新的月份按上月预填，已有的月份导出它现在的表格以便更正")

    reply = commands.add_parser("reply", help="（GitHub Actions 中）拉取请求检查之后：把导入的文件提交回分支，或在拉取请求上写检查结果")
    reply.add_argument("action", choices=["commit", "comment"], help="commit：提交回分支；comment：写评论")
    reply.add_argument("report", type=Path, help="检查留下的结果文件夹（minsheng inbox --out 写的）")
    reply.add_argument("--repo", type=Path, default=Path("."), help="本仓库的检出（默认当前文件夹）")

    start = commands.add_parser("new-year", parents=[data],
                                help="从新一年的通知（或项目表格）生成计划草稿和核对表；--import-review 导入填好的核对表")
    start.add_argument("year", type=int, help="年度，如 2025")
    source = start.add_mutually_exclusive_group(required=True)
    source.add_argument("--notice", type=Path, help="通知全文（UTF-8 或 GB18030/GBK 编码的 .txt），或办公室的项目表格"
                        "（.xlsx 或 .csv，表头如 序号、项目名称、主要内容、牵头单位、配合单位、完成时限）")
    source.add_argument("--import-review", type=Path, metavar="核对表.xlsx",
                        help="导入填好的核对表：按“你的决定”和“改为”列改好草稿，删去已决定的待核对条目")
    start.add_argument("--review-sheet", type=Path, metavar="核对表.xlsx",
                       help="核对表写到哪里（默认 data/<年度>/核对表.xlsx）")

    sample = commands.add_parser("sample", parents=[data], help="重新生成随数据提供的演示样例月报（固定随机种子）")
    sample.add_argument("--year", type=int, default=2024, help="年度（默认 2024）")
    sample.add_argument("--seed", type=int, default=SAMPLE_SEED, help=f"随机种子（默认 {SAMPLE_SEED}）")

    release = commands.add_parser("publish", parents=[data], help="登记某月月报（或年度流程）的发布，存档发布时的数据，并登记其后的更正")
    release.add_argument("month", nargs="?", help="发布的月份，如 2024-08")
    release.add_argument("--cycle", type=int, metavar="年度", help="改为发布这一年度的年度流程文件（征集、票决、调整、监督、测评），如 2025")
    release.add_argument("--date", required=True, type=dt.date.fromisoformat, help="发布日期，如 2024-09-10")

    synthetic = commands.add_parser("synth", parents=[data], help="生成任意规模的合成测试数据（写在 data/ 以外）")
    synthetic.add_argument("--items", type=int, required=True, help="项目数")
    synthetic.add_argument("--months", type=int, default=12, help="月份数（默认 12）")
    synthetic.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
    synthetic.add_argument("--out", type=Path, required=True, help="输出文件夹（不能在 data/ 里）")
    synthetic.add_argument("--cycle", action="store_true",
                           help="合成完整的年度流程：征集、票决、实施（含调整）、监督、测评（演示用）")

    measure = commands.add_parser("bench", parents=[data],
                                  help="测量构建的耗时（整个进程，三次取中位数）、内存和网站大小（随附数据及合成的大规模数据）")
    measure.add_argument("--scales", default="1,10,100", help="数据规模倍数，逗号分隔（默认 1,10,100）")
    measure.add_argument("--years", help="改为测量多个年度：年度数，逗号分隔（如 1,10），由随附数据逐年平移生成（测试数据）")

    compare = commands.add_parser("diff", parents=[data], help="比较两个版本的数据，输出变更报告（Markdown）")
    compare.add_argument("base", help="原来的数据文件夹，或 git 版本（如 origin/main）")
    compare.add_argument("head", help="新的数据文件夹，或 git 版本（如 HEAD）")

    build = commands.add_parser("build", parents=[data], help="检查数据、生成页面并用 mkdocs（或 zensical）构建网站")
    build.add_argument("--out", type=Path, default=Path("site"), help="网站输出文件夹（默认 site）")
    build.add_argument("--work", type=Path, help="生成的页面放在哪里（默认：mkdocs.yml 旁的 build）")
    build.add_argument("--config", type=Path, default=None, help="mkdocs 配置（默认 mkdocs.yml）")
    build.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                       help="用哪个程序把页面构建成网站：mkdocs（默认，Material for MkDocs）或 zensical（其后继者）")

    pack = commands.add_parser("package", help="把生成的网站打成一个 zip 压缩包（含 SHA256SUMS 校验清单），供上传到其他平台")
    pack.add_argument("--site", type=Path, default=Path("site"), help="生成的网站文件夹（默认 site）")
    pack.add_argument("--out", type=Path, default=Path("site.zip"), help="压缩包写到哪里（默认 site.zip）")

    args = parser.parse_args(argv)
    if getattr(args, "data", "") is None:
        args.data = default_data()
    handlers = {"validate": _validate, "schema": _schema, "new-month": _new_month, "export": _export, "import": _import,
                "inbox": _inbox, "open-month": _open_month, "reply": _reply, "sample": _sample, "new-year": _new_year,
                "build": _build, "package": _package, "publish": _publish, "diff": _diff, "synth": _synth, "bench": _bench}
    try:
        return handlers[args.command](args)
    except UserError as exc:  # what the user must act on, said once for every command
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a sentence, not a traceback
        print(f"错误：minsheng {args.command} 意外中止（{exc}）。请把这句话和所用的命令告诉网站的维护人员。",
              file=sys.stderr)
        return 2


def _validate(args: argparse.Namespace) -> int:
    if args.codes:
        from .problems import CATALOGUE

        for kind in CATALOGUE.values():
            print(f"{kind.code}\t{kind.title}\n    {kind.description}")
        return 0
    if not _data_folder(args.data):
        return 1
    from .validate import validate_data

    plan, report = validate_data(args.data)
    return _print_report(plan, report, args.json)


def _print_report(plan, report, as_json: bool = False) -> int:
    if as_json:
        print(report.as_json())
    else:
        for problem in report.sorted():
            print(problem)
        items = sum(len(year.items) for year in plan.years.values())
        months = sum(len(year.months) for year in plan.years.values())
        summary = (f"共检查 {len(plan.years)} 个年度、{items} 个项目、{months} 个月的报告："
                   f"{len(report.errors)} 个错误，{len(report.warnings)} 个警告，{len(report.notices)} 个提示。")
        print(summary if report.problems else f"{summary}数据无误。")
    return 0 if report.ok else 1


def _schema(args: argparse.Namespace) -> int:
    import json

    from .model import FILE_MODELS

    args.out.mkdir(parents=True, exist_ok=True)
    for name, model in FILE_MODELS.items():
        path = args.out / f"{name}.schema.json"
        path.write_text(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(path)
    return 0


def _data_folder(path: Path) -> bool:
    if path.is_dir():
        return True
    print(f"{path}：错误 找不到数据文件夹；应为：包含 site.yaml 和年度文件夹的目录（用 --data 指定）。", file=sys.stderr)
    return False


def _plan(path: Path):
    """The plan and its report, or None after printing why it cannot be used (entry tools need a valid plan)."""
    if not _data_folder(path):
        return None
    from .validate import plan_errors, validate_data

    plan, report = validate_data(path)
    errors = plan_errors(report)
    if errors:
        for problem in errors:
            print(problem, file=sys.stderr)
        print("计划数据有错误，请先改正（minsheng validate）。", file=sys.stderr)
        return None
    return plan, report


def _entry(args: argparse.Namespace, action) -> int:
    """Run an office tool that writes data files: on a sound plan, reporting what it wrote."""
    checked = _plan(args.data)
    if checked is None:
        return 1
    written = action(checked[0])
    for path in written:
        print(f"已写入 {path}")
    return 0


def _new_month(args: argparse.Namespace) -> int:
    from .month.monthly import new_month

    return _entry(args, lambda plan: new_month(plan, args.month, args.xlsx, args.force))


def _export(args: argparse.Namespace) -> int:
    from .month.monthly import export_month

    return _entry(args, lambda plan: export_month(plan, args.month, args.xlsx))


def _import(args: argparse.Namespace) -> int:
    from .month.monthly import LATER, import_month

    checked = _plan(args.data)
    if checked is None:
        return 1
    if args.cycle:
        return _import_cycle(args, checked[0])
    if not args.workbook.is_file():
        print(f"{args.workbook}：错误 找不到文件。", file=sys.stderr)
        return 1
    written, problems, after = import_month(*checked, args.workbook, args.month, args.force)
    if not _imported(written, problems):
        return 1
    from .validate.progress import reporting

    plan, report = after
    print(f"{args.month} 的报送情况：{reporting(plan.years[int(args.month[:4])], args.month)}")
    print("检查导入后的数据：")
    _print_report(plan, report)
    if any(p.code == "correction-pending" for p in report.errors):
        print("已发布月份的更正已写入，下一步运行 minsheng publish 登记并公布。")
    waiting = [p for p in report.errors if p.code == "unconfirmed"]
    if waiting:
        print(f"还有 {len(waiting)} 个项目没有填写或确认（见上面的 unconfirmed），填好后再导入；全部填好之前这个月不能发布。")
    return 0 if all(p.code in LATER for p in report.errors) else 1


def _imported(written: list, problems: list) -> bool:
    """A workbook's import said: its problems, then what it wrote, or that it wrote nothing (False)."""
    for problem in problems:
        print(problem)
    if not written:
        print("工作簿有错误，没有写入任何文件，data/ 保持原样。")
        return False
    for path in written:
        print(f"已写入 {path}")
    return True


def _import_cycle(args: argparse.Namespace, plan) -> int:
    from .month.cycle_workbook import import_cycle, write_cycle_template

    if args.template:
        print(f"已写出 {write_cycle_template(plan, args.cycle, args.workbook)}：在各工作表中填写后，用 minsheng import "
              f"{args.workbook} --cycle {args.cycle} 导入")
        return 0
    if not args.workbook.is_file():
        print(f"{args.workbook}：错误 找不到文件。", file=sys.stderr)
        return 1
    written, problems, after = import_cycle(plan, args.workbook, args.cycle)
    if not _imported(written, problems):
        return 1
    print("检查导入后的数据：")
    _print_report(*after)
    if any(p.code == "correction-pending" for p in after[1].errors):
        print(f"已发布的年度流程的更正已写入，下一步运行 minsheng publish --cycle {args.cycle} --date 日期 登记并公布。")
    return 0


def _inbox(args: argparse.Namespace) -> int:
    from .github.api import MARKER, read_event
    from .github.inbox import check_inbox, write_report
    from .render.pull_request_comment import pull_request_comment

    if not _data_folder(args.data):
        return 1
    event = read_event(args.event)
    pull = event.get("pull_request") or {}
    outcome = check_inbox(args.data, args.base, pull.get("body"), (pull.get("head") or {}).get("ref"))
    comment = pull_request_comment(outcome, MARKER)
    if args.out:
        write_report(outcome, args.data.resolve().parent, args.out, comment, event)
    print(comment)
    return 0 if outcome.ok else 1


def _open_month(args: argparse.Namespace) -> int:
    import os

    from .github.api import Api, read_event, write_summary
    from .github.open_month import open_month

    checked = _plan(args.data)
    if checked is None:
        return 1
    event = read_event()
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    base = (event.get("repository") or {}).get("default_branch") or "main"
    try:
        opened = open_month(checked[0], args.month.strip(), Api.from_environment(), repository, base,
                            os.environ.get("GITHUB_SERVER_URL", "https://github.com"))
    except UserError as exc:
        write_summary(f"## 没有生成表格\n\n{exc}")
        raise
    print(opened.summary)
    write_summary(f"## {'更正' if opened.correction else ''}{args.month.strip()} 的填报表格\n\n{opened.summary}")
    return 0


def _reply(args: argparse.Namespace) -> int:
    from .github.api import Api, read_event, write_output
    from .github.reply import CheckReport, WorkflowRun, environment_outcome, reply_comment, reply_commit

    event = read_event()
    if "pull_request" not in event:
        print("错误：minsheng reply 只在“检查数据与网站”工作流的写回和评论两步中运行（pull_request 事件）。", file=sys.stderr)
        return 1
    run, report = WorkflowRun.from_event(event), CheckReport.load(args.report)
    for name in report.dropped:
        print(f"检查结果中列出的 {name} 不是可以写回的文件，已忽略。")
    api = Api.from_environment()
    if args.action == "commit":
        outcome, sha = reply_commit(args.repo, run, report, api)
        write_output(outcome=outcome, commit=sha or "")
        print(f"写回：{outcome}{f'（提交 {sha}）' if sha else ''}")
    else:
        print(f"评论：{reply_comment(run, report, api, *environment_outcome())}")
    return 0


def _new_year(args: argparse.Namespace) -> int:
    from .new_year.new_year import new_year
    from .new_year.review_sheet import import_review

    checked = _plan(args.data)
    if checked is None:
        return 1
    if args.import_review:
        done = import_review(checked[0].root, args.year, args.import_review)
    else:
        drafted = new_year(checked[0], args.year, args.notice, args.review_sheet)
    if args.import_review:
        print(f"已按核对表导入 {done.decided} 项决定，改好 {args.year} 年度的文件和单位表。")
        if done.left:
            print(f"还有 {done.left} 处待核对，已写入 {checked[0].root / str(args.year) / '核对表.xlsx'}；"
                  f"全部核对之前，{args.year} 年度是草稿，网站仍显示以前的年度。")
        else:
            print(f"{args.year} 年度已没有待核对的条目：运行 minsheng validate 检查，下次构建网站时发布。")
        return 0
    written = drafted.written
    folder = written[0].parent
    items = [p for p in written if p.parent.name == "items"]
    print(f"通知的读法：{drafted.layout}。")
    read = {"UTF-8": "", "GB18030": "，按 GB18030 编码读取，存为 UTF-8"}.get(drafted.encoding, f"，由{drafted.encoding}表格转成文字")
    print(f"已写入 {folder}/：notice.txt（通知全文{read}）、notice.yaml 和 {len(items)} 个项目草稿（items/）。")
    if any(p.name == "units.yaml" for p in written):
        print(f"已在 {written[-1]} 末尾加入通知中出现、单位表中没有的待核对单位。")
    if any(p.name == "cycle.yaml" for p in written):
        print("这是人大代表票决的结果：已写入 cycle.yaml（本年度有征集、票决两个环节）和 cycle/candidates.csv（全部候选项目及得票，"
              "当选的填上了项目编号）；会议、日期和全体代表人数、征集的情况见 notice.yaml 中的【年度流程】一条。")
    print(f"草稿中有 {len(drafted.notices)} 处待核对（minsheng validate 以“提示[review]”列出）；全部核对、删去 review 条目之前，"
          f"{args.year} 年度是草稿，网站仍显示以前的年度。做法见 CONTRIBUTING.md。")
    print(f"核对表：{drafted.review_sheet}（{drafted.decisions} 行，每行一项决定）。在 Excel 或 WPS 中填好“你的决定”列后运行 "
          f"minsheng new-year {args.year} --import-review {drafted.review_sheet.name if drafted.review_sheet.parent == folder else drafted.review_sheet}。")
    return 0


def _sample(args: argparse.Namespace) -> int:
    from .errors import EntryError
    from .synthetic.sample import write_sample

    def action(plan):
        if args.year not in plan.years:
            raise EntryError(f"data/ 中没有 {args.year} 年度")
        return write_sample(plan, args.year, args.seed)

    return _entry(args, action)


def _build(args: argparse.Namespace) -> int:
    from .website.build import build

    if not _data_folder(args.data):
        return 1
    config = args.config or default_config()
    if not config.is_file():
        print(f"{config}：错误 找不到 mkdocs 配置；应为：本项目的 mkdocs.yml（用 --config 指定）。", file=sys.stderr)
        return 1
    build(args.data, args.out, config, args.work, engine=args.engine)
    return 0


def _package(args: argparse.Namespace) -> int:
    from .website.package import package

    made = package(args.site, args.out)
    print(f"网站压缩包已生成：{made.path}（{made.files} 个文件，另附校验清单 SHA256SUMS）\nSHA-256：{made.sha256}")
    return 0


def _publish(args: argparse.Namespace) -> int:
    from .month.publish import publish, publish_cycle

    if (args.month is None) == (args.cycle is None):
        print("请写发布的月份（如 2024-08），或用 --cycle 年度 发布年度流程，二者选一。", file=sys.stderr)
        return 2
    if args.cycle is not None:
        return _entry(args, lambda plan: publish_cycle(plan, args.cycle, args.date))
    return _entry(args, lambda plan: publish(plan, args.month, args.date))


def _diff(args: argparse.Namespace) -> int:
    import tempfile

    from .compute.diff import diff
    from .load.git_tree import export_data
    from .render.change_report import change_report
    from .validate import validate_data

    with tempfile.TemporaryDirectory() as scratch:
        plans = []
        for label, where in (("原版本", args.base), ("新版本", args.head)):
            folder = Path(where)
            if not folder.is_dir():
                folder = export_data(where, args.data, Path(scratch) / label)
            plan, report = validate_data(folder)
            blocking = [p for p in report.errors if p.code not in PENDING]  # unrecorded corrections are reported
            if blocking:
                print(f"{label}（{where}）的数据有 {len(blocking)} 个错误，无法比较：", file=sys.stderr)
                for problem in blocking:
                    print(problem, file=sys.stderr)
                return 1
            plans.append((plan, report))
        print(change_report(diff(plans[0][0], plans[1][0]), plans[1][1].errors))
    return 0


def _synth(args: argparse.Namespace) -> int:
    from .synthetic.synth import synth

    if not _data_folder(args.data):
        return 1
    written = synth(args.items, args.months, args.seed, args.out, args.data, args.cycle)
    steps = "，以及征集、票决、调整、监督和测评的文件" if args.cycle else ""
    print(f"已在 {args.out} 写入 {args.items} 个合成项目和 {len(written) // 2} 个月的报告{steps}（合成数据，不是真实数据）")
    return 0


def _bench(args: argparse.Namespace) -> int:
    import os
    import platform

    from .website.bench import bench, table

    scales = [int(part) for part in args.scales.split(",")]
    years = [int(part) for part in args.years.split(",")] if args.years else None
    runs = bench(default_config().resolve().parent, args.data, scales, years=years)
    print(f"\n机器：{platform.machine()}，{os.cpu_count()} 核，Python {platform.python_version()}\n")
    print(table(runs))
    return 0
