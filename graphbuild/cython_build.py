"""Build step (``build_ext``): compile the extraction modules with Cython, where this machine can.

The extractors and the assembly are plain Python, and stay the only source: Cython translates
the same files to C, which spares the interpreter's own work on every line, most of what these
rules cost, and takes a fifth to a third off their time (README, Extraction speed;
``benchmarks/extraction_speed.py`` prints which build it measured). ``pyproject.toml`` lists the modules (``[tool.setuptools] ext-modules``) and names this
class as the build's ``build_ext``; a test checks that the list holds every extractor.

One module is written in Cython, ``extractors/_token_reads.pyx``: it reads spaCy's token arrays
through spaCy's C declarations, so it needs spaCy and NumPy in the build (``pyproject.toml``
requires spaCy for it), compiles as C++, and is good for the spaCy release it was built with
(its recorded hash includes that release); ``extractors/token_reads.py`` does its work where it is
not built.

Compiling is optional. Without Cython or a C compiler the build warns and installs the plain
modules, which do the same at the plain-Python speed; ``GRAPHBUILD_PURE_PYTHON=1`` skips compiling
on purpose. Each compiled module's source hash goes into ``graphbuild/compiled_sources.json``, so
that a source edited after the build runs as edited (see ``graphbuild.compiled``).
"""

import hashlib
import importlib.util
import json
import os
import shutil
import sysconfig
from pathlib import Path

from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parents[1]
DIRECTIVES = {
    "language_level": 3,
    "binding": True,  # functions keep their signatures and docstrings (spaCy's factories, doctest)
    "annotation_typing": False,  # annotations stay annotations: the code means what Python says
    "autotestdict": False,  # doctest finds the docstrings itself; no second copy of each
}
# No debugging symbols, and -O2: the same speed as -O3 here, in half the compile time.
COMPILE_ARGS = ["-O2", "-g0"]
CACHE = ROOT / "build" / "compiled"  # built modules by source hash: a reinstall compiles only what changed


def _load_source_rules():
    """``graphbuild/compiled.py``, loaded from its file (setuptools loads this build step the
    same way, without the package): where a module's source is and how its hash is taken, the
    rules the run-time check applies to what this build records."""
    spec = importlib.util.spec_from_file_location("graphbuild_source_rules", ROOT / "graphbuild" / "compiled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_rules = _load_source_rules()


def _warn(message):
    print(f"graphbuild build: {message}", flush=True)


class OptionalBuildExt(build_ext):
    """``build_ext`` that translates the modules with Cython, reuses a module built before from
    the same source, leaves a module plain Python where compiling it fails, and records the
    sources of those it compiled."""

    def finalize_options(self):
        super().finalize_options()
        self.parallel = self.parallel or os.cpu_count() or 1
        for ext in self.extensions:
            ext.extra_compile_args = COMPILE_ARGS

    def run(self):
        self.compiled = {}
        if os.environ.get("GRAPHBUILD_PURE_PYTHON"):
            _warn("GRAPHBUILD_PURE_PYTHON is set: the extraction modules stay plain Python")
            self.extensions = []
            self._write_manifest()
            return
        try:
            from Cython import __version__ as cython_version
            from Cython.Build import cythonize
        except ImportError:
            _warn("Cython is not installed: the extraction modules stay plain Python")
            self.extensions = []
        else:
            self.cache_tag = hashlib.sha256(
                repr((cython_version, DIRECTIVES, COMPILE_ARGS, sysconfig.get_config_var("EXT_SUFFIX"))).encode()
            ).hexdigest()
            fresh = [ext for ext in self.extensions if not self._cached(ext).exists()]
            plain = [ext for ext in fresh if _rules.source_path(ROOT, ext.name).suffix == ".py"]
            if plain:  # translate only what will be compiled; the C files stay in build/cython
                self._translate(cythonize, plain)
            for ext in fresh:
                if ext not in plain:
                    self._translate_cython(cythonize, ext)
        try:
            super().run()
        except Exception as error:  # no compiler at all: every module stays plain Python
            _warn(f"could not compile the extraction modules ({error}); installing them as plain Python")
        self._write_manifest()

    def _translate(self, cythonize, extensions):
        translated = cythonize(extensions, build_dir="build/cython", compiler_directives=DIRECTIVES, nthreads=self.parallel, quiet=True)
        for ext, c_module in zip(extensions, translated):
            ext.sources = c_module.sources

    def _translate_cython(self, cythonize, ext):
        """Translate a module written in Cython against spaCy's C declarations (which need
        spaCy and NumPy in the build); where that fails, the module is left out and its plain
        Python counterpart does the work."""
        try:
            import numpy

            ext.include_dirs.append(numpy.get_include())
            self._translate(cythonize, [ext])
        except Exception as error:
            _warn(f"could not translate {ext.name} ({error}); its plain Python counterpart is used")
            self.extensions.remove(ext)

    def _source_hash(self, ext):
        """The SHA-256 of the module's source, read once per build."""
        hashes = self.__dict__.setdefault("_hashes", {})
        if ext.name not in hashes:
            hashes[ext.name] = _rules.source_hash(_rules.source_path(ROOT, ext.name))
        return hashes[ext.name]

    def _cached(self, ext):
        key = hashlib.sha256((self.cache_tag + self._source_hash(ext)).encode()).hexdigest()[:24]
        return CACHE / f"{ext.name}-{key}.so"

    def build_extension(self, ext):
        target, cached = Path(self.get_ext_fullpath(ext.name)), self._cached(ext)
        if cached.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
        else:
            try:
                super().build_extension(ext)
            except Exception as error:
                _warn(f"could not compile {ext.name} ({error}); it stays plain Python")
                return
            CACHE.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, cached)
        self.compiled[ext.name] = self._source_hash(ext)

    def _manifest_path(self):
        return Path(self.get_ext_fullpath("graphbuild.extraction")).parent / _rules.MANIFEST_NAME

    def _write_manifest(self):
        path = self._manifest_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.compiled, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    def get_outputs(self):
        """The built modules (after ``run``, only those that compiled) and the manifest."""
        compiled = getattr(self, "compiled", None)
        built = [
            self.get_ext_fullpath(ext.name) for ext in self.extensions if compiled is None or ext.name in compiled
        ]
        return built + [str(self._manifest_path())]
