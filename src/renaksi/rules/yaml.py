"""YAML rules (``YM``, ``yaml.*``): what is found while reading a plan file's text.

Reported by the loader, before any model exists: a file that is not UTF-8, too large, not
valid YAML, or uses YAML features that plan files do not need. Their identities are in
:mod:`renaksi.plan.load_findings`.
"""

from __future__ import annotations

from renaksi.plan import load_findings as found
from renaksi.rules.base import declare

SYNTAX = declare(
    found.SYNTAX,
    "Teks bukan YAML yang sah.",
    """
    Berkas harus YAML 1.2 yang sah. Penyebab umum: indentasi tidak konsisten, tanda ``:``
    di dalam teks tanpa tanda kutip, kurung ``[`` yang tidak ditutup, atau tab sebagai
    indentasi (YAML hanya menerima spasi). Lokasi menunjuk tempat pembaca YAML berhenti.
    """,
)

DUPLICATE_KEY = declare(
    found.DUPLICATE_KEY,
    "Kunci yang sama ditulis dua kali dalam satu pemetaan.",
    """
    Di YAML, kunci yang ditulis dua kali (mis. dua ``pagu:`` dalam satu sub kegiatan)
    membuat salah satu nilai hilang diam-diam. renaksi menolaknya dan menunjuk kunci kedua.
    """,
)

ENCODING = declare(
    found.ENCODING,
    "Berkas bukan teks UTF-8.",
    """
    Berkas rencana harus disimpan sebagai UTF-8 (dengan atau tanpa BOM; akhir baris CRLF
    diterima). Berkas dari Excel atau Notepad lama sering tersimpan sebagai Windows-1252
    atau UTF-16: buka dan simpan ulang sebagai "UTF-8". Byte NUL juga ditolak.
    """,
)

REFERENCE_FEATURE = declare(
    found.REFERENCE_FEATURE,
    "Anchor (&), alias (*) dan merge key (<<) tidak dipakai di berkas rencana.",
    """
    Anchor dan alias membuat satu nilai muncul di banyak tempat tanpa terlihat, sehingga
    pagu atau jadwal bisa berubah di tempat yang tidak diperiksa peninjau; alias bertingkat
    juga dapat meledakkan ukuran data ("billion laughs"). Tulis nilainya langsung.
    """,
)

TAG = declare(
    found.TAG,
    "Tag YAML eksplisit (!!python/..., !foo) tidak diizinkan.",
    """
    Berkas rencana hanya berisi teks, angka, daftar dan pemetaan biasa. Tag eksplisit
    tidak pernah dibangun menjadi objek (jadi tidak dapat menjalankan apa pun), tetapi
    ditolak agar arti setiap nilai jelas bagi pembaca.
    """,
)

TOO_LARGE = declare(
    found.TOO_LARGE,
    "Berkas melebihi batas ukuran atau kedalaman.",
    """
    Satu berkas rencana paling besar 2 MiB (ubah dengan ``--max-bytes``), berisi paling
    banyak 50 000 nilai (dihitung sebelum dibaca: setiap akhir baris dan setiap ``-``,
    ``?``, ``[``, ``{`` dan ``,``) dan bersarang paling dalam 50 tingkat. Semua berkas satu
    rencana bersama-sama paling besar 8 MiB dan 50 000 nilai (ubah dengan
    ``--max-plan-bytes``; batas nilainya ikut naik sebanding): berkas yang tidak muat lagi
    dan semua berkas sesudahnya tidak dibaca, dan satu temuan pada yang pertama menyebut
    jumlahnya. Berkas rencana yang wajar hanya beberapa puluh KiB; yang lebih besar hampir
    pasti salah tempel atau berkas yang bukan rencana.
    """,
)

EMPTY = declare(
    found.EMPTY,
    "Berkas kosong atau hanya berisi komentar.",
    """
    Berkas rencana yang ada harus berisi data. Berkas kosong biasanya hasil simpan yang
    gagal atau salin-tempel yang terlewat.
    """,
)

RULES = (SYNTAX, DUPLICATE_KEY, ENCODING, REFERENCE_FEATURE, TAG, TOO_LARGE, EMPTY)
