"""Pembantu bersama tolok ukur di folder ini: pengukuran waktu dan format angka Indonesia."""

import time


def best_ms(fn, repeats):
    """Waktu terbaik (ms) dari `repeats` kali pemanggilan, setelah satu pemanasan."""
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def fmt(value, digits=2):
    """Angka dengan koma desimal, sesuai kebiasaan Indonesia."""
    return f"{value:.{digits}f}".replace(".", ",")
