"""Run the queued jobs in this process and this connection (tests): what `dangbo worker --batch`
does, without the worker's connection recycling, which would close the test's database."""
from __future__ import annotations

from django.db import transaction


def run_queued_jobs() -> int:
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="tests", excluded_queue_names=[])
    count = 0
    while True:
        with transaction.atomic():
            task = DBTaskResult.objects.ready().get_locked()
            if task is None:
                return count
            task.claim(worker.worker_id)
        worker.run_task(task)
        count += 1
