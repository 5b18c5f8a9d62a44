from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from collect.operations.workers import new_worker_id, requeue_abandoned


class Command(DatabaseWorkerCommand):
    help = (
        "Run a background task worker (django-tasks' database worker) that first puts back in the queue the tasks "
        "of workers on this host that died while running them (collect.operations.workers)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        options["worker_id"] = new_worker_id()
        found = requeue_abandoned()
        if found:
            self.stderr.write(f"Put {found} abandoned task(s) back in the queue")
        super().handle(*args, **options)
