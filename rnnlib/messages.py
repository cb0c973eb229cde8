"""The course's message table: the Korean text of every message rnnlib shows a learner.

Keys are the English messages exactly as the code passes them to :func:`rnnlib.i18n.tr`
(the English edition shows the key itself); values are their Korean. ``{name}`` fields
must be the same in both. ``tests/test_messages.py`` checks that every literal
``tr("...")`` in rnnlib and in the notebooks has an entry here, that every entry is used,
that each Korean text is non-empty Korean and that the fields agree.

Entries are grouped by where they are used, one section per module or chapter, each in
the order of its module.
"""

KOREAN: dict[str, str] = {
    # --- rnnlib.viz ------------------------------------------------------------------------
    # --- rnnlib.widgets ----------------------------------------------------------------------
    # --- rnnlib.exercises ------------------------------------------------------------------
    # --- notebooks/00_start_here -----------------------------------------------------------
    # --- notebooks/01_sequences_and_hopfield ------------------------------------------------
    # --- notebooks/02_vanilla_rnn -----------------------------------------------------------
    # --- notebooks/03_bptt_and_vanishing_gradients ------------------------------------------
    # --- notebooks/04_lstm_and_gru ----------------------------------------------------------
    # --- notebooks/05_text_generation -------------------------------------------------------
    # --- notebooks/06_sequence_classification -----------------------------------------------
    "English": "영어",
    "German": "독일어",
    "Italian": "이탈리아어",
    "Spanish": "스페인어",
    "French": "프랑스어",
    "Dutch": "네덜란드어",
    "Finnish": "핀란드어",
    "GRU on test names (share of each true language)": "테스트 이름에 대한 GRU (실제 언어별 비율)",
    "Bigram baseline on test names": "테스트 이름에 대한 바이그램 기준선",
    "GRU: p(language | first t letters of '{name}')": "GRU: p(언어 | '{name}'의 처음 t글자)",
    "Negative": "부정",
    "Positive": "긍정",
    "GRU: p(sentiment | words so far)\n'{sentence}'": "GRU: p(감성 | 지금까지 읽은 단어)\n'{sentence}'",
    "positive": "긍정",
    "negative": "부정",
    "Korean": "한국어",
    "Sentiment GRU: learned embeddings of the adjectives (PCA)": "감성 GRU: 형용사의 학습된 임베딩 (PCA)",
    "aspect": "평가 대상",
    "adjective": "형용사",
    "intensifier": "강조 부사",
    "no polarity": "극성 없음",
    "Skip-gram vectors of the English words (PCA): grouped by slot, not by polarity": (
        "영어 단어의 스킵그램 벡터 (PCA): 극성이 아닌 자리(slot)별로 묶임"
    ),
    # --- notebooks/07_sequence_tagging ------------------------------------------------------
    # --- notebooks/08_time_series -----------------------------------------------------------
    # --- notebooks/09_encoder_decoder_attention ---------------------------------------------
}
