"""Existing documents (.docx, .txt): read them, import them into plans, check them as they are."""
