"""Alat untuk pengajar: menjalankan ulang notebook dan memeriksa cara penyimpanannya.

Tes nbval ketat membandingkan keluaran yang tersimpan di setiap notebook dengan keluaran
baru. Karena itu setiap notebook harus disimpan setelah *Restart & Run All*: nomor eksekusi
1, 2, 3, … berurutan, tanpa keluaran galat. Perintah berikut melakukannya untuk Anda::

    python mulai.py segarkan                       # semua pelajaran (tools/lessons.py)
    python mulai.py segarkan notebooks/01_*.ipynb  # satu notebook
    python mulai.py segarkan 03 relu               # pelajaran menurut nomor atau topik

Perintah yang sama juga memasang lencana "Buka di Colab" dan sel persiapan Colab di setiap
notebook (lihat :func:`apply_colab`), sehingga pelajaran baru langsung mendapatkannya.

Modul ini butuh ``nbformat`` dan ``nbclient`` (terpasang di lingkungan kursus).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from saraf.formatting import fixed
from tools.lessons import NOTEBOOK_DIR, find, notebook_paths

#: Variabel lingkungan kernel yang sama saat menyegarkan dan saat diuji nbval.
#: PYTEST_CURRENT_TEST membuat ipykernel tidak menangkap log C++ TensorFlow, seperti di pytest.
KERNEL_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "PYTHONHASHSEED": "0",
    "TF_DETERMINISTIC_OPS": "1",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
}


#: Repositori GitHub seri ini (pemilik/nama). Fork? Ganti nilai ini, lalu jalankan
#: ``python mulai.py segarkan``: lencana dan sel persiapan Colab ikut diperbarui.
REPO = "saraf-id/saraf"

#: Awal sel persiapan setiap notebook. Di komputer Anda blok ``if`` dilewati (tanpa keluaran);
#: di Google Colab blok ini mengunduh seri ini (kode ``saraf`` dan data bawaannya) sekali per
#: sesi, memasang paket yang belum ada di Colab (anywidget), dan menyalakan widget pihak ketiga.
COLAB_SETUP = f"""\
# Hanya di Google Colab: unduh seri ini dan siapkan `saraf` (di komputer Anda, blok ini dilewati).
import sys
if "google.colab" in sys.modules and "saraf" not in sys.modules:
    !git clone -q --depth 1 https://github.com/{REPO} /content/saraf || true
    %pip install -q anywidget==0.11.0
    sys.path.insert(0, "/content/saraf/lib")
    %cd /content/saraf/notebooks
    from google.colab import output
    output.enable_custom_widget_manager()

"""

COLAB_BADGE_ALT = "Buka di Colab"


def colab_badge(name: str) -> str:
    """Lencana Markdown "Buka di Colab" untuk notebook ``name`` (``03_konvolusi.ipynb``)."""
    url = f"https://colab.research.google.com/github/{REPO}/blob/main/notebooks/{name}"
    return (f"[![{COLAB_BADGE_ALT}](https://colab.research.google.com/assets/colab-badge.svg)]"
            f"({url})")


def apply_colab(nb, name: str) -> bool:
    """Memasang/memperbarui lencana Colab (di bawah judul) dan awal sel persiapan Colab.

    Lencana ditaruh pada baris kedua sel Markdown pertama; sel kode pertama (sel persiapan)
    diawali :data:`COLAB_SETUP`. Mengembalikan True bila notebook berubah. Keluaran tidak
    berubah: di luar Colab blok itu tidak mencetak apa pun.
    """
    markdown = next(c for c in nb.cells if c.cell_type == "markdown")
    setup_cell = next(c for c in nb.cells if c.cell_type == "code")
    before = (markdown.source, setup_cell.source)
    title, _, rest = markdown.source.partition("\n")
    rest = rest.lstrip("\n")
    if rest.startswith(f"[![{COLAB_BADGE_ALT}]"):
        rest = rest.partition("\n")[2].lstrip("\n")
    lines = [title, "", colab_badge(name)] + (["", rest] if rest else [])
    markdown.source = "\n".join(lines)
    code = setup_cell.source
    start = code.find("# Hanya di Google Colab:")
    if start == 0:
        end = code.find("\n\n", start)
        code = code[end + 2:] if end != -1 else ""
    setup_cell.source = COLAB_SETUP + code
    return (markdown.source, setup_cell.source) != before


def apply_kernel_env(environ=os.environ) -> None:
    """Memasang KERNEL_ENV ke lingkungan proses ini (dipakai conftest.py dan segarkan)."""
    for key, value in KERNEL_ENV.items():
        environ[key] = value


def saved_problems(nb) -> list[str]:
    """Daftar masalah bila notebook tidak tersimpan setelah *Restart & Run All*.

    Syarat: setiap sel kode punya nomor eksekusi 1..n berurutan, tidak ada keluaran
    galat, dan notebook menyimpan keluaran (nbval ketat hanya memeriksa sel yang punya
    nomor eksekusi; notebook yang dikosongkan akan "lulus" tanpa memeriksa apa pun).
    """
    problems = []
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.get("execution_count") for c in code_cells]
    expected = list(range(1, len(code_cells) + 1))
    if counts != expected:
        problems.append(f"nomor eksekusi {counts}, seharusnya {expected}")
    for i, cell in enumerate(code_cells, 1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"sel kode ke-{i} menyimpan galat {out.get('ename')}")
    if code_cells and not any(c.get("outputs") for c in code_cells):
        problems.append("tidak ada keluaran tersimpan sama sekali")
    return problems


def execute_notebook(path: Path, timeout: int = 600) -> float:
    """Menjalankan notebook dari kernel baru lalu menyimpannya di tempat. Mengembalikan detik."""
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    apply_colab(nb, path.name)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    start = time.perf_counter()
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
        record_timing=False,
    )
    client.execute()
    seconds = time.perf_counter() - start
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)",
                                 "language": "python", "name": "python3"}
    problems = saved_problems(nb)
    if problems:
        raise RuntimeError(f"{path.name}: " + "; ".join(problems))
    nbformat.write(nb, path)
    return seconds


def main(argv: list[str]) -> int:
    """``python -m tools.notebooks [notebook|nomor|topik ...]``; tanpa argumen: semua pelajaran."""
    try:
        paths = [Path(a) if Path(a).is_file() else find(a).path() for a in argv]
    except ValueError as exc:
        print(f"[saraf] {exc}")
        return 2
    paths = paths or notebook_paths()
    if not paths:
        print(f"[saraf] Tidak ada notebook pelajaran di {NOTEBOOK_DIR}.")
        return 1
    apply_kernel_env()
    os.environ["PYTEST_CURRENT_TEST"] = "segarkan"
    failed = 0
    for path in paths:
        try:
            seconds = execute_notebook(path)
        except Exception as exc:  # tampilkan lalu lanjut ke notebook berikutnya
            failed += 1
            print(f"[saraf] GAGAL {path.name}: {exc}")
        else:
            print(f"[saraf] {path.name} disegarkan ({fixed(seconds, 1)} detik).")
    from tools.edition import write_solutions  # jawaban acuan untuk checks.solution(N)

    write_solutions()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
