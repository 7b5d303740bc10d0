#!/usr/bin/python3
# vocabcount's counts as the input of a real tokenizer trainer: SentencePiece
# BPE trained on a count table must learn what it learns from the text itself
# (whitespace words), or from the reference's table (gpt2 byte-level pieces).
"""Usage: sentencepiece_test.py VOCABCOUNT CORPUS_DIR [unittest options]

Needs Debian's sentencepiece (spm_train), python3-sentencepiece and
python3-regex: run it with /usr/bin/python3.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import sentencepiece

# The reference is imported from the source tree, which gets no __pycache__.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_pieces as ref  # noqa: E402

VOCABCOUNT = None
CORPUS = None
SPM_TRAIN = shutil.which("spm_train") or "/usr/bin/spm_train"

MULTILINGUAL = ["french.txt", "german.txt", "russian.txt", "greek.txt", "arabic.txt", "hebrew.txt",
                "hindi.txt", "korean.txt", "mixed.txt", "emoji.txt", "thai.txt", "japanese.txt",
                "chinese.txt"]

# Every sentence and character counts, in file order, on one thread: no
# sampling (--input_sentence_size=0 loads all), no sentence left out for its
# length, no character left out for rarity.
DETERMINISTIC = ["--model_type=bpe", "--character_coverage=1.0", "--input_sentence_size=0",
                 "--shuffle_input_sentence=false", "--max_sentence_length=1000000",
                 "--num_threads=1", "--minloglevel=2"]
# Byte-level keys are already the words, their "Ġ" the space: no
# normalization (NFKC would rewrite bytes shown as '²', '´', 'ĳ', ...), no
# dummy "▁" prefix, and merges across scripts and digits allowed, as in a
# byte-level BPE.
BYTE_LEVEL = ["--normalization_rule_name=identity", "--add_dummy_prefix=false",
              "--split_by_unicode_script=false", "--split_by_number=false"]
SPECIAL = {"<unk>", "<s>", "</s>"}


def vocabcount(*args):
    done = subprocess.run([VOCABCOUNT, "--no-progress", *args], capture_output=True, check=False)
    if done.returncode != 0:
        raise AssertionError("vocabcount %s: exit %d: %s" % (" ".join(args), done.returncode,
                                                             done.stderr.decode(errors="replace")))
    return done.stdout


def vocab_pieces(vocab):
    return [line.split("\t")[0] for line in vocab.decode("utf-8").splitlines()]


def vocab_difference(a, b, limit=10):
    """The first lines where two .vocab files differ, for the failure message."""
    a_lines, b_lines = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    lines = ["%d and %d entries" % (len(a_lines), len(b_lines))]
    for i, (x, y) in enumerate(zip(a_lines, b_lines)):
        if x != y:
            lines.append("  line %d: %r vs %r" % (i + 1, x, y))
            if len(lines) > limit:
                break
    return "\n".join(lines)


class SentencePieceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._scratch = tempfile.TemporaryDirectory(prefix="spm-test-")
        cls.dir = cls._scratch.name

    @classmethod
    def tearDownClass(cls):
        cls._scratch.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def corpus(self, names):
        return [os.path.join(CORPUS, n) for n in names]

    def write(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data)
        return self.path(name)

    def train(self, name, inputs, vocab_size, options, tsv=False):
        """Trains a model; returns the bytes of its .vocab."""
        prefix = self.path(name)
        args = [SPM_TRAIN, "--input=" + ",".join(inputs), "--model_prefix=" + prefix,
                "--vocab_size=%d" % vocab_size, *options]
        if tsv:
            args.append("--input_format=tsv")
        done = subprocess.run(args, capture_output=True, check=False)
        self.assertEqual(done.returncode, 0, "%s\n%s" % (" ".join(args), done.stderr.decode(errors="replace")))
        with open(prefix + ".vocab", "rb") as f:
            return f.read()

    def check_whitespace_table(self, name, files, vocab_size):
        table = self.write(name + ".tsv", vocabcount("-t", "whitespace", *files))
        from_text = self.train(name + "-text", files, vocab_size, DETERMINISTIC)
        from_table = self.train(name + "-table", [table], vocab_size, DETERMINISTIC, tsv=True)
        self.assertEqual(len(vocab_pieces(from_text)), vocab_size)
        self.assertEqual(from_text, from_table, vocab_difference(from_text, from_table))
        # Merges were learned, not just characters listed.
        self.assertTrue(any(len(p) > 3 and p.startswith("▁") for p in vocab_pieces(from_text)))

    def test_whitespace_table_trains_as_text_english(self):
        self.check_whitespace_table("english", self.corpus(["english.txt"]), 300)

    def test_whitespace_table_trains_as_text_multilingual(self):
        self.check_whitespace_table("multilingual", self.corpus(MULTILINGUAL), 1500)

    def check_byte_level_table(self, name, files, vocab_size):
        counted = vocabcount("-t", "gpt2", *files)
        reference = ref.tsv(ref.count_pieces(ref.texts_of(files, None), "gpt2"))
        self.assertEqual(counted, reference, "vocabcount -t gpt2 differs from the reference")
        table = self.write(name + ".tsv", counted)
        reference_table = self.write(name + "-reference.tsv", reference)
        vocab = self.train(name, [table], vocab_size, DETERMINISTIC + BYTE_LEVEL, tsv=True)
        from_reference = self.train(name + "-reference", [reference_table], vocab_size,
                                    DETERMINISTIC + BYTE_LEVEL, tsv=True)
        self.assertEqual(vocab, from_reference, vocab_difference(vocab, from_reference))

        alphabet = set(ref.bytes_to_unicode().values())
        pieces = [p for p in vocab_pieces(vocab) if p not in SPECIAL]
        self.assertEqual(len(pieces) + len(SPECIAL), vocab_size)
        strays = [p for p in pieces if not set(p) <= alphabet]
        self.assertEqual(strays, [], "pieces with characters outside the byte-level alphabet")
        # The single characters are exactly those of the keys (coverage 1.0).
        keys = [line.split(b"\t")[0].decode("utf-8") for line in counted.splitlines()]
        self.assertEqual({p for p in pieces if len(p) == 1}, set("".join(keys)))
        self.assertIn("Ġ", pieces)
        self.assertTrue(any(len(p) > 2 and p.startswith("Ġ") for p in pieces), "no merge after a space")
        # The model cuts every key into known pieces and joins them back.
        model = sentencepiece.SentencePieceProcessor(model_file=self.path(name) + ".model")
        for key in keys:
            ids = model.encode(key)
            self.assertNotIn(model.unk_id(), ids, key)
            self.assertEqual(model.decode(ids), key)

    def test_byte_level_table_english(self):
        self.check_byte_level_table("gpt2-english", self.corpus(["english.txt"]), 400)

    def test_byte_level_table_multilingual(self):
        self.check_byte_level_table("gpt2-multilingual", self.corpus(MULTILINGUAL), 1000)


def main():
    global VOCABCOUNT, CORPUS
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    VOCABCOUNT, CORPUS = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)


if __name__ == "__main__":
    main()
