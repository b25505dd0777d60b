from __future__ import annotations

import pickle

import numpy as np
import pytest

from rolematch.documents import Role
from rolematch.features.keywords import KeywordVectorizer

ROLES = [
    Role("channel", "渠道主管", ("负责手机银行运营和风险管理", "沟通协调"), ("熟悉Python",)),
    Role("service", "客服主管", ("负责坐席排班", "沟通协调"), ("熟悉呼叫中心",)),
    Role("pay", "支付主管", ("负责网联对接", "沟通协调"), ("熟悉支付结算",)),
]


@pytest.fixture(scope="module")
def kv():
    return KeywordVectorizer().fit(ROLES)


def test_a_keyword_counts_inside_a_longer_chinese_run(kv):
    counts = kv.count(["我负责风险管理工作，熟悉Python开发"])[0]
    assert counts[kv.index("风险管理")] == 1
    assert counts[kv.index("python")] == 1


def test_ascii_keywords_need_word_edges(kv):
    assert kv.count(["会写Jython"])[0][kv.index("python")] == 0


def test_synonyms_count_as_their_canonical_term(kv):
    assert kv.count(["负责客服代表的排班"])[0][kv.index("坐席")] == 1


def test_words_every_role_shares_weigh_nothing(kv):
    w = kv.role_weights_
    assert np.all(w[:, kv.index("沟通")] == 0)
    assert w[0, kv.index("手机银行")] > 0
    assert w[1, kv.index("手机银行")] == 0


def test_requirement_terms_are_boosted():
    plain = KeywordVectorizer(requirement_weight=1.0).fit(ROLES)
    boosted = KeywordVectorizer(requirement_weight=3.0).fit(ROLES)
    i = plain.index("python")
    assert boosted.role_weights_[0, i] == pytest.approx(3 * plain.role_weights_[0, i])


def test_single_role_catalogue_keeps_weights(kv):
    one = KeywordVectorizer().fit(ROLES[:1])
    assert one.role_weights_.sum() > 0


def test_pickle_round_trip(kv):
    again = pickle.loads(pickle.dumps(kv))
    text = ["负责手机银行和网联，熟悉Python"]
    assert np.array_equal(again.count(text), kv.count(text))
