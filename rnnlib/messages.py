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
    "The same RNN rolled up (left) and unrolled over 'hell' (right)": (
        "같은 RNN을 접은 그림(왼쪽)과 'hell'에 대해 펼친 그림(오른쪽)"
    ),
    "Hand-computed hidden states while reading 'hell'": "'hell'을 읽는 동안 손으로 계산한 은닉 상태",
    "tanh stays in (-1, 1); ReLU is unbounded above": (
        "tanh는 (-1, 1) 안에 머물고 ReLU는 위로 한없이 커질 수 있음"
    ),
    "Scores and their softmax": "점수와 그 소프트맥스",
    "training step": "학습 단계",
    "cross-entropy loss": "교차 엔트로피 손실",
    "Learning 'hello': loss per step": "'hello' 학습: 단계별 손실",
    "Trained on 'hihello': predicted next character at each step": (
        "'hihello'로 학습한 모델: 각 단계에서 예측한 다음 문자"
    ),
    "h_5 after 'hihel' (next: 'l')": "'hihel'을 읽은 뒤의 h_5 (다음 문자: 'l')",
    "h_6 after 'hihell' (next: 'o')": "'hihell'을 읽은 뒤의 h_6 (다음 문자: 'o')",
    "Same input 'l', different hidden states": "같은 입력 'l', 다른 은닉 상태",
    "true next value": "실제 다음 값",
    "RNN prediction": "RNN 예측",
    "time step t": "시간 단계 t",
    "value": "값",
    "Regression: the trained RNN predicts the next value": "회귀: 학습된 RNN이 다음 값을 예측",
    # --- notebooks/03_bptt_and_vanishing_gradients ------------------------------------------
    "no clipping": "클리핑 없음",
    "clipped at norm 1": "노름 1로 클리핑",
    # --- notebooks/04_lstm_and_gru ----------------------------------------------------------
    # --- notebooks/05_text_generation -------------------------------------------------------
    # --- notebooks/06_sequence_classification -----------------------------------------------
    # --- notebooks/07_sequence_tagging ------------------------------------------------------
    # --- notebooks/08_time_series -----------------------------------------------------------
    # --- notebooks/09_encoder_decoder_attention ---------------------------------------------
    "no attention (teacher-forced)": "어텐션 없음(교사 강요)",
    "Reversing 31-40 letters without attention: which outputs get through": (
        "어텐션 없이 31~40글자 뒤집기: 어느 출력이 제대로 나오는가"
    ),
    "chance (1 of 10 letters)": "우연 수준(글자 10개 중 1개)",
    "without attention": "어텐션 없음",
    "with attention": "어텐션 있음",
    "Exact match": "완전 일치율",
    "Share of letters right (teacher-forced)": "맞힌 글자의 비율(교사 강요)",
    "share of output letters right": "출력 글자 중 맞힌 비율",
    "teacher forcing": "교사 강요(정답 접두사)",
    "free running": "자유 실행(자기 출력)",
    "Reversal with attention: true prefix vs its own prefix": (
        "어텐션 모델의 뒤집기: 정답 접두사 대 자기가 쓴 접두사"
    ),
}
