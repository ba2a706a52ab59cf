"""Reviewing a document: the checker's findings written into a copy of it as Word comments
(:mod:`.annotate`), for a .docx as it is or for the rendering of a plan (:mod:`.plans`)."""
