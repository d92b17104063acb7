"""The tokenizer side of the policy: the tiny model's byte-level BPE, trained here, and token
character spans (FGO maps executed lines to tokens through them).

:mod:`stepcoder_lite.model` re-exports these names (``model.train_tokenizer``, ...);
``load_tokenizer`` (any model's tokenizer, by name or path) lives with the loading code there.
"""

from __future__ import annotations

from typing import Iterable

from stepcoder_lite.prompts import END_OF_CODE

EOS_TOKEN = "<|endoftext|>"
"""The tiny tokenizer's one special token: end of text, also used for padding."""


def train_tokenizer(texts: Iterable[str], vocab_size: int = 2048, min_frequency: int = 2, split_digits: bool = True):
    """Train a byte-level BPE tokenizer and wrap it as a transformers fast tokenizer.

    Byte-level (GPT-2 style): every byte is in the base alphabet, so any text encodes, and
    pre-tokenization keeps a word's leading space in its token (``" print"``). **Digits are
    split one by one** before BPE sees them (``split_digits``), so ``37`` is always the two
    tokens ``3`` ``7``: a number in the statement and the same number in the program are the
    same token sequence, and copying a literal the model has never seen is copying digits it
    has (with whole-number tokens, ``% 37`` needs a token that may exist only in held-out
    problems). Offsets are not
    trimmed, so the character spans of a text's tokens tile the text exactly (FGO relies on it).
    ``END_OF_CODE`` is an added token (one id, never split) and ``<|endoftext|>`` is the
    special end/pad token.

    Args:
        texts: training text, e.g. every training prompt + solution.
        vocab_size: total vocabulary size including the 256 byte tokens and the added ones.
        min_frequency: a merge must occur at least this often.
        split_digits: pre-tokenize every digit as its own piece (a minus sign or a space stays
            with the piece before it, as byte-level BPE has it).
    """
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    byte_level = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.pre_tokenizer = (pre_tokenizers.Sequence([pre_tokenizers.Digits(individual_digits=True), byte_level])
                         if split_digits else byte_level)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size - 1,  # room for END_OF_CODE, added below
        min_frequency=min_frequency,
        special_tokens=[EOS_TOKEN],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    tok.add_tokens([AddedToken(END_OF_CODE, normalized=False, special=False)])
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token=EOS_TOKEN,
        eos_token=EOS_TOKEN,
        pad_token=EOS_TOKEN,
        padding_side="left",
        clean_up_tokenization_spaces=False,
    )


def encode_with_offsets(tokenizer, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Token ids of ``text`` and each token's ``(start, end)`` character span in ``text``.

    Needs a fast tokenizer. No special tokens are added, so the ids are exactly those of the text.
    On ASCII text (all of the families' code) the spans tile the text exactly; a non-ASCII
    character whose bytes are split over several byte-level tokens is covered by each of them.
    """
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    return list(enc["input_ids"]), [tuple(span) for span in enc["offset_mapping"]]
