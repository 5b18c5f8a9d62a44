from django.apps import AppConfig


class BulkUploadConfig(AppConfig):
    """Bulk upload in the service: uploads, their errors, the background job, pages and emails."""

    name = "collect.bulkupload"
    label = "bulkupload"
