"""The writers' gate: a few write transactions at once, the others served first come, first served."""

import threading
import time

from workshop.store.write_queue import WriteQueue


def _writers_arriving_one_by_one(gate: WriteQueue, writers: int) -> tuple[int, list[int], list[int]]:
    """Writers arriving one after another while the first ones hold the gate: the most inside at once, the
    order of those inside before any left, and the order they all got in."""
    inside, most, order, arrived = [0], [0], [], []
    count, release = threading.Lock(), threading.Event()

    def writer(n: int) -> None:
        arrived.append(n)
        with gate.turn():
            with count:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
                order.append(n)
            release.wait(5)
            with count:
                inside[0] -= 1

    threads = []
    for n in range(writers):  # one at a time, so that the order they came in is known
        threads.append(threading.Thread(target=writer, args=(n,)))
        threads[-1].start()
        while len(arrived) <= n:
            time.sleep(0.001)
        time.sleep(0.01)
    first = list(order)
    release.set()
    for thread in threads:
        thread.join(5)
    return most[0], first, order


def test_at_most_size_writers_are_inside_at_once() -> None:
    most, first, order = _writers_arriving_one_by_one(WriteQueue(2), 8)
    assert most == 2 and first == [0, 1] and sorted(order) == list(range(8))


def test_waiting_writers_go_in_the_order_they_came() -> None:
    most, first, order = _writers_arriving_one_by_one(WriteQueue(1), 8)
    assert most == 1 and first == [0] and order == list(range(8))


def test_a_write_inside_a_write_does_not_wait_for_itself_and_a_failed_write_passes_its_turn() -> None:
    gate = WriteQueue(1)
    with gate.turn(), gate.turn():  # one thread, nested: would wait forever if it queued behind itself
        pass
    try:
        with gate.turn():
            raise ValueError("the write failed")
    except ValueError:
        pass
    done = threading.Event()

    def next_writer() -> None:
        with gate.turn():
            done.set()

    threading.Thread(target=next_writer).start()
    assert done.wait(5)  # the failed writer's turn went on


def test_a_writer_that_just_finished_waits_behind_those_already_waiting() -> None:
    """A lock or a pool lets the thread that just let go take it again at once, so a busy team could keep
    others waiting; the gate hands its turn to the longest waiter."""
    gate, order, go = WriteQueue(1), [], threading.Event()

    def busy_team() -> None:
        with gate.turn():
            go.wait(5)
            order.append("busy, first save")
        with gate.turn():
            order.append("busy, second save")

    def other_team(name: str) -> None:
        with gate.turn():
            order.append(name)

    busy = threading.Thread(target=busy_team)
    busy.start()
    others = [threading.Thread(target=other_team, args=(name,)) for name in ("red", "blue")]
    for thread in others:
        thread.start()
        time.sleep(0.02)  # red arrives before blue
    go.set()
    for thread in [busy, *others]:
        thread.join(5)
    assert order == ["busy, first save", "red", "blue", "busy, second save"]
