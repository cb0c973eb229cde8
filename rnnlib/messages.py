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
    "next tag yₜ (or end of sentence)": "다음 태그 yₜ (또는 문장 끝)",
    "previous tag yₜ₋₁ (or start of sentence)": "이전 태그 yₜ₋₁ (또는 문장 시작)",
    "Counted transition probabilities p(next | previous)\n(each row sums to 1)": (
        "세어서 구한 전이 확률 p(다음 | 이전)\n(각 행의 합은 1)"
    ),
    "transition probability": "전이 확률",
    "HMM trellis: counted emissions + transitions": "HMM 격자: 세어서 구한 방출 확률 + 전이 확률",
    "left-to-right LSTM": "단방향 LSTM",
    "bidirectional LSTM": "양방향 LSTM",
    "{model}: epoch mean": "{model}: 에포크 평균",
    "training step (batch of 32 sentences)": "학습 단계(배치 하나 = 문장 32개)",
    "masked cross-entropy": "마스크를 적용한 교차 엔트로피",
    "Training loss of the two RNN taggers\n(thin: each full batch; dots: epoch means)": (
        "두 RNN 태거의 학습 손실\n(가는 선: 꽉 찬 배치 각각, 점: 에포크 평균)"
    ),
    # --- notebooks/08_time_series -----------------------------------------------------------
    # --- notebooks/09_encoder_decoder_attention ---------------------------------------------
}
