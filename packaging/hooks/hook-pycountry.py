"""pycountry for the bundle: its metadata and only the two ISO 3166 databases Counterclaim reads
(app/core/places.py). Overrides the contrib hook, which would also collect every translation
(about 20 MB of .mo files the app never opens)."""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = copy_metadata("pycountry") + collect_data_files(
    "pycountry", includes=["databases/iso3166-1.json", "databases/iso3166-2.json"]
)
