"""Folder data bawaan; berkas ini membuatnya ikut terpasang sebagai `saraf._data` (lihat `saraf.resources`)."""
