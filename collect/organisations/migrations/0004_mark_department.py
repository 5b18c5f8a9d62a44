from django.db import migrations

SUPPORT = 99


def mark_organisations_of_support_users(apps, schema_editor):
    """Organisations that already have support users are the department, so existing users stay valid."""
    Organisation = apps.get_model("organisations", "Organisation")
    User = apps.get_model("accounts", "User")
    ids = User.objects.filter(role=SUPPORT).values_list("organisation_id", flat=True)
    Organisation.objects.filter(pk__in=ids).update(is_department=True)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_organisation_absorbing_organisation_and_more"),
        ("accounts", "0003_pending_email"),
    ]

    operations = [migrations.RunPython(mark_organisations_of_support_users, migrations.RunPython.noop)]
