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
    "no clipping": "클리핑 없음",
    "clipped at norm 1": "노름 1로 클리핑",
    # --- notebooks/04_lstm_and_gru ----------------------------------------------------------
    # --- notebooks/05_text_generation -------------------------------------------------------
    # --- notebooks/06_sequence_classification -----------------------------------------------
    # --- notebooks/07_sequence_tagging ------------------------------------------------------
    # --- notebooks/08_time_series -----------------------------------------------------------
    # --- notebooks/09_encoder_decoder_attention ---------------------------------------------
}
