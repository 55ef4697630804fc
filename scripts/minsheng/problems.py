"""Problems found in the data, and the report that collects them.

Modelled on frictionless-py's errors: every problem has a stable code from the catalogue below (with a
title and a description of what it means and what to do), a position (file, line, column, field), the value
found and what was expected, and prints as one line of Chinese.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class ProblemType:
    """One kind of problem: a stable code, a short title, and what it means and what to do, in Chinese."""

    code: str
    title: str
    description: str


def _catalogue(*types: ProblemType) -> dict[str, ProblemType]:
    catalogue: dict[str, ProblemType] = {}
    for kind in types:
        if kind.code in catalogue:
            raise ValueError(f"problem code {kind.code!r} is in the catalogue twice")
        catalogue[kind.code] = kind
    return catalogue


# Every problem code, in the order `minsheng validate --codes` lists them: reading files, the fields of a
# record, the plan and its consistency, the monthly reports, publication. Codes are meant to stay as they
# are: office staff search for them, and old reports and notes quote them.
CATALOGUE: dict[str, ProblemType] = _catalogue(
    # reading files
    ProblemType("encoding", "文件不是 UTF-8 编码的文本",
                "文件中有无法按 UTF-8 读取的字节，或混用了多种编码；能按 GBK/GB18030 读出时只作提示。"
                "请用编辑器另存为 UTF-8，CSV 文件在 Excel 中另存为“CSV UTF-8”。"),
    ProblemType("yaml-syntax", "YAML 语法错误",
                "文件无法按 YAML 读取，常见原因是缩进不齐、冒号后缺空格、引号不成对。"
                "按提示的行列检查，对照同类文件的写法改正。"),
    ProblemType("yaml-duplicate-key", "同一层级出现重复的字段名",
                "同一层级写了两个相同的字段名，后一个会覆盖前一个。删去多余的一个，或把两处内容合并。"),
    ProblemType("yaml-alias", "使用了 YAML 锚点或别名",
                "数据文件中不允许使用锚点或别名（& 或 *），每处内容都要完整写出；文字以 & 或 * 开头时加上引号。"),
    ProblemType("file-missing", "缺少必需的文件",
                "缺少年度文件夹、通知全文、项目文件或其他必需的文件。按提示补上文件，或检查文件名和所在文件夹是否写错。"),
    ProblemType("file-name", "文件名与记录编号不一致",
                "项目文件的文件名须与其中的项目编号相同（如 07.yaml 中写 id: \"07\"）。改文件名或改编号，使两者一致。"),
    ProblemType("csv-structure", "CSV 文件的结构不对",
                "CSV 文件是空的、表头与规定的列不一致或有重复的列、某行的格式不对，或 Excel 工作簿无法打开、缺少规定的工作表。"
                "请用 minsheng new-month 生成的表格填写，不要增删列、不要改动表头。"),
    # the fields of a record
    ProblemType("missing-field", "缺少必填字段",
                "记录缺少必须填写的字段，或按其他字段的内容应当填写的字段。按提示补上这个字段。"),
    ProblemType("unknown-field", "出现未定义的字段",
                "出现了数据字典中没有的字段，多半是字段名拼错了。对照提示中允许的字段名改正，或删去这个字段。"),
    ProblemType("wrong-type", "值的类型不对",
                "值的类型与规定不符，如数字处写了文字、列表处写了单个值、单元格设成了日期或逻辑值格式。按提示的类型改写。"),
    ProblemType("not-an-option", "值不在允许的选项中",
                "字段只能取规定的几个值之一（如层级、资金来源、报送状态）。从提示列出的选项中选一个，不要多出空格或换成别的说法。"),
    ProblemType("wrong-format", "格式不对",
                "值的写法不符合规定的格式（如项目编号、月份、行政区划代码）。按提示的格式改写。"),
    ProblemType("out-of-range", "数值超出允许范围",
                "数值小于规定的最小值或大于规定的最大值（如填了负数）。核对数值，按提示的范围改正。"),
    ProblemType("empty-value", "内容为空",
                "字段写了，但文字是空的或列表中没有任何一项。按提示填上内容。"),
    ProblemType("wrong-value", "值不符合要求",
                "值不符合字段的其他规定，括号中是程序给出的具体原因。按提示改正；看不明白时请联系技术人员。"),
    ProblemType("privacy", "含有个人信息",
                "数据中含有身份证号、手机号或银行卡号等个人信息，这些信息不得公开。删去，或改写为不含个人信息的说明。"),
    # the yearly cycle
    ProblemType("cycle-step", "年度流程的环节与文件不一致",
                "cycle/ 里有某个环节的文件，但本年度的 cycle.yaml 没有写这个环节。确实有这个环节，就在 cycle.yaml 的 steps 里加上；"
                "没有，就删去这个文件。网站只显示 cycle.yaml 写明的环节。"),
    ProblemType("vote-result", "票决结果与规则不符",
                "票决表的“是否当选”与按规则（rules.yaml 的 rating，名额和全体代表人数在 cycle.yaml）算出的结果不一致，"
                "或两个候选项目得票相同争最后一个名额，或未当选的候选项目填了项目编号。请核对票数和主席团公告；平票时按另行投票的结果填写。"),
    # the plan and its consistency
    ProblemType("year-mismatch", "年度与文件夹不一致",
                "文件中的年度（通知的年度、问题编号开头的年份、进度节点的日期）与所在的年度文件夹不一致。"
                "多半是从上一年的文件复制后没有改，按文件夹的年度改正。"),
    ProblemType("date-order", "日期先后不对",
                "日期早于它应当晚于的日期，或没有按先后排列：整改期限和销号日期不早于发现日期，发现日期不早于通知发布日期，"
                "月份在月底之后才能发布，更正不早于该月的发布，进度节点和发布记录按时间先后排列。核对日期的年、月是否填错。"),
    ProblemType("duplicate-id", "编号重复",
                "同一范围内两条记录用了相同的编号（项目、指标、类别、单位、群体、问题、发布月份等）。"
                "给其中一条改用新的编号，或删去重复的记录。"),
    ProblemType("unknown-reference", "引用了不存在的编号",
                "引用的项目、指标、类别、单位、群体或月份在对应的文件中不存在。检查编号是否写错，或先在对应的文件中添加。"),
    ProblemType("wrong-numeral", "序号不是中文数字",
                "项目序号须照录通知中使用的中文数字（如 十二、四十三），不写阿拉伯数字或其他写法。"),
    ProblemType("number-mismatch", "序号与编号不一致",
                "区级项目的编号须与通知序号对应，通知原文须以本项目的序号开头。核对序号、编号和原文是否属于同一个项目。"),
    ProblemType("level-mismatch", "项目层级与类别层级不一致",
                "项目的层级（区级或市级）须与它所属类别的层级相同。改正层级，或检查类别是否选错。"),
    ProblemType("category-count", "类别的项目数与通知不符",
                "某一类别下的项目个数与通知中写明的个数不同。检查是否漏建或多建了项目文件，或项目的类别填错。"),
    ProblemType("not-verbatim", "原文字段与通知全文不一致",
                "照录通知的字段必须与通知全文逐字一致，不改标点、不补缺字。从通知全文中复制原话。"),
    ProblemType("no-task", "无任务项目的字段不一致",
                "标为本年无任务（no_task）的项目须照录通知的原话，且不应有目标指标；写了无任务原文的项目须标为本年无任务。"
                "使这几处一致。"),
    ProblemType("offer-money", "能得到什么中的金额不是发给本人的钱",
                "项目的“能得到什么”（offer）只能写发给本人的补助金额（补助给谁为 person），或本项通知原文、推进措施中"
                "不是拨给机构的金额；拨给学校、医疗机构、村（社区）的钱和项目经费不能写成居民能得到的钱。"
                "删去这个金额，改写成居民实际得到的服务或补助；免费的服务写“免费”。"),
    ProblemType("target-missing", "指标缺少目标值",
                "只有按月报告的数量类指标（kind: count，且不填限定词和基期值）可以没有目标值。"
                "填上通知中的目标值，或改为按月报告的数量。"),
    ProblemType("unit-not-money", "标准的单位不是金额",
                "对应了指标（applies_to）的政策标准用来推算应需资金，单位只能是元或万元。改正单位，或删去对应指标。"),
    ProblemType("percent-range", "百分比超出 0–100",
                "以 % 计的目标值、基期值、标准，以及月报中的比率，须在 0 到 100 之间。核对是否多填了位数，或把数量填成了比率。"),
    ProblemType("rules-order", "滞后界限设置不对",
                "data/rules.yaml 中的滞后界限须小于严重滞后界限，否则无法区分“滞后”和“严重滞后”。调整两个界限。"),
    ProblemType("ledger-incomplete", "销号信息不完整",
                "问题台账中写了销号情况，就须同时写销号日期。补上销号日期；问题尚未销号时，删去销号情况。"),
    ProblemType("review", "草稿待核对",
                "minsheng new-year 从新一年的通知生成的草稿中，还有需要人工核对或决定的事项（review 下的各条）：候选的指标和标准"
                "（目标值、单位、限定词、类型）、项目名称、受益群体、能得到什么、补助给谁、未能对应的牵头单位、通知原文的缺陷等。"
                "逐条核对、改好后删去这一条。有待核对事项的年度是草稿：不算错误，不影响其他年度，网站仍显示最近一个没有草稿的年度。"),
    ProblemType("placeholder", "占位内容尚未填写",
                "网站信息或牵头单位表中还有“待填写”的占位内容（主办单位、备案号、异议期、单位地址和电话等）。"
                "网站不显示占位内容；发布前请填入办公室提供的正式内容。"),
    ProblemType("site-url", "网站地址的写法不对",
                "data/site.yaml 中的网站地址（site_url）须是网站正式发布的完整地址，以 http:// 或 https:// 开头，"
                "如 https://www.hsq.gov.cn/msss/。尚未确定时保留“待填写”的占位内容。"),
    ProblemType("contact-format", "单位联系方式的写法不对",
                "data/units.yaml 中单位的电话须是一个可拨打的号码（如 0559-1234567，只含数字、连字符、空格和括号），"
                "网站须以 http:// 或 https:// 开头。一个单位有多个电话时，填群众咨询用的那一个。"),
    # the monthly reports
    ProblemType("number", "数字无法读取，或被规范化",
                "月报中的数字格子里有文字、公式、负数或无法读取的写法时是错误；全角字符、千分位、末尾的 % 或 万元 等"
                "意思确定的写法会自动处理并提示，核对读作的数即可。"),
    ProblemType("month", "月份文件的命名、年度或连续性不对",
                "月报文件名须为“年-月.csv”，进度表和资金表须成对出现，月份须在本计划年度内、不早于通知发布的月份，且逐月连续、不跳月。"),
    ProblemType("lost-zero", "项目编号丢了开头的 0",
                "用 Excel 打开月报 CSV 再保存时，01 这样的编号会变成 1。能按计划认出的编号照计划读取并提示；"
                "以后请在 Excel 中把编号列设为“文本”，或用 minsheng new-month --xlsx 的工作簿填写。"),
    ProblemType("duplicate-row", "同一项目在一个月中出现多行",
                "同一个项目、指标或资金来源在本月出现了两行。删去多余的一行。"),
    ProblemType("missing-row", "项目或指标在本月缺少一行",
                "计划中的项目或指标在本月缺少一行，或该行的数值、金额空着。不要删行；没有报送就填“未报送”，"
                "没有进展就填上月的累计数或 0。"),
    ProblemType("decrease", "累计数比上月小，但没有更正说明",
                "累计数只增不减。确实要调小（如发现重复统计），在该行的“更正说明”中写明原因。"),
    ProblemType("funds-order", "拨付资金超过到位资金",
                "累计拨付不能超过累计到位。请核对两列是否填反。"),
    ProblemType("whole-number", "以人、户、个等计的数有小数",
                "计量单位是人、户、个、家等只能是整数的指标，填的数有小数。核对后填整数。"),
    ProblemType("percent-scale", "比率像是写成了小数",
                "比率类指标的数不到上月的十分之一，多半是把 80% 写成了 0.8。按百分数填写（如 80）；确实大幅下降，在“更正说明”中写明原因。"),
    ProblemType("unfilled", "表格或这个月还没有填写",
                "交回的表格与发给您时完全一样，或这个月每个项目的数字、金额都与上月相同，也没有写进展情况。"
                "填写本月的数字和进展情况；确实没有变化的项目，在该项目那一行的“报送状态”填“无变化”。"),
    ProblemType("unconfirmed", "项目与上月相同，但没有确认",
                "某个项目本月的数字、金额都与上月相同，也没有写进展情况：看不出是没有填，还是确实没有变化。"
                "有变化就填写；确实没有变化，在该项目那一行的“报送状态”填“无变化”；没有报送就填“未报送”。"
                "几个人分头填写同一个月时，先导入的表格可以留下别人的项目，全部填好之前这个月不能合并和发布。"),
    ProblemType("changed-but-unchanged", "报送状态是“无变化”，数字却变了",
                "项目那一行的报送状态填了“无变化”，但这个项目本月的数字或金额与上月不同。有变化就清空报送状态；"
                "确实没有变化，就把数字改回上月的数。"),
    ProblemType("edit-conflict", "别人已经改过同一个格子",
                "您取表格之后，别人已经把这个格子（年度流程的表格：这个环节）改过，两处改动不能都保留。和对方核对应当是哪个值，"
                "再取一份新的表格，只改您要改的格子后交回。"),
    ProblemType("already-imported", "表格的改动已经导入过",
                "交回的表格里的改动，数据中已经都有了（多半是同一份表格交回了两次），这一份没有新的内容。不用再交回；要再改，请重新取表格。"),
    ProblemType("not-read-back", "改动了不会读回的格子",
                "灰色的列（项目名称、指标名称、计量单位、年度目标）只供参考，表头以外的格子也不会读回，在这些地方填写的内容不会保存。"
                "把数字填到“截至月底累计”等白色的列，说明写在“进展情况”或“更正说明”里，再把灰色的格子改回原样。"),
    ProblemType("far-above-target", "数值超过年度目标的3倍",
                "数值比年度目标大得多，可能多填了位数。核实后确实如此，就在该行写明原因；这是警告，不影响合并。"),
    # publication
    ProblemType("correction-pending", "已发布的内容已更正，待登记",
                "已发布月份的数字、进展情况、资金说明或报送状态改动了，并在该行写明了更正说明。运行 minsheng publish"
                " 登记后，更正会在更正记录、项目页和通报中公开；登记之前网站不会生成。"),
    ProblemType("revision", "已发布的内容被改动，须登记并公布更正",
                "已发布月份的数字、进展情况、资金说明或报送状态被改动（含增删行）但未登记，或发布时的存档缺失、月报文件被删除。"
                "在该行“更正说明”中写明原因，再运行 minsheng publish 登记并公布这项更正。"),
    # the office's pull requests (the browser route)
    ProblemType("inbox", "交回的表格无法处理",
                "inbox/ 文件夹中的文件看不出是哪个月的表格、同一个月交了两份，或 outbox/ 中发给您填写的表格还没有交回。"
                "按提示删去多余的文件、把文件名改成月份（如 2024-08.xlsx），或把填好的表格上传到 inbox/。"),
    ProblemType("not-a-workbook", "交回的文件不是 Excel 表格",
                "交回的是图片、PDF、Word 文档、压缩包、文本文件或旧版 Excel 文件，或表格放在了子文件夹里。"
                "按提示交回在 Excel 或 WPS 中填好、保存为 .xlsx 的表格本身。"),
    ProblemType("publish-field", "拉取请求说明中的发布登记无法完成",
                "拉取请求说明中“发布月份”“发布日期”两行的写法不对，或按它登记发布时被拒绝（如发布日期不晚于月底、"
                "前一个月还没有发布）。按提示改正说明中的这两行；暂不登记发布时，把发布日期留空。"),
)


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None  # Chinese name, then the path: 目标值（indicators[0].target）
    value: object = None
    expected: str | None = None
    severity: str = "error"  # "error" stops the build; "warning" and "notice" are printed and allowed

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"unknown problem code {self.code!r}")

    def position(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" 第{self.line}行"
            if self.column is not None:
                where += f"第{self.column}列"
        return where

    def __str__(self) -> str:
        label = {"error": "错误", "warning": "警告", "notice": "提示"}[self.severity]
        parts = [f"{self.position()}：{label}[{self.code}]"]
        if self.field:
            parts.append(f" 字段 {self.field}：")
        else:
            parts.append(" ")
        parts.append(self.message)
        if self.value is not None:
            parts.append(f"；发现的值：{format_value(self.value)}")
        if self.expected:
            parts.append(f"；应为：{self.expected}")
        return "".join(parts) + "。"


def format_value(value: object, limit: int = 60) -> str:
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "…"
        return f"“{text}”"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= limit else text[:limit] + "…"
    return str(value)


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "notice"]

    @property
    def error_count(self) -> int:
        return len(self.errors)

    @property
    def warning_count(self) -> int:
        return len(self.warnings)

    @property
    def notice_count(self) -> int:
        return len(self.notices)

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.code))

    def as_json(self) -> str:
        return json.dumps([asdict(p) for p in self.sorted()], ensure_ascii=False, indent=2, default=str)


def relative(path: Path, root: Path) -> str:
    """The path as office staff see it in the repository: relative to the data folder's parent."""
    try:
        inside = path.relative_to(root)  # by name, without asking the file system, for the many files in it
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve().parent).as_posix()
        except ValueError:
            return path.as_posix()
    return _folder_name(root.absolute()) + ("" if inside == Path() else "/" + inside.as_posix())


@cache
def _folder_name(root: Path) -> str:  # `root` made absolute first, so that a change of folder is a new entry
    return root.resolve().name
