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
    "window of {k} words": "{k}단어 윈도우",
    "coin flip": "동전 던지기",
    "distance of the clue before 사과를 (words)": "'사과를' 앞 단서까지의 거리 (단어 수)",
    "test accuracy (apple vs apology)": "테스트 정확도 (과일 vs 사죄)",
    "A fixed window is blind to clues beyond its edge": "고정된 윈도우는 가장자리 밖의 단서를 보지 못함",
    "The five memories: letters on a 10 × 10 grid": "다섯 개의 기억: 10 × 10 격자 위의 글자",
    "Asynchronous recall of 'A' from a cue with 25% of units flipped": (
        "유닛의 25%를 뒤집은 단서에서 'A'를 비동기 방식으로 회상"
    ),
    "units switched from 'A' towards 'H' (of {total})": "'A'에서 'H' 쪽으로 바꾼 유닛 수 (전체 {total}개)",
    "energy E(s)": "에너지 E(s)",
    "Two valleys: the energy along a path from memory 'A' to memory 'H'": (
        "두 골짜기: 기억 'A'에서 기억 'H'로 가는 경로의 에너지"
    ),
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
        "'hihello'로 학습한 모델: 각 시점에서 예측한 다음 문자"
    ),
    "h_5 after 'hihel' (next: 'l')": "'hihel'을 읽은 뒤의 h_5 (다음 문자: 'l')",
    "h_6 after 'hihell' (next: 'o')": "'hihell'을 읽은 뒤의 h_6 (다음 문자: 'o')",
    "Same input 'l', different hidden states": "같은 입력 'l', 다른 은닉 상태",
    "true next value": "실제 다음 값",
    "RNN prediction": "RNN 예측",
    "time step t": "시점 t",
    "value": "값",
    "Regression: the trained RNN predicts the next value": "회귀: 학습된 RNN이 다음 값을 예측",
    # --- notebooks/03_bptt_and_vanishing_gradients ------------------------------------------
    "no clipping": "클리핑 없음",
    "clipped at norm 1": "노름 1로 클리핑",
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
    "vanilla RNN, hidden h_t": "기본 RNN, 은닉 상태 h_t",
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
        "더 긴 학습: 검증 문자당 비트 (저장소에 올린 학습 기록)"
    ),
    "this chapter's GRU": "이 장의 GRU",
    "pretrained": "사전 학습 모델",
    "Unit {unit} (best 'inside quotes' unit) while reading validation text": (
        "검증 텍스트를 읽는 동안의 유닛 {unit} ('따옴표 안' 특징을 가장 잘 따르는 유닛)"
    ),
    "pretrained (first layer)": "사전 학습 모델 (첫 번째 층)",
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
    "Noisy sum of three sines (first 300 samples)": "잡음 섞인 세 사인파의 합 (처음 300개 표본)",
    "Mackey–Glass, τ = 17, one sample every 6 time units": (
        "매키-글래스 시계열, τ = 17, 6 시간 단위마다 표본 하나"
    ),
    "Mackey–Glass attractor: x(t) against x(t − 17)": "매키-글래스 끌개: x(t − 17)에 대한 x(t)",
    # "training step": its entry is in chapter 2's section
    "MSE (moving average of 20)": "MSE (20단계 이동 평균)",
    "GRU forecaster: training loss on Mackey–Glass windows": (
        "GRU 예측 모델: 매키-글래스 윈도우에서의 학습 손실"
    ),
    "linear AR({order})": "선형 AR({order})",
    "persistence": "지속성 기준 모델",
    "Mackey–Glass: free-running error against the horizon": (
        "매키-글래스: 예측 시점 거리에 따른 재귀적 다단계 예측 오차"
    ),
    "One test window: {steps}-step free-running forecasts": (
        "테스트 윈도우 하나: {steps}단계 앞까지의 재귀적 예측"
    ),
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
