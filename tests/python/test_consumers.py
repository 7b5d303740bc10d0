# The module's Counter as the input of real consumers of word counts: gensim's
# Word2Vec vocabulary and SentencePiece's trainer, on the shipped corpus.
"""Run with the rest of the module's tests (tests/python/install_and_test.sh),
under Debian's interpreter, which has python3-gensim and python3-sentencepiece."""

import collections
import pathlib

import gensim
import numpy
import sentencepiece

import pytest

import vocabcount

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "corpus"


def corpus_files():
    files = sorted(CORPUS.glob("*.txt"))
    assert files, f"no corpus files in {CORPUS}"
    return files


def test_word2vec_vocabulary_from_counts_then_trains():
    files = corpus_files()
    # Sentences split as the whitespace tokenizer splits, one a line, so the
    # counts describe exactly what Word2Vec is then trained on.
    sentences = []
    for path in files:
        sentences += [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    sentences = [sentence for sentence in sentences if sentence]
    counts = vocabcount.count(files, tokenizer="whitespace")
    assert counts == collections.Counter(word for sentence in sentences for word in sentence)

    model = gensim.models.Word2Vec(vector_size=16, min_count=1, workers=1, seed=1)
    model.build_vocab_from_freq(counts)
    assert len(model.wv) == len(counts)
    wrong = {word: (model.wv.get_vecattr(word, "count") if word in model.wv.key_to_index else None, count)
             for word, count in counts.items()
             if word not in model.wv.key_to_index or model.wv.get_vecattr(word, "count") != count}
    assert wrong == {}, "word: (count in the model, count from vocabcount)"

    before = model.wv.vectors.copy()
    trained, raw = model.train(sentences, total_examples=len(sentences), epochs=1)
    # Every word of the sentences is in the vocabulary, so the raw words seen
    # are all the tokens counted; downsampling only thins the trained ones.
    assert raw == counts.total()
    assert 0 < trained <= raw
    assert not numpy.array_equal(before, model.wv.vectors), "training left every vector as it was"


# Every sentence and character counts, in file order, on one thread, so the
# trainer's result depends on the counts alone: no sampling, no sentence left
# out for its length, no character for its rarity.
DETERMINISTIC = dict(model_type="bpe", character_coverage=1.0, input_sentence_size=0,
                     shuffle_input_sentence=False, max_sentence_length=1000000,
                     num_threads=1, minloglevel=2)
VOCAB_SIZE = 200


def test_sentencepiece_bpe_from_count_table_equals_from_text(tmp_path):
    spm = sentencepiece
    text_path = CORPUS / "english.txt"
    counts = vocabcount.count(text_path, tokenizer="whitespace")
    table = tmp_path / "english.tsv"
    table.write_text("".join(f"{token}\t{count}\n" for token, count in counts.items()), encoding="utf-8")

    spm.SentencePieceTrainer.train(input=str(table), input_format="tsv", vocab_size=VOCAB_SIZE,
                                   model_prefix=str(tmp_path / "table"), **DETERMINISTIC)
    spm.SentencePieceTrainer.train(input=str(text_path), vocab_size=VOCAB_SIZE,
                                   model_prefix=str(tmp_path / "text"), **DETERMINISTIC)
    from_table = (tmp_path / "table.vocab").read_text(encoding="utf-8")
    from_text = (tmp_path / "text.vocab").read_text(encoding="utf-8")
    # SentencePiece splits text at whitespace before it counts words, so a
    # whitespace count table must teach it the very same pieces and scores.
    assert from_table == from_text
    pieces = [line.split("\t")[0] for line in from_table.splitlines()]
    assert len(pieces) == VOCAB_SIZE
    assert any(len(piece) > 3 and piece.startswith("▁") for piece in pieces), "no merge was learned"

    model = spm.SentencePieceProcessor(model_file=str(tmp_path / "table.model"))
    # Coverage 1.0 keeps every character, and the corpus's lines are NFKC
    # with single spaces, so each line cuts into known pieces and comes back.
    for line in text_path.read_text(encoding="utf-8").splitlines():
        ids = model.encode(line)
        assert model.unk_id() not in ids, line
        assert model.decode(ids) == line
