"""Pembantu bersama tolok ukur di folder ini: pengukuran waktu dan format angka Indonesia."""

import os
import statistics
import time


def timings_ms(fn, repeats, warmups=1):
    """(terbaik, median) dalam milidetik dari `repeats` panggilan, setelah `warmups` pemanasan."""
    for _ in range(warmups):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * min(times), 1000 * statistics.median(times)


def best_ms(fn, repeats):
    """Waktu terbaik (ms) dari `repeats` kali pemanggilan, setelah satu pemanasan."""
    return timings_ms(fn, repeats)[0]


def fmt(value, digits=2):
    """Angka dengan koma desimal, sesuai kebiasaan Indonesia."""
    return f"{value:.{digits}f}".replace(".", ",")


def load_tensorflow():
    """Modul ``tensorflow`` tanpa pesan log C++-nya, atau ``None`` bila tidak terpasang."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        import tensorflow as tf
    except ImportError:
        return None
    return tf
