"""File and YAML rules (``FL``, ``YM``): what is found while reading a plan file.

These are reported by the loader, before any model exists: a file that is missing, not
UTF-8, too large, not valid YAML, or uses YAML features that plan files do not need.
"""

from __future__ import annotations

from renaksi.problems import Severity
from renaksi.rules.base import declare

E, W = Severity.ERROR, Severity.WARNING

MISSING_FILE = declare(
    "FL01",
    "berkas.tidak-ada",
    E,
    "Berkas wajib folder rencana tidak ada.",
    """
    Folder rencana (mis. ``plans/2024``) harus berisi ``instansi.yaml``,
    ``perjanjian-kinerja.yaml`` dan paling sedikit satu berkas ``bidang/<slug>.yaml``.
    Tanpa salah satunya rencana tidak dapat diperiksa utuh.
    """,
)

IGNORED_FILE = declare(
    "FL02",
    "berkas.diabaikan",
    W,
    "Berkas di folder bidang/ atau realisasi/ yang tidak dibaca.",
    """
    Hanya berkas berakhiran ``.yaml`` di ``bidang/`` yang dibaca. Berkas ``.yml`` atau
    nama yang bukan slug (huruf kecil, angka, tanda hubung) diabaikan, dan itu hampir selalu
    tidak disengaja: ganti namanya menjadi ``bidang/<slug>.yaml``.

    Di ``realisasi/`` hanya ``tw1.yaml`` sampai ``tw4.yaml`` yang dibaca (berkas ``.md``
    boleh ada sebagai catatan); nama lain, mis. ``triwulan-1.yaml``, diabaikan.
    """,
)

SYNTAX = declare(
    "YM01",
    "yaml.sintaks",
    E,
    "Teks bukan YAML yang sah.",
    """
    Berkas harus YAML 1.2 yang sah. Penyebab umum: indentasi tidak konsisten, tanda ``:``
    di dalam teks tanpa tanda kutip, kurung ``[`` yang tidak ditutup, atau tab sebagai
    indentasi (YAML hanya menerima spasi). Lokasi menunjuk tempat pembaca YAML berhenti.
    """,
)

DUPLICATE_KEY = declare(
    "YM02",
    "yaml.kunci-ganda",
    E,
    "Kunci yang sama ditulis dua kali dalam satu pemetaan.",
    """
    Di YAML, kunci yang ditulis dua kali (mis. dua ``pagu:`` dalam satu sub kegiatan)
    membuat salah satu nilai hilang diam-diam. renaksi menolaknya dan menunjuk kunci kedua.
    """,
)

ENCODING = declare(
    "YM03",
    "yaml.pengodean",
    E,
    "Berkas bukan teks UTF-8.",
    """
    Berkas rencana harus disimpan sebagai UTF-8 (dengan atau tanpa BOM; akhir baris CRLF
    diterima). Berkas dari Excel atau Notepad lama sering tersimpan sebagai Windows-1252
    atau UTF-16: buka dan simpan ulang sebagai "UTF-8". Byte NUL juga ditolak.
    """,
)

REFERENCE_FEATURE = declare(
    "YM04",
    "yaml.anchor-alias",
    E,
    "Anchor (&), alias (*) dan merge key (<<) tidak dipakai di berkas rencana.",
    """
    Anchor dan alias membuat satu nilai muncul di banyak tempat tanpa terlihat, sehingga
    pagu atau jadwal bisa berubah di tempat yang tidak diperiksa peninjau; alias bertingkat
    juga dapat meledakkan ukuran data ("billion laughs"). Tulis nilainya langsung.
    """,
)

TAG = declare(
    "YM05",
    "yaml.tag",
    E,
    "Tag YAML eksplisit (!!python/..., !foo) tidak diizinkan.",
    """
    Berkas rencana hanya berisi teks, angka, daftar dan pemetaan biasa. Tag eksplisit
    tidak pernah dibangun menjadi objek (jadi tidak dapat menjalankan apa pun), tetapi
    ditolak agar arti setiap nilai jelas bagi pembaca.
    """,
)

TOO_LARGE = declare(
    "YM06",
    "yaml.terlalu-besar",
    E,
    "Berkas melebihi batas ukuran atau kedalaman.",
    """
    Satu berkas rencana paling besar 2 MiB (ubah dengan ``--max-bytes``) dan bersarang
    paling dalam 50 tingkat. Berkas rencana yang wajar hanya beberapa puluh KiB; yang
    lebih besar hampir pasti salah tempel atau berkas yang bukan rencana.
    """,
)

EMPTY = declare(
    "YM07",
    "yaml.kosong",
    E,
    "Berkas kosong atau hanya berisi komentar.",
    """
    Berkas rencana yang ada harus berisi data. Berkas kosong biasanya hasil simpan yang
    gagal atau salin-tempel yang terlewat.
    """,
)

RULES = (
    MISSING_FILE,
    IGNORED_FILE,
    SYNTAX,
    DUPLICATE_KEY,
    ENCODING,
    REFERENCE_FEATURE,
    TAG,
    TOO_LARGE,
    EMPTY,
)
