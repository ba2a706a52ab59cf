"""A plan whose deadlines sit at the edges of the statuses as of TODAY, with an agency
written in several ways, a group line, a task with only a timeframe, one in an agency block,
and one with commas, a semicolon and a backslash."""

from __future__ import annotations

import datetime as _dt

TODAY = _dt.date(2026, 6, 25)

PLAN = """\
type: Kế hoạch
issuer:
  name: [ỦY BAN NHÂN DÂN, TỈNH LAI CHÂU]
  abbreviation: UBND
number: 7
place: Lai Châu
date: 2026-01-05
title: Theo dõi nhiệm vụ năm 2026
sections:
  - title: Mục đích, yêu cầu
    content:
      - text: Theo dõi việc thực hiện nhiệm vụ.
  - title: Nhiệm vụ
    content:
      - text: Rà soát văn bản quy phạm pháp luật.
        lead: STP
        support: ["Các sở, ban, ngành"]
        deadline: 2026-06-24
      - text: Kiểm tra công tác văn thư.
        lead: SỞ TƯ PHÁP
        deadline: 2026-06-25
      - text: Sắp xếp đơn vị sự nghiệp.
        lead: Sở Nội vụ
        support: [sở tư pháp]
        deadline: 2026-07-02
      - text: Công khai ngân sách.
        lead: Sở Tài chính
        deadline: 2026-07-03
      - text: Tuyên truyền về cải cách hành chính.
        lead: Ban Tuyên giáo Tỉnh ủy
        timeframe: Thường xuyên
      - text: 'Tổng hợp, đánh giá; báo cáo kết quả \\ đề xuất'
        lead: Văn phòng UBND tỉnh
        deadline: 2026-12-15
        product: Báo cáo, kiến nghị
  - title: Tổ chức thực hiện
    content:
      - agency: Sở Xây dựng
        content:
          - Theo dõi, đôn đốc việc thực hiện.
          - text: Báo cáo sơ kết 6 tháng.
            deadline: 2026-07-10
signature:
  authority: TM.
  titles: [ỦY BAN NHÂN DÂN, CHỦ TỊCH]
  name: Nguyễn Văn A
recipients:
  - Các sở, ban, ngành
archive: VT
"""


def write(folder, text: str = PLAN, name: str = "ke-hoach.yaml"):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
