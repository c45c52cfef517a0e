"""Generate member rows in a second process while this one writes them.

Generating a member (names, dates, identifiers) is Python work of about the same cost as
writing it, so a large load is twice as fast when the two overlap: a forked child runs
`MemberGenerator.batches()` and hands each chunk over a bounded queue, the parent writes it
to the database. The rows are the same as in-process generation (the generator is
deterministic and runs unchanged in the child); only the generator's side results that the
caller reads afterwards (`sample_cell`) are sent back at the end.

Without the "fork" start method (Windows, macOS defaults) or for small loads, batches are
generated in-process.
"""
from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Iterator
from queue import Empty

from dangbo.core.demo.generator import Batch, MemberGenerator

# Below this many members the fork costs more than it saves.
BACKGROUND_THRESHOLD = 100_000
# Chunks waiting in the queue: bounds memory (a chunk of 20,000 members is ~15 MB of tuples).
QUEUE_DEPTH = 3

_DONE, _ERROR = "done", "error"


def batches(generator: MemberGenerator, chunk: int, *, background: bool | None = None) -> Iterator[Batch]:
    """The generator's batches, produced in a forked child when the load is large enough."""
    if background is None:
        background = generator.plan.members >= BACKGROUND_THRESHOLD
    if not background or "fork" not in multiprocessing.get_all_start_methods():
        yield from generator.batches(chunk)
        return
    yield from _from_child(generator, chunk)


def _from_child(generator: MemberGenerator, chunk: int) -> Iterator[Batch]:
    context = multiprocessing.get_context("fork")
    queue = context.Queue(maxsize=QUEUE_DEPTH)
    child = context.Process(target=_produce, args=(generator, chunk, queue), daemon=True)
    child.start()
    finished = False
    try:
        while True:
            message = _next_message(queue, child)
            if message[0] == _DONE:
                generator.sample_cell = message[1]
                finished = True
                return
            if message[0] == _ERROR:
                raise RuntimeError(f"Tạo dữ liệu mẫu thất bại trong tiến trình con:\n{message[1]}")
            yield Batch(members=message[1], events=message[2], positions=message[3])
    finally:
        if not finished and child.is_alive():
            child.terminate()  # the writer failed or stopped early: nothing more to produce for
        child.join()
        queue.close()


def _next_message(queue, child):
    """The child's next message; an error if it died without saying why (killed, out of memory)."""
    while True:
        try:
            return queue.get(timeout=5)
        except Empty:
            if not child.is_alive():
                raise RuntimeError(f"Tiến trình tạo dữ liệu mẫu dừng bất thường (mã {child.exitcode}).") from None


def _produce(generator: MemberGenerator, chunk: int, queue) -> None:
    """Child side. Touches no database connection: the rows are plain tuples."""
    try:
        for batch in generator.batches(chunk):
            queue.put(("batch", batch.members, batch.events, batch.positions))
        queue.put((_DONE, generator.sample_cell))
    except BaseException:  # reported to the parent, which raises it with the traceback
        queue.put((_ERROR, traceback.format_exc()))
