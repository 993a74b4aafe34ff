"""Isi penjelajah medan reseptif tanpa widget: daerah yang "dilihat" satu sel di setiap lapisan.

**Medan reseptif** (*receptive field*) sebuah sel peta fitur adalah daerah masukan yang ikut
menentukan nilainya. Modul ini menghitung semua yang ditampilkan
``receptive_field_explorer()``:

* :class:`Layer` dan :data:`PRESETS`: tumpukan lapisan (konvolusi atau max pooling, masing-masing
  dengan ukuran jendela k dan stride s ≤ k, tanpa padding);
* :func:`map_sizes`: ukuran setiap peta, ⌊(n − k) / s⌋ + 1 per lapisan;
* :func:`receptive_field_state`: untuk satu sel terpilih di lapisan ke-L, daerahnya di setiap
  peta sebelumnya sampai ke masukan, sisi medan reseptifnya, rumus yang diisi angka, dan
  teks penjelasannya (koma desimal, lihat :mod:`saraf.formatting`).

Daerah dihitung mundur dari sel terpilih: baris ``a…b`` di peta lapisan ke-l bergantung
pada baris ``a·s … b·s + k − 1`` di peta sebelumnya (jendela semua sel itu). Sisinya bertambah
(k − 1) kali hasil kali stride lapisan-lapisan sebelumnya:
r = 1 + Σ (k_l − 1) · s_1 · … · s_(l−1).
"""

from __future__ import annotations

from dataclasses import dataclass

from saraf.formatting import percent, thousands
from saraf.validation import as_choice, as_int, error, is_int

__all__ = ["Layer", "PRESETS", "MAX_LAYERS", "MAX_INPUT", "check_layers", "map_sizes",
           "min_input_size", "field_size", "Region", "ReceptiveFieldState",
           "receptive_field_state"]

MAX_LAYERS = 3     # kedalaman 1–3
MAX_INPUT = 32     # sisi masukan terbesar
MAX_WINDOW = 7     # ukuran jendela (kernel atau pool) terbesar
_KINDS = ("konv", "pool")
_EXAMPLE = '[("konv", 3, 1), ("pool", 2, 2), ("konv", 3, 1)]'


@dataclass(frozen=True)
class Layer:
    """Satu lapisan tanpa padding: ``kind`` ``"konv"`` atau ``"pool"`` (max pooling),
    ukuran jendela ``size`` (k × k), dan ``stride``."""

    kind: str
    size: int
    stride: int = 1

    @property
    def label(self) -> str:
        """Nama pendek, mis. ``konv 3 × 3`` atau ``max pool 2 × 2, stride 2``."""
        name = "konv" if self.kind == "konv" else "max pool"
        text = f"{name} {self.size} × {self.size}"
        return text + (f", stride {self.stride}" if self.stride != 1 else "")


def _conv(size: int, stride: int = 1) -> Layer:
    return Layer("konv", size, stride)


#: Tumpukan lapisan siap pakai: kunci → (teks yang tampil, lapisan).
PRESETS = {
    "konv3": ("3 × konv 3 × 3", (_conv(3), _conv(3), _conv(3))),
    "pool": ("konv 3 × 3 → max pool 2 × 2 → konv 3 × 3",
             (_conv(3), Layer("pool", 2, 2), _conv(3))),
    "stride2": ("3 × konv 3 × 3, stride 2", (_conv(3, 2), _conv(3, 2), _conv(3, 2))),
    "konv5": ("3 × konv 5 × 5", (_conv(5), _conv(5), _conv(5))),
}


def _check_layer(index: int, spec) -> Layer:
    name = f"layers[{index}]"
    if isinstance(spec, Layer):
        spec = (spec.kind, spec.size, spec.stride)
    if isinstance(spec, (tuple, list)) and len(spec) == 2 and all(is_int(v) for v in spec):
        spec = ("konv", *spec)
    if not isinstance(spec, (tuple, list)) or len(spec) != 3:
        raise error(name, '(jenis, ukuran, stride), mis. ("konv", 3, 1) atau ("pool", 2, 2)',
                    spec)
    kind = as_choice(f"{name} jenis", spec[0], _KINDS)
    size = as_int(f"{name} ukuran", spec[1], 1, MAX_WINDOW)
    stride = as_int(f"{name} stride", spec[2], 1, MAX_WINDOW)
    if stride > size:
        raise error(f"{name} stride", f"≤ ukuran jendela ({size})", stride,
                    "Dengan stride lebih besar daripada jendela, ada piksel yang dilompati, "
                    "jadi medan reseptifnya berlubang (tidak berupa satu kotak).")
    return Layer(kind, size, stride)


def check_layers(layers) -> tuple[Layer, ...]:
    """Kunci :data:`PRESETS` atau daftar 1–3 lapisan: :class:`Layer`, ``(jenis, k, s)``, atau
    ``(k, s)`` untuk konvolusi."""
    if isinstance(layers, str):
        return PRESETS[as_choice("layers", layers, list(PRESETS))][1]
    if not isinstance(layers, (tuple, list)) or not 1 <= len(layers) <= MAX_LAYERS:
        raise error("layers", f"kunci {list(PRESETS)} atau daftar 1 sampai {MAX_LAYERS} "
                              f"lapisan, mis. {_EXAMPLE}", layers)
    return tuple(_check_layer(i, spec) for i, spec in enumerate(layers))


def map_sizes(layers, input_size: int) -> list[int]:
    """Sisi setiap peta: masukan, lalu keluaran setiap lapisan (≤ 0: lapisan itu tidak muat)."""
    sizes = [int(input_size)]
    for layer in layers:
        previous = sizes[-1]
        sizes.append((previous - layer.size) // layer.stride + 1 if previous >= layer.size
                     else 0)
    return sizes


