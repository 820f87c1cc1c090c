"""JSON Schema of each kind of plan file, generated from the models, in Indonesian.

Editors use it (VS Code with the YAML extension: completion, hover text, inline errors).
It describes shape and value formats; arithmetic and cross-file rules stay renaksi's.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from renaksi.plan.model import (
    BidangFile,
    InstansiFile,
    PerjanjianKinerjaFile,
    PerubahanFile,
    RealisasiFile,
)

KINDS: dict[str, type[BaseModel]] = {
    "instansi": InstansiFile,
    "perjanjian-kinerja": PerjanjianKinerjaFile,
    "bidang": BidangFile,
    "realisasi": RealisasiFile,
    "perubahan": PerubahanFile,
}

TITLES = {
    "instansi": "instansi.yaml: instansi, kepala, Renstra dan IKU",
    "perjanjian-kinerja": "perjanjian-kinerja.yaml: indikator PK, tingkat sasaran dan pohon "
    "anggaran",
    "bidang": "bidang/<slug>.yaml: penandatangan, indikator dan rencana aksi satu bidang",
    "realisasi": "realisasi/tw<N>.yaml: realisasi indikator, anggaran, keluaran dan aksi satu "
    "triwulan",
    "perubahan": "perubahan.yaml: Perubahan dalam tahun berjalan (dasar, tanggal, alasan, pagu "
    "dan target yang berubah)",
}

#: Indonesian descriptions of the models (their docstrings are the developers' English).
DESCRIPTIONS = {
    "Pegawai": "Pejabat penandatangan: nama dengan gelar, NIP, pangkat/golongan, jabatan.",
    "Kantor": "Data perangkat daerah: nama resmi, kota, alamat, situs web.",
    "Kop": "Kop dokumen di sampul: logo (PNG/SVG di dalam folder rencana) dan baris kop.",
    "Periode": "Rentang tahun, mis. Renstra 2021-2026.",
    "Misi": "Misi kepala daerah yang diemban instansi.",
    "Sasaran": "Sasaran strategis, dengan id yang dirujuk indikator.",
    "Renstra": "Rencana Strategis: periode, visi, misi, tujuan, sasaran strategis.",
    "IkuIndikator": (
        "Indikator Kinerja Utama (Tabel 2.1), dengan kondisi awal, target per tahun dan target "
        "akhir Renstra bila dicatat."
    ),
    "TargetRenstra": "Target Renstra sebuah IKU untuk satu tahun periodenya.",
    "Iku": "IKU dan dasar penetapannya.",
    "Indikator": (
        "Indikator kinerja: target tahunan, dan target triwulan I-IV bila dokumen memuatnya."
    ),
    "PkIndikator": (
        "Indikator Perjanjian Kinerja: target tahunan dan target triwulan (bila ada); sasarannya "
        "menentukan tingkatnya (strategis, IKP, IKK)."
    ),
    "SasaranProgram": "Sasaran program: id, program yang dituju, uraian; diukur IKP.",
    "SasaranKegiatan": "Sasaran kegiatan: id, kegiatan yang dituju, uraian; diukur IKK.",
    "KelompokIndikator": (
        "Kelompok indikator di luar perjanjian utama (mis. indikator kinerja tambahan), "
        "dicetak di tabelnya sendiri."
    ),
    "SubKegiatan": "Sub kegiatan berpagu: id tetap, kode, nama resmi, pagu, bidang pemilik.",
    "Output": "Output (KRO/RO) kegiatan APBN: id tetap, kode, nama, pagu, bidang pemilik.",
    "Kegiatan": (
        "Kegiatan: pemda dirinci menjadi sub kegiatan; APBN berpagu sendiri (id, pagu, "
        "bidang) atau dirinci menjadi output. Pagu yang ditulis dicocokkan dengan jumlahnya."
    ),
    "Program": "Program, indikator PK yang ditunjang, dan kegiatannya.",
    "Target": "Target keluaran: jumlah dan satuan.",
    "Aksi": "Satu aksi: nama, bulan pelaksanaan, keluaran. Nomornya dari urutan.",
    "RencanaUnit": (
        "Rencana aksi satu unit berpagu (sub_kegiatan, kegiatan atau output): target "
        "keluaran dan daftar aksi."
    ),
    "SkalaOrdinal": "Skala bertingkat bernama: nama dan nilainya dari yang terendah.",
    "Kategori": "Satu kategori skala capaian: batas bawah (persen) dan namanya.",
    "Pemantauan": "Pengaturan pemantauan: skala kategori dan ambang wajib penjelasan.",
    "RealisasiIndikator": "Realisasi satu indikator pada triwulan ini, dengan penjelasannya.",
    "RealisasiAksi": "Aksi yang dilaporkan: nomornya, bulan terlaksana dalam triwulan ini.",
    "RealisasiUnit": "Realisasi anggaran dan keluaran kumulatif satu sub kegiatan.",
    "CatatanSumber": (
        "Catatan sumber: nilai isian ini direkonstruksi, diperkirakan atau direkonsiliasi, "
        "bukan salinan dokumen sumber; dicetak bersama nilainya."
    ),
    "CatatanJadwal": "Catatan sumber atas jadwal pelaksanaan (bulan) aksi.",
    "CatatanPagu": (
        "Catatan sumber atas pagu (kegiatan beserta sub kegiatannya, atau satu sub kegiatan)."
    ),
    "PerubahanPagu": "Satu pagu yang diubah Perubahan: unit berpagu, pagu lama dan baru.",
    "PerubahanTarget": "Satu target yang diubah Perubahan: indikator, target baru, alasannya.",
}


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of plan file kind ``kind`` (see :data:`KINDS`)."""
    model = KINDS[kind]
    document: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(mode="validation"),
    }
    document["title"] = TITLES[kind]
    document["description"] = TITLES[kind]
    for name, definition in document.get("$defs", {}).items():
        if name in DESCRIPTIONS:
            definition["description"] = DESCRIPTIONS[name]
    return document
