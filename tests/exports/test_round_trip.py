"""A codes download of logs, uploaded again as a bulk file, gives the same answers where the two overlap."""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal

from collect.bulkupload import files
from collect.bulkupload.checking import rules_for
from collect.exports.files import write_csv
from collect.exports.frames import Variant, log_frames, plan
from collect.logs.models import Log
from collect.rulebook.downloads import Answer, Recoded
from collect.standards.registry import collection
from tests.bulkupload.support import EMAIL, LETTINGS, check, lettings_file


def typed(text: str):
    """A downloaded cell as an answer: a whole number, an amount, a date or text (empty is no answer)."""
    if text == "":
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return Decimal(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return datetime.date.fromisoformat(text)
    return text


def plain(value) -> str:
    """An answer as the download writes it (a formula-safe text cell loses its quote)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value).removeprefix("'")


def test_a_codes_download_reads_back_as_the_same_answers(lettings_logs):
    year = collection(LETTINGS)
    assert year.downloads is not None
    columns = year.downloads.columns(support=True)
    completed = list(lettings_logs[:2])
    buffer = io.BytesIO()
    logs = Log.objects.filter(pk__in=[log.pk for log in completed])
    write_csv(log_frames(logs, plan(year, columns, Variant.CODES)), columns, buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue().decode("utf-8-sig"))))
    assert [c.name for c in columns] == rows[1]
    downloaded = [dict(zip(rows[1], row, strict=True)) for row in rows[2:]]
    assert len(downloaded) == 2

    answer_of = {c.name: c.value.key for c in columns if isinstance(c.value, Answer)}
    template_answers = set(rules_for(LETTINGS).template.cells_of_answer)
    overlap = sorted(set(answer_of.values()) & template_answers)
    assert len(overlap) > 80, "most of the template's answers are in the download"

    file_rows = []
    for row in downloaded:
        answers = {answer_of[name]: typed(text.removeprefix("'")) for name, text in row.items() if name in answer_of}
        for column in columns:  # a recoded column gives back its answer through the inverse code list
            if isinstance(column.value, Recoded) and row[column.name]:
                inverse = {str(new): old for old, new in column.value.codes.items()}
                answers[column.value.key] = inverse[row[column.name]]
        answers = {k: v for k, v in answers.items() if v is not None}
        # The organisations and user are named by code and email in a bulk file (the fake look-ups know these).
        answers.update(owning_organisation_id=1, managing_organisation_id=1)
        file_rows.append(files.cells_for(LETTINGS, answers, {3: EMAIL}))
    report = check(lettings_file(file_rows))
    assert len(report.rows) == 2
    assert [r.errors for r in report.rows] == [[], []]
    for row, result in zip(downloaded, report.rows, strict=True):
        by_key = {answer_of[name]: text.removeprefix("'") for name, text in row.items() if name in answer_of}
        differences = {
            key: (by_key.get(key, ""), plain(result.answers.get(key)))
            for key in overlap
            if by_key.get(key) and by_key[key] != plain(result.answers.get(key))
        }
        assert differences == {}
        assert sum(1 for key in overlap if by_key.get(key)) > 60
