"""Every email the service sends: its subject and the template of its body (templates/emails/<kind>.txt)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EmailKind:
    """One kind of email. The subject and body are Jinja templates filled from the same context."""

    kind: str
    subject: str

    @property
    def body_template(self) -> str:
        """Where the body's template lives."""
        return f"emails/{self.kind}.txt"


EMAIL_KINDS: dict[str, EmailKind] = {
    e.kind: e
    for e in (
        EmailKind("invitation", "You have been invited to {{ service_name }}"),
        EmailKind("password_reset", "Reset your password for {{ service_name }}"),
        EmailKind("merge_completed", "{{ merged }} merged into {{ absorbing }}"),
        EmailKind("two_factor_code", "Your security code for {{ service_name }}"),
        EmailKind("data_sharing_agreement_needed", "Accept the data sharing agreement for {{ organisation }}"),
        EmailKind("account_reactivated", "Your account on {{ service_name }} has been reactivated"),
        EmailKind("email_change_notice", "The email address of your account on {{ service_name }} is changing"),
        EmailKind("email_change_confirmation", "Confirm your new email address for {{ service_name }}"),
        EmailKind("organisation_changed", "You have been moved to {{ to_organisation }} on {{ service_name }}"),
        # Bulk upload outcomes (platform.md §5.4), to the uploader.
        EmailKind("bulk_upload_success", "You’ve successfully uploaded {{ logs_created }} logs"),
        EmailKind("bulk_upload_how_to_fix", "We found {{ error_count }} errors in your bulk upload"),
        EmailKind("bulk_upload_check_warnings", "Check your file data"),
        EmailKind("bulk_upload_blocked", "Correct the errors in your file and upload it again"),
        EmailKind("bulk_upload_duplicates", "Correct the duplicate logs in your file and upload it again"),
        EmailKind("bulk_upload_setup_errors", "Bulk upload failed: there are set-up errors in your file"),
        EmailKind("bulk_upload_failed", "Bulk upload failed: we could not check your file"),
        # Downloads (platform.md §7.1), to the person who asked.
        EmailKind("download_ready", "Your download of {{ what }} is ready"),
        # Running the collection (collect.collection): to data coordinators, and each person's digest.
        EmailKind("collection_reminder", "{{ organisation }}: logs for {{ quarter }} are due by {{ cutoff }}"),
        EmailKind("collection_overdue", "{{ organisation }}: logs for {{ quarter }} are overdue"),
        EmailKind("log_digest", "Your logs on {{ service_name }}"),
    )
}
