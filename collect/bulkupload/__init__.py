"""Bulk upload: files in a collection year's template checked row by row with its rulebook.

The modules `reading`, `layout`, `checking` and `report` do not import Django, so the offline checker
(`python -m collect.bulkupload check FILE`) runs without a database; the rest of the package is the service's side
(uploads, background processing, outcomes, pages and emails).
"""
