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
    "training (moving average)": "학습 (이동 평균)",
    "validation": "검증",
    "unigram": "유니그램",
    "bigram": "바이그램",
    "5-gram": "5-그램",
    "GRU language model on Python's help pages: bits per character": (
        "파이썬 도움말 문서로 학습한 GRU 언어 모델: 문자당 비트"
    ),
    "GRU, last k characters": "GRU, 마지막 k개 문자",
    "n-gram, k = n - 1 characters": "n-gram, k = n - 1개 문자",
    "Bits per character when the model may see only the last k characters": (
        "모델이 마지막 k개 문자만 볼 수 있을 때의 문자당 비트"
    ),
    "characters the model may see (k)": "모델이 볼 수 있는 문자 수 (k)",
    "After 'The value of the ': next-character distribution": (
        "'The value of the ' 다음에 올 문자의 분포"
    ),
    "pretrained model (validation)": "사전 학습 모델 (검증)",
    "this chapter's GRU (validation)": "이 장의 GRU (검증)",
    "A longer run: validation bits per character (from the committed training log)": (
        "더 오래 학습하면: 검증 문자당 비트 (저장소에 올린 학습 기록)"
    ),
    "this chapter's GRU": "이 장의 GRU",
    "pretrained": "사전 학습 모델",
    "Unit {unit} (best 'inside quotes' unit) while reading validation text": (
        "검증 텍스트를 읽는 동안의 유닛 {unit} ('따옴표 안' 특징을 가장 잘 따르는 유닛)"
    ),
    "pretrained (first layer)": "사전 학습 모델 (첫 번째 층)",
    # --- notebooks/06_sequence_classification -----------------------------------------------
    # --- notebooks/07_sequence_tagging ------------------------------------------------------
    # --- notebooks/08_time_series -----------------------------------------------------------
    # --- notebooks/09_encoder_decoder_attention ---------------------------------------------
}
