"""The lines agencies print under a task in a plan: who leads, who supports, by when, what.

Not words of the decree but of practice (Kế hoạch of provincial bodies); the renderer prints
them and the importer reads them back, so they are defined once here.
"""

from __future__ import annotations

#: Labels of the lines printed under a task, in the order they are printed.
TASK_LABELS = {
    "lead": "Cơ quan chủ trì",
    "support": "Cơ quan phối hợp",
    "deadline": "Thời hạn hoàn thành",
    "timeframe": "Thời gian thực hiện",
    "product": "Sản phẩm",
}
DEADLINE_PREFIX = "trước ngày "
