"""Chinese tokenisation with jieba, a banking lexicon and a synonym table.

The lexicon (``data/lexicon/domain.txt``, jieba user-dict format), the synonym
table (``data/lexicon/synonyms.yaml``: canonical term -> variants) and the stop
words (``data/lexicon/stopwords.txt``) are data, so users extend them without code.

Résumés in Traditional Chinese and in English go through the same machinery:
:meth:`JiebaTokenizer.canonicalize` first converts Traditional Chinese to
Simplified (:func:`rolematch.language.to_simplified`), then rewrites variants to
canonical terms, and the synonym table also holds regional terms (流动银行,
反洗黑钱) and English ones (mobile banking, AML, contact centre), so
``Led the mobile banking team`` counts 手机银行 like ``负责手机银行``.
"""

from __future__ import annotations

import itertools
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolematch._resources import data_dir, load_yaml

if TYPE_CHECKING:
    import numpy as np

__all__ = ["JiebaTokenizer", "SynonymMap", "WordSpans", "load_synonyms", "release_dictionaries"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_ASCII_WORD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9+#.\-]*$")
_DIGITS = re.compile(r"^[\d.%\-]+$")


def _lexicon_dir() -> Path:
    return data_dir() / "lexicon"


def load_synonyms(path: str | Path | None = None) -> dict[str, list[str]]:
    """Read a synonym table ``{canonical: [variant, ...]}`` (YAML).

    Examples
    --------
    >>> load_synonyms()["消保"][:2]
    ['消费者权益保护', '金融消费者权益保护']
    """
    path = Path(path) if path is not None else _lexicon_dir() / "synonyms.yaml"
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of canonical term -> list of variants")
    return {str(k): [str(v) for v in (vs or [])] for k, vs in data.items()}


def _key(variant: str) -> str:
    # "Contact-Centre" and "contact centre" are one variant
    return re.sub(r"[\s_-]+", " ", variant.lower())


def _plurals(variant: str) -> list[str]:
    """English plural forms of an ASCII variant's last word (agents, policies, branches).

    Examples
    --------
    >>> _plurals("call agent"), _plurals("policy"), _plurals("branch"), _plurals("H5")
    (['call agents'], ['policies'], ['branches'], [])
    """
    if not variant.isascii() or not variant[-1:].isalpha():
        return []
    if variant[-1] in "yY" and variant[-2:-1].lower() not in ("a", "e", "i", "o", "u", ""):
        return [variant[:-1] + "ies"]
    if variant.lower().endswith(("s", "x", "z", "ch", "sh")):
        return [variant + "es"]
    return [variant + "s"]


_GAP = "\x00"  # a separator inside an ASCII variant: any run of spaces, "-" or "_"


def _trie_regex(words: Sequence[str]) -> str:
    """One regular expression for many literal words, as a prefix tree.

    An alternation of a thousand words is tried word by word at every position;
    a prefix tree is tried character by character, so the synonym table can be
    large. Longer words win: every optional continuation is greedy.

    Examples
    --------
    >>> rx = _trie_regex(["call centre", "call", "cab"])
    >>> [re.fullmatch(rx, w) is not None for w in ["call-centre", "call", "cab", "ca"]]
    [True, True, True, False]
    """
    # A separator may be absent ("callcentre"). Were it an optional edge, a branch that
    # matches nothing could shadow a sibling's longer word ("c 行" would win over "c行 行"
    # in "c行行"), so each word is stored with each gap either closed or one-or-more
    # separators: siblings then start with different characters and the greedy path is
    # the longest word.
    trie: dict[str, Any] = {}
    for w in words:
        parts = w.split(" ")
        for joins in itertools.product(("", _GAP), repeat=len(parts) - 1):
            node = trie
            glued = "".join(j + part for j, part in zip(joins, parts[1:], strict=True))
            for ch in parts[0] + glued:
                node = node.setdefault(ch, {})
            node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            atom = "[\\s_-]+" if ch == _GAP else re.escape(ch)
            branches.append(atom + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
        return body

    return emit(trie)


class SynonymMap:
    """Rewrite variants to their canonical term, longest variant first.

    ASCII variants match case-insensitively and only as whole words, so ``AML``
    is rewritten in ``熟悉AML合规`` but not inside ``HTML``; their plural forms
    match too (``call centres``), unless the table lists the plural elsewhere.

    Examples
    --------
    >>> m = SynonymMap({"消保": ["消费者权益保护"], "反洗钱": ["AML"], "坐席": ["agent"]})
    >>> m("负责消费者权益保护和AML工作，熟悉HTML")
    '负责消保和反洗钱工作，熟悉HTML'
    >>> m("Coached 40 agents on AML")
    'Coached 40 坐席 on 反洗钱'
    """

    def __init__(self, table: Mapping[str, Sequence[str]]) -> None:
        self.table = {k: list(v) for k, v in table.items()}
        self._canon: dict[str, str] = {}
        for canon, variants in self.table.items():
            for v in variants:
                self._canon[_key(v)] = canon
        for canon, variants in self.table.items():
            for v in variants:
                for p in _plurals(v):
                    self._canon.setdefault(_key(p), canon)
        # the separator pattern also matches nothing: "callcentre" is "call centre"
        self._squeezed = {k.replace(" ", ""): c for k, c in self._canon.items()}
        ascii_ = [v for v in self._canon if v.isascii()]
        cjk = [v for v in self._canon if not v.isascii()]
        alts = []
        # CJK text has no word boundaries; ASCII words must not match inside others.
        if ascii_:
            alts.append(rf"(?<![A-Za-z0-9])(?:{_trie_regex(ascii_)})(?![A-Za-z0-9])")
        if cjk:
            alts.append(_trie_regex(cjk))
        self._pattern = re.compile("|".join(alts), re.IGNORECASE) if alts else None

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, m: re.Match[str]) -> str:
        k = _key(m.group(0))
        return self._canon.get(k) or self._squeezed[k.replace(" ", "")]

    def __reduce__(self) -> tuple[Any, ...]:
        return (SynonymMap, (self.table,))


@lru_cache(maxsize=4)
def _jieba(userdict: str) -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.check_initialized()
    with open(userdict, "rb") as f:  # jieba leaves a path's file handle open
        words = [ln.split()[0] for ln in f.read().decode("utf-8").splitlines() if ln.strip()]
    # The lexicon's frequencies are set for segmentation; a term's rarity in general
    # Chinese is read from jieba's own dictionary, before the lexicon overrides it.
    tk.base_freq = {w: tk.FREQ.get(w, 0) for w in words}
    with open(userdict, "rb") as f:  # jieba leaves a path's file handle open
        tk.load_userdict(f)
    _unglue_particles(tk)
    return tk


#: particles and conjunctions jieba's dictionary glues to the word before them (检查和,
#: 真正的), and the 类 it glues to the word after (类产品): such an entry cuts 理财类产品
#: into 理财 + 类产品 and makes the fragment a keyword that ordinary phrases then match
_GLUED_AFTER = frozenset("的和与或及并")
_GLUED_BEFORE = frozenset("类")


def _unglue_particles(tk: Any) -> None:
    """Drop the dictionary's three-character entries that are a word and a glued
    particle, so the word is cut alone (检查和 -> 检查 + 和)."""
    freq = tk.FREQ
    for w, f in list(freq.items()):
        if (
            f
            and len(w) == 3
            and (
                (w[-1] in _GLUED_AFTER and freq.get(w[:-1]))
                or (w[0] in _GLUED_BEFORE and freq.get(w[1:]))
            )
        ):
            freq[w] = 0  # jieba's own way to delete a word (Tokenizer.del_word)


def release_dictionaries() -> None:
    """Free the loaded jieba dictionaries (~60 MB each); the next tokenisation reloads them.

    A batch worker calls this after ``Matcher.fit``: scoring counts keywords by
    substring search and does not tokenise.
    """
    _jieba.cache_clear()


_JIEBA_LOCK = threading.Lock()


class WordSpans(Sequence[tuple[int, int]]):
    """The jieba word spans of a text, segmented one block at a time on first use.

    jieba cuts a text into runs of Han characters, letters and digits and segments each
    run on its own (``jieba.re_han_default``), so segmenting one run alone gives the
    words segmenting the whole text gives. Keyword hits touch a few of a résumé's runs;
    the others are segmented only if :meth:`words` asks for them. Characters outside the
    runs are one-character words (``\\r\\n`` one word), as in ``jieba.tokenize``.

    Examples
    --------
    >>> spans = JiebaTokenizer().word_spans("做运营商, 数据库")
    >>> spans[1], spans[3], spans[4], spans[6]
    ((1, 4), (1, 4), (4, 5), (6, 9))
    >>> list(spans) == [spans[i] for i in range(len(spans))]
    True
    """

    __slots__ = ("_ends", "_spans", "_starts", "_text", "_tk", "_words")

    def __init__(self, tokenizer: Any, text: str) -> None:
        import jieba

        self._tk, self._text = tokenizer, text
        runs = [m.span() for m in jieba.re_han_default.finditer(text)]
        self._starts = [a for a, _ in runs]
        self._ends = [b for _, b in runs]
        self._words: dict[int, list[str]] = {}  # block -> its words, once segmented
        self._spans: dict[int, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self._text)

    def __getitem__(self, i: int) -> tuple[int, int]:  # type: ignore[override]
        if not 0 <= i < len(self._text):
            raise IndexError(i)
        k = bisect_right(self._starts, i) - 1
        if k < 0 or i >= self._ends[k]:
            t = self._text
            if t.startswith("\r\n", i):
                return (i, i + 2)
            if i > 0 and t.startswith("\r\n", i - 1):
                return (i - 1, i + 1)
            return (i, i + 1)
        if k not in self._words:
            self._segment(k)
        return self._spans[i]

    def words(self) -> list[str]:
        """Every word of the runs, in order (segmenting the runs not segmented yet).

        Examples
        --------
        >>> JiebaTokenizer().word_spans("做运营商, 数据库").words()
        ['做', '运营商', '数据库']
        """
        out: list[str] = []
        for k in range(len(self._starts)):
            if k not in self._words:
                self._segment(k)
            out += self._words[k]
        return out

    def _segment(self, k: int) -> None:
        a = self._starts[k]
        words = []
        for word, start, end in self._tk.tokenize(self._text[a : self._ends[k]], HMM=False):
            words.append(word)
            for j in range(a + start, a + end):
                self._spans[j] = (a + start, a + end)
        self._words[k] = words


class JiebaTokenizer:
    """Callable ``str -> list[str]`` for scikit-learn's ``tokenizer=``.

    Traditional Chinese is converted to Simplified and synonyms (Chinese, regional
    and English variants) are rewritten first, then jieba segments with the domain lexicon
    (no HMM, so the same phrase always segments the same way); stop words, single
    characters, punctuation and bare numbers are dropped; ASCII is lower-cased.

    Parameters
    ----------
    userdict : path, optional
        jieba user dictionary; default ``data/lexicon/domain.txt``.
    synonyms : mapping or path, optional
        ``{canonical: [variants]}`` or a YAML file; default ``data/lexicon/synonyms.yaml``.
    stopwords : iterable of str or path, optional
        Default ``data/lexicon/stopwords.txt``.
    convert_traditional : bool, default True
        Convert Traditional Chinese to Simplified (with mainland vocabulary) before
        the synonyms, so 流動銀行 and 軟體 count as 手机银行 and 软件.

    Examples
    --------
    >>> tok = JiebaTokenizer()
    >>> tok("负责手机银行APP和云闪付的运营，熟悉AML")
    ['手机银行', '云闪付', '运营', '反洗钱']
    >>> tok("負責流動銀行及反洗黑錢")
    ['手机银行', '反洗钱']
    >>> tok("Led the mobile banking team and the UnionPay QuickPass launch")
    ['led', '手机银行', '云闪付', '上线']
    """

    def __init__(
        self,
        userdict: str | Path | None = None,
        synonyms: Mapping[str, Sequence[str]] | str | Path | None = None,
        stopwords: Sequence[str] | str | Path | None = None,
        convert_traditional: bool = True,
    ) -> None:
        lex = _lexicon_dir()
        self.userdict = str(userdict if userdict is not None else lex / "domain.txt")
        if synonyms is None or isinstance(synonyms, str | Path):
            synonyms = load_synonyms(synonyms)
        self.synonyms = SynonymMap(synonyms)
        if stopwords is None or isinstance(stopwords, str | Path):
            sw_path = Path(stopwords) if stopwords is not None else lex / "stopwords.txt"
            stopwords = sw_path.read_text(encoding="utf-8").split()
        self.stopwords = frozenset(w.lower() for w in stopwords)
        self.convert_traditional = convert_traditional

    def canonicalize(self, text: str) -> str:
        """Traditional to Simplified, then synonym variants to canonical terms.

        Used before matching too (keyword counts search the canonical text).

        Examples
        --------
        >>> JiebaTokenizer().canonicalize("熟悉網聯及AML，負責聯絡中心")
        '熟悉网联及反洗钱，负责呼叫中心'
        """
        if getattr(self, "convert_traditional", True):  # pickles from before it existed
            from rolematch.language import to_simplified

            text = to_simplified(text)
        return self.synonyms(text)

    def _tokenizer(self) -> Any:
        with _JIEBA_LOCK:  # jieba's lazy initialisation is not thread-safe
            tk = _jieba(self.userdict)
            tk.check_initialized()
        return tk

    def specificity(self, terms: Sequence[str]) -> np.ndarray:
        """How rare each term is in general Chinese, in [0, 1] (1 = unseen).

        ``log(total / (freq + 1)) / log(total)`` with jieba's own dictionary
        frequencies (not the domain lexicon's, which are tuned for segmentation):
        管理, 系统, 客户 are common words and carry little evidence
        that a résumé fits a banking role; 网联, 坐席 and 消保 are rare.

        Examples
        --------
        >>> s = JiebaTokenizer().specificity(["管理", "坐席", "python"])
        >>> bool(s[0] < s[1] <= s[2] == 1.0)
        True
        """
        import numpy as np

        tk = self._tokenizer()
        base = tk.base_freq
        freq = np.array([base.get(t, tk.FREQ.get(t, 0)) for t in terms], dtype=np.float64)
        total = float(tk.total)
        return np.asarray(np.log((total + 1) / (freq + 1)) / np.log(total + 1))

    def word_spans(self, text: str) -> Sequence[tuple[int, int]]:
        """For each character of ``text``, the (start, end) of the jieba word holding it.

        A keyword found by substring search counts unless it lies inside one longer
        word: 运营 inside 运营商 or 数据 inside 数据库 is another word, while 风险管理 in
        负责风险管理工作 (segmented 风险/管理工作) still counts. The spans are worked
        out one jieba block at a time when first asked for (:class:`WordSpans`).

        Examples
        --------
        >>> list(JiebaTokenizer().word_spans("运营商"))
        [(0, 3), (0, 3), (0, 3)]
        """
        return WordSpans(self._tokenizer(), text)

    def compound_cuts(self, word: str) -> frozenset[int]:
        """Offsets where ``word`` splits into dictionary words of two or more characters.

        A compound built of such words is transparent: 客服 counts inside 客服中心
        and 投诉 inside 投诉处理, while 运营商 (运营 + the suffix 商) and 数据库 stay
        words of their own. Offsets are inner boundaries of some full split.

        Examples
        --------
        >>> tok = JiebaTokenizer()
        >>> sorted(tok.compound_cuts("客服中心")), sorted(tok.compound_cuts("运营商"))
        ([2], [])
        """
        cache: dict[str, frozenset[int]] = self.__dict__.setdefault("_cuts", {})
        cuts = cache.get(word)
        if cuts is None:
            if len(cache) > _MAX_CUTS_CACHED:  # résumé words have no end
                cache.clear()
            cuts = cache[word] = _cuts(word, self._tokenizer().FREQ)
        return cuts

    def __call__(self, text: str) -> list[str]:
        return self.keep(self._tokenizer().cut(self.canonicalize(text), HMM=False))

    def keep(self, words: Iterable[str]) -> list[str]:
        """The words a call keeps: no stop words, single characters, punctuation or
        bare numbers; ASCII lower-cased (for words segmented elsewhere, e.g.
        :meth:`WordSpans.words`).

        Examples
        --------
        >>> JiebaTokenizer().keep(["做", "运营商", "，", "2024", "Java", "的"])
        ['运营商', 'java']
        """
        out = []
        for raw in words:
            tok = raw.strip().lower()
            if len(tok) < 2 or tok in self.stopwords or _DIGITS.match(tok):
                continue
            if _CJK.search(tok) or _ASCII_WORD.match(tok):
                out.append(tok)
        return out

    def subwords(self, text: str) -> list[str]:
        """The words inside the compound tokens of ``text`` (jieba's search mode).

        A role that asks for 智能质检 is also evidenced by a résumé's 质检. A stop word
        has no parts: 吃苦耐劳 is boilerplate, and so are its 吃苦 and 耐劳.

        Examples
        --------
        >>> JiebaTokenizer().subwords("负责智能质检，吃苦耐劳")
        ['智能质检', '智能', '质检']
        """
        tk = self._tokenizer()
        out = []
        for word in tk.cut(self.canonicalize(text), HMM=False):
            if word.lower() in self.stopwords:
                continue
            # the word's own parts (客服 and 中心 in 客服中心), and longer dictionary words
            # inside a long compound (远程银行 in 远程银行中心)
            out += [word, *_parts(tk, word)]
            n = len(word)
            if n > 4:
                out += [
                    word[i : i + k]
                    for k in range(4, n)
                    for i in range(n - k + 1)
                    if tk.FREQ.get(word[i : i + k])
                ]
        return self.keep(out)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_cuts", None)
        return state

    def __repr__(self) -> str:
        return f"JiebaTokenizer(userdict={self.userdict!r})"


def _parts(tk: Any, word: str) -> list[str]:
    """The words of ``word``'s most likely split into smaller dictionary words, and theirs.

    jieba's search mode emits every dictionary 2- and 3-gram inside a word, also those
    across its parts: 算机 in 计算机, 金流 in 现金流, 上学 in 以上学历 — fragments that
    then show up as a posting's "missing keywords". The best path that does not take
    the whole word (jieba's own route) keeps 计算, 现金, 以上 and 学历.

    Examples
    --------
    >>> tk = JiebaTokenizer()._tokenizer()
    >>> _parts(tk, "计算机"), _parts(tk, "消费者权益保护")
    (['计算'], ['消费者', '消费', '权益', '保护'])
    """
    n = len(word)
    if n < 3 or not _CJK.search(word):
        return []
    dag = tk.get_DAG(word)
    dag[0] = [j for j in dag[0] if j != n - 1] or [0]
    route: dict[int, tuple[float, int]] = {}
    tk.calc(word, dag, route)
    out, i = [], 0
    while i < n:
        j = route[i][1] + 1
        if j - i >= 2:
            out += [word[i:j], *_parts(tk, word[i:j])]
        i = j
    return out


#: Words whose compound cuts a tokenizer keeps (a long batch meets endless words).
_MAX_CUTS_CACHED = 200_000


def _cuts(word: str, freq: Mapping[str, int]) -> frozenset[int]:
    """Inner offsets of ``word`` on a path of dictionary words (>= 2 characters each)
    from its start to its end, the whole word itself not counted as a path."""
    n = len(word)
    if n < 4 or not _CJK.search(word):
        return frozenset()

    def piece(i: int, j: int) -> bool:
        return j - i >= 2 and (i, j) != (0, n) and bool(freq.get(word[i:j]))

    fwd = [False] * (n + 1)
    fwd[0] = True
    for i in range(n):
        if fwd[i]:
            for j in range(i + 2, n + 1):
                fwd[j] = fwd[j] or piece(i, j)
    bwd = [False] * (n + 1)
    bwd[n] = True
    for j in range(n, 0, -1):
        if bwd[j]:
            for i in range(j - 2, -1, -1):
                bwd[i] = bwd[i] or piece(i, j)
    return frozenset(b for b in range(2, n - 1) if fwd[b] and bwd[b])
