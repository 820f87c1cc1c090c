"""renaksi: a Rencana Aksi (SAKIP action plan) kept as checked YAML files."""

__version__ = "0.1.0"
