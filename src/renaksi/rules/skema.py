"""Schema rules (``SC``, ``skema.*``): the shape and types of each plan file.

The pydantic models in :mod:`renaksi.plan.model` define the shape; :mod:`renaksi.plan.validation`
turns pydantic's errors into located findings of these rules, one code per kind of mistake.
"""

from __future__ import annotations

from renaksi.plan import load_findings as found
from renaksi.rules.base import declare

UNKNOWN_KEY = declare(
    found.UNKNOWN_KEY,
    "Kunci yang tidak dikenal di tempat itu.",
    """
    Setiap jenis berkas punya daftar kunci yang tetap (lihat ``renaksi schema`` dan
    README). Kunci lain, biasanya salah ketik (``pgu:`` untuk ``pagu:``), ditolak dan
    renaksi menyarankan kunci terdekat yang dikenal, supaya nilai tidak diabaikan diam-diam.

    Bila satu-satunya kesalahan skema sebuah berkas adalah kunci salah ketik yang punya
    saran, aturan lain tetap memeriksa berkas itu seolah kuncinya ditulis seperti sarannya,
    jadi temuan lain di berkas itu (dan pemeriksaan antar-berkas) muncul di putaran yang
    sama. Temuan di tempat kunci yang ditebak itu tidak dilaporkan, karena tebakannya bisa
    salah. Kunci tanpa saran, atau kesalahan skema lain, membuat berkasnya tidak diperiksa
    aturan lain sampai diperbaiki: membuang nilai yang tidak terbaca bisa melahirkan temuan
    palsu.
    """,
)

MISSING_KEY = declare(
    found.MISSING_KEY,
    "Kunci wajib tidak ada.",
    """
    Beberapa kunci wajib ada, mis. ``pagu`` dan ``bidang`` pada setiap sub kegiatan,
    ``nip`` pada penandatangan. Lokasi menunjuk pemetaan yang kekurangan kunci tersebut.
    """,
)

WRONG_TYPE = declare(
    found.WRONG_TYPE,
    "Nilai berjenis salah (teks di tempat angka, daftar di tempat teks, ...).",
    """
    Nilai harus berjenis yang diharapkan: angka untuk target, daftar untuk ``bulan``,
    pemetaan untuk ``penandatangan``, ``true``/``false`` untuk ``plt``. Angka dalam teks
    dibaca cara Indonesia (``"29,17%"``, ``"1.200"``); bentuk yang bisa dibaca dua cara ditolak.
    """,
)

MONEY = declare(
    found.MONEY,
    "Pagu bukan rupiah bulat yang jelas.",
    """
    Pagu adalah bilangan bulat rupiah: ``2_718_270_000`` (angka YAML) atau teks format
    Indonesia ``"2.718.270.000"`` / ``"Rp 2.718.270.000"``. Ditolak: pecahan (``1.85`` tanpa
    tanda kutip terbaca sebagai satu koma delapan lima), pemisah ribuan koma
    (``"2,718,270,000"``), nilai negatif, dan nilai yang tidak masuk akal besarnya.
    """,
)

DATE = declare(
    found.DATE,
    "Tanggal tidak dapat dibaca atau tidak ada di kalender.",
    """
    Tanggal ditulis ``2024-01-02`` atau ``"2 Januari 2024"``. Tanggal yang tidak ada
    (``2024-02-30``) atau bentuk lain ditolak.
    """,
)

BAD_VALUE = declare(
    found.BAD_VALUE,
    "Nilai tidak termasuk pilihan atau format yang diizinkan.",
    """
    Beberapa kunci hanya menerima pilihan tertentu (``cara_gabung``: jumlah, kumulatif,
    tetap; ``arah``: naik, turun) atau format tertentu (pengenal ``id`` dan slug bidang:
    huruf, angka, tanda hubung; teks tidak boleh kosong; tahun empat digit). Skala kategori
    ``pemantauan.skala`` ditulis dari batas bawah tertinggi ke terendah dan berakhir di 0.
    """,
)

LIST_LENGTH = declare(
    found.LIST_LENGTH,
    "Daftar terlalu pendek atau terlalu panjang.",
    """
    Target triwulan selalu empat nilai (I, II, III, IV); daftar program, kegiatan dan
    sub kegiatan tidak boleh kosong.
    """,
)

RULES = (UNKNOWN_KEY, MISSING_KEY, WRONG_TYPE, MONEY, DATE, BAD_VALUE, LIST_LENGTH)
