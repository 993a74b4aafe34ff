"""Folder model dan gambar tersimpan; berkas ini membuatnya ikut terpasang sebagai `saraf._assets` (lihat `saraf.resources`)."""
