"""Store the standard's dates (collect.standards.calendar.KNOWN_YEARS) for the years that have none yet."""

from typing import Any

from django.db import migrations


def seed(apps: Any, schema_editor: Any) -> None:
    from collect.standards.calendar import KNOWN_YEARS

    CollectionYear = apps.get_model("collection", "CollectionYear")
    for start_year, dates in KNOWN_YEARS.items():
        cutoffs = [*dates.quarterly_cutoffs, None, None, None, None][:4]
        CollectionYear.objects.get_or_create(
            start_year=start_year,
            defaults={
                "submission_deadline": dates.submission_deadline,
                "new_logs_end": dates.new_logs_end,
                "edit_end": dates.edit_end,
                **{f"q{n}_cutoff": day for n, day in enumerate(cutoffs, start=1)},
                "resources_released": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("collection", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
