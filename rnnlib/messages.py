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
    "Forget gate: each unit of the old cell state is scaled by its gate": (
        "망각 게이트: 이전 셀 상태의 각 유닛에 그 유닛의 게이트 값을 곱함"
    ),
    "Input gate: how much of the candidate each unit lets in": (
        "입력 게이트: 각 유닛이 후보 값을 얼마나 받아들이는가"
    ),
    "Candidate: new content in (-1, 1), gated by the input gate": (
        "후보 값: (-1, 1) 범위의 새 내용을 입력 게이트로 조절함"
    ),
    "Cell update: the kept old state plus the gated new content": (
        "셀 상태 갱신: 남겨 둔 이전 상태 + 게이트를 거친 새 내용"
    ),
    "Output gate: the hidden state shows a gated view of the cell state": (
        "출력 게이트: 은닉 상태는 셀 상태를 게이트로 걸러서 보여 줌"
    ),
    "vanilla RNN, hidden h_t": "바닐라 RNN, 은닉 상태 h_t",
    "LSTM, hidden h_t": "LSTM, 은닉 상태 h_t",
    "LSTM, cell c_t": "LSTM, 셀 상태 c_t",
    "GRU, hidden h_t": "GRU, 은닉 상태 h_t",
    "||dL/d state_t|| / ||dL/d state_T||": "||dL/d 상태_t|| / ||dL/d 상태_T||",
    "Before training: the gradient reaching step t (loss after step T = 50)": (
        "학습 전: 시점 t에 도달하는 기울기 (손실은 마지막 시점 T = 50 뒤에 계산)"
    ),
    "cell c_t, forget bias {bias:g}": "셀 상태 c_t, 망각 게이트 편향 {bias:g}",
    "Forget-gate bias at initialisation: gradient reaching each step": (
        "초기화 때의 망각 게이트 편향: 각 시점에 도달하는 기울기"
    ),
    "After training at T = 50: the gradient reaching step t": (
        "T = 50에서 학습한 뒤: 시점 t에 도달하는 기울기"
    ),
    "Trained LSTM: gate saturation": "학습된 LSTM의 게이트 포화",
    "Trained GRU: gate saturation": "학습된 GRU의 게이트 포화",
    # --- notebooks/05_text_generation -------------------------------------------------------
    # --- notebooks/06_sequence_classification -----------------------------------------------
    # --- notebooks/07_sequence_tagging ------------------------------------------------------
    # --- notebooks/08_time_series -----------------------------------------------------------
    # --- notebooks/09_encoder_decoder_attention ---------------------------------------------
}