def min_input_size(layers) -> int:
    """Sisi masukan terkecil agar lapisan terakhir masih punya satu sel."""
    size = 1
    for layer in reversed(layers):
        size = layer.size + (size - 1) * layer.stride
    return size


def field_size(layers) -> int:
    """Sisi medan reseptif satu sel di lapisan terakhir: 1 + Σ (k − 1)·(hasil kali stride
    lapisan sebelumnya)."""
    size, jump = 1, 1
    for layer in layers:
        size += (layer.size - 1) * jump
        jump *= layer.stride
    return size


@dataclass(frozen=True)
class Region:
    """Daerah persegi di sebuah peta: baris ``top`` … ``top + height − 1``, kolom serupa."""

    top: int
    left: int
    height: int
    width: int

    @property
    def block(self) -> tuple[int, int, int, int]:
        """(baris, kolom, tinggi, lebar), bentuk yang dipakai ``grid.Mark(block=…)``."""
        return self.top, self.left, self.height, self.width

    def text(self) -> str:
        rows = _span(self.top, self.height)
        cols = _span(self.left, self.width)
        return f"baris {rows}, kolom {cols}"


def _span(start: int, length: int) -> str:
    return str(start) if length == 1 else f"{start}–{start + length - 1}"


@dataclass
class ReceptiveFieldState:
    """Semua angka dan teks untuk satu tumpukan lapisan, kedalaman, masukan, dan sel terpilih.

    ``sizes[l]`` dan ``regions[l]`` untuk l = 0 (masukan) sampai ``depth``; ``regions[depth]``
    adalah sel terpilih itu sendiri.
    """

    layers: tuple[Layer, ...]   # lapisan yang dipakai (sebanyak ``depth``)
    depth: int
    input_size: int
    unit: tuple[int, int]
    sizes: list[int]
    regions: list[Region]
    field_size: int
    formula: str
    headline: str   # satu kalimat pendek (judul gambar statis)
    caption: str    # kalimat lengkap (kotak info penjelajah)
    lines: list[str]

    def map_title(self, level: int) -> str:
        """Judul peta ke-``level``: ``Masukan 16 × 16`` atau ``Lapisan ke-2: 12 × 12``."""
        n = self.sizes[level]
        return f"Masukan {n} × {n}" if level == 0 else f"Lapisan ke-{level}: {n} × {n}"


def _formula(layers) -> str:
    """Rumus yang diisi angka, mis. 'r = 1 + (3 − 1)·1 + (2 − 1)·1 + (3 − 1)·2 = 8'."""
    terms, jump = [], 1
    for layer in layers:
        terms.append(f"({layer.size} − 1)·{jump}")
        jump *= layer.stride
    return f"r = 1 + {' + '.join(terms)} = {field_size(layers)}"


def receptive_field_state(layers="konv3", input_size: int = 16, depth: int | None = None,
                          row: int | None = None, col: int | None = None
                          ) -> ReceptiveFieldState:
    """Menghitung daerah yang dilihat sel (``row``, ``col``) di peta lapisan ke-``depth``.

    ``depth``: 1 sampai banyak lapisan (bawaan: semuanya); ``row``/``col`` bawaan: sel tengah.
    """
    layers = check_layers(layers)
    depth = len(layers) if depth is None else as_int("depth", depth, 1, len(layers))
    used = layers[:depth]
    input_size = as_int("input_size", input_size, 1, MAX_INPUT)
    smallest = min_input_size(used)
    if input_size < smallest:
        hint = (f"Lapisan {', '.join(layer.label for layer in used)} tanpa padding butuh "
                f"masukan paling kecil {smallest} × {smallest}.")
        raise error("input_size", f"bilangan bulat ≥ {smallest}", input_size, hint)
    sizes = map_sizes(used, input_size)
    last = sizes[-1]
    row = (last - 1) // 2 if row is None else as_int("row", row, 0, last - 1)
    col = (last - 1) // 2 if col is None else as_int("col", col, 0, last - 1)

    regions = [Region(row, col, 1, 1)]
    for layer in reversed(used):  # mundur: jendela semua sel daerah ini di peta sebelumnya
        r = regions[0]
        regions.insert(0, Region(r.top * layer.stride, r.left * layer.stride,
                                 (r.height - 1) * layer.stride + layer.size,
                                 (r.width - 1) * layer.stride + layer.size))
    size = regions[0].height
    lines = [f"Peta lapisan ke-{depth} ({used[-1].label}): sel terpilih, "
             f"{regions[depth].text()}"]
    lines += [f"Peta lapisan ke-{level} ({used[level - 1].label}): daerah "
              f"{regions[level].height} × {regions[level].width} sel, {regions[level].text()}"
              for level in range(depth - 1, 0, -1)]
    lines.append(f"Masukan: daerah {size} × {size} piksel, {regions[0].text()}")
    headline = (f"Sel (baris {row}, kolom {col}) di peta lapisan ke-{depth} melihat "
                f"{size} × {size} piksel masukan.")
    caption = (f"Sel (baris {row}, kolom {col}) di peta lapisan ke-{depth} "
               f"({last} × {last}) bergantung pada {size} × {size} = {thousands(size * size)} "
               f"piksel masukan, yaitu {percent(size * size / input_size ** 2)} dari "
               f"{input_size} × {input_size} = {thousands(input_size ** 2)} piksel.")
    return ReceptiveFieldState(used, depth, input_size, (row, col), sizes, regions, size,
                               _formula(used), headline, caption, lines)
