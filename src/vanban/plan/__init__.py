"""The plan file format: from bytes to a :class:`~vanban.plan.model.Plan` and back.

:mod:`.source` reads YAML into nodes that know their positions; :mod:`.spec` is the small
declarative schema language; :mod:`.schema` describes the plan with it (loader and JSON
Schema in one); :mod:`.model` is the plan as data; :mod:`.loader` ties them together;
:mod:`.codes` names and documents the loader's problems; :mod:`.serialize` writes a plan
back as YAML; :mod:`.edits` makes certain fixes as edits of the source text;
:mod:`.starter` is the commented plan of ``vanban new``.
"""
