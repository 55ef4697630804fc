"""The site's settings (site.yaml) and the rules by which progress is judged (rules.yaml)."""

from __future__ import annotations

from pydantic import Field

from .base import Record
from .cycle import RatingRule


class Footer(Record):
    organizer: str = Field(title="主办单位", min_length=1)
    contact: str = Field(title="联系方式", min_length=1)
    site_id_code: str = Field(title="网站标识码", min_length=1)
    icp_record: str = Field(title="ICP备案号", min_length=1)
    icp_record_url: str = Field(title="ICP备案查询链接", min_length=1)
    police_record: str = Field(title="公安机关备案号", min_length=1)
    error_report_url: str = Field(title="我为政府网站找错链接", min_length=1)


class Feedback(Record):
    channel: str = Field(title="反映渠道", min_length=1, description="群众对项目提意见、异议的渠道，如 12345 热线")
    how: str = Field(title="反映方式", min_length=1, description="怎样反映，如 拨打电话并说明项目名称")
    objection_period: str = Field(title="异议期", min_length=1, description="通报发布后接受异议的期限")
    hotline: str = Field(title="热线号码", pattern=r"^[0-9]{3,12}$", description="没有单位电话时给出的咨询和反映热线，如 12345")
    hotline_name: str = Field(title="热线名称", min_length=1, description="如 政务服务便民热线")


class Licence(Record):
    name: str = Field(title="许可协议代码", min_length=1, description="如 CC-BY-4.0")
    title: str = Field(title="许可协议名称", min_length=1)
    path: str = Field(title="许可协议全文地址", min_length=1)


class Site(Record):
    name: str = Field(title="网站名称", min_length=1)
    district: str = Field(title="行政区", min_length=1)
    division_code: str = Field(title="行政区划代码", pattern=r"^\d{6}$")
    site_url: str | None = Field(
        default=None, title="网站地址",
        description="网站正式发布的完整地址，如 https://www.hsq.gov.cn/msss/；填写后生成网站地图（sitemap.xml）、规范链接和订阅源的完整链接",
    )
    sample_data: bool = Field(title="样例数据", description="进度与资金数据是否为演示样例")
    sample_data_banner: str = Field(title="样例数据提示", min_length=1)
    placeholder_prefix: str = Field(
        title="占位标记", min_length=1, description="以此开头的值是尚待办公室填写的占位内容",
    )
    footer: Footer = Field(title="页脚")
    feedback: Feedback = Field(title="意见和异议", description="每个项目页的“我要反映”和每期通报的异议说明")
    open_data_licence: Licence = Field(title="开放数据许可", description="数据下载页和 datapackage.json 写明的许可")


class Rules(Record):
    basic_completion: float = Field(title="基本完成对应的总体进度", gt=0, le=100,
                                    description="通知“10月底前基本完成年度任务”按此百分比计")
    about_tolerance: float = Field(title="“左右”的容差", ge=0, lt=100,
                                   description="目标写作“左右”时，达到目标值的 (100−容差)% 即视为完成")
    ahead_margin: float = Field(title="超序时界限", gt=0, description="比序时进度高出此百分点及以上为超序时")
    behind_margin: float = Field(title="滞后界限", gt=0, description="比序时进度低出此百分点以上为滞后")
    far_behind_margin: float = Field(title="严重滞后界限", gt=0, description="比序时进度低出此百分点以上为严重滞后")
    warning_months: int = Field(title="预警推算月数", ge=1, le=12, description="按最近几个月的平均进度推算")
    funds_tolerance: float = Field(title="资金与产出的容差", gt=0, lt=100,
                                   description="累计拨付与“标准 × 数量”推算数相差超过此百分比时提示")
    lowest_disbursement_items: int = Field(title="拨付率最低项目的列出数", ge=1,
                                           description="资金公开页列出拨付率最低的项目个数")
    list_limit: int = Field(title="清单列出数", ge=1,
                            description="首页、通报和资金公开页的项目清单最多列出几项，最严重的在前；页面大小不随项目数增长")
    page_size: int = Field(title="每页项目数", ge=1, description="类别和牵头单位页面每页列出的项目数")
    group_page_size: int = Field(20, title="与我有关每页项目数", ge=1,
                                 description="与我有关页面每页列出的项目数：每项写明能得到什么、谁可以享受、到哪里办和咨询电话，"
                                             "比类别页表格的一行长得多，所以每页列得少些，页面大小不随项目数增长")
    record_page_size: int = Field(80, title="年度完成情况每页项目数", ge=1,
                                  description="年度完成情况每页列出的项目数：一个区的清单在一页一张表，更大的清单分页，页面大小不随项目数增长")
    rating: RatingRule = Field(RatingRule(), title="票决和测评的规则",
                               description="票决的当选界限和测评的满意、不满意界限（默认按镇海的规则）")
