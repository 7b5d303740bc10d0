"""Builds the vocabcount Python package: the _vocabcount extension through
the project's own CMake build (a tree of its own, build-python/ unless
VOCABCOUNT_PYTHON_BUILD_DIR names another, reused between installs), and the
package's Python files from python/vocabcount. Install it with
    pip install --no-build-isolation --no-index .
after the Debian packages scripts/install-deps.sh lists are installed."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def project_version():
    """The version of project(vocabcount VERSION ...): the command's own."""
    text = (ROOT / "CMakeLists.txt").read_text()
    return re.search(r"project\(vocabcount VERSION ([0-9.]+)", text).group(1)


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = Path(os.environ.get("VOCABCOUNT_PYTHON_BUILD_DIR", ROOT / "build-python"))
        subprocess.run(
            ["cmake", "-S", str(ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
             "-DVOCABCOUNT_BUILD_PYTHON=ON", "-DVOCABCOUNT_STATIC_DEPS=OFF",
             "-DVOCABCOUNT_BUILD_TESTS=OFF", "-DVOCABCOUNT_BUILD_TOOLS=OFF",
             f"-DPython_EXECUTABLE={sys.executable}"],
            check=True)
        subprocess.run(
            ["cmake", "--build", str(build_dir), "--target", "_vocabcount",
             "-j", str(os.cpu_count() or 1)],
            check=True)
        built = build_dir / "python" / "vocabcount" / Path(self.get_ext_filename(ext.name)).name
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(
    name="vocabcount",
    version=project_version(),
    description="Token frequencies of large text corpora, counted in parallel",
    packages=["vocabcount"],
    package_dir={"": "python"},
    package_data={"vocabcount": ["__init__.pyi", "py.typed"]},
    ext_modules=[CMakeExtension("vocabcount._vocabcount")],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    options={"build": {"build_base": "build-python/setuptools"}},
    zip_safe=False,
)
