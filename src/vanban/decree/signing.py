"""Signing authority (quyền hạn người ký, Phụ lục I, II.7.b; Điều 13)."""

from __future__ import annotations

import re

#: ``TM.`` (thay mặt a collective), ``KT.`` (ký thay the head), ``TL.`` (thừa lệnh),
#: ``TUQ.`` (thừa ủy quyền), ``Q.`` (quyền); empty when the head signs in person.
AUTHORITIES = ("", "TM.", "KT.", "TL.", "TUQ.", "Q.")
#: An authority written before a title line: ``KT. CHỦ TỊCH``.
AUTHORITY_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*")
