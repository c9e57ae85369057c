"""setuptools' list of packages; everything else is in pyproject.toml.

Every package under reader/ is found, and the data folders pyproject.toml maps into it (resources/ as
reader.resources, with its icons/, and seeds/ as reader.seeds) are added, which a `find` table in pyproject.toml
cannot do.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["reader", "reader.*"]), "reader.resources", "reader.resources.icons",
                  "reader.seeds"])
