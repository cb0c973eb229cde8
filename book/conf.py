"""Sphinx configuration of the course book (``make book``; see scripts/build_book.py).

The book is built from the committed, executed notebooks: nothing is executed here
(``nb_execution_mode = "off"``), and nothing is fetched from the network, neither at
build time nor when the pages are read: MathJax is served from ``_static/mathjax``
(copied from the ``django-static-mathjax`` wheel by scripts/build_book.py) and the
ipywidgets JavaScript (loaded from a CDN by default) is switched off.
"""

project = "Recurrent neural networks, from Hopfield to LSTM"
author = "The course authors"
copyright = "the course authors (MIT licence)"

extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
suppress_warnings = ["mystnb.unknown_mime_type", "myst.header"]  # headings are the chapters'

# --- notebooks -------------------------------------------------------------------------
nb_execution_mode = "off"
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
# Widgets: no JavaScript (it would come from a CDN) and no widget view (the saved
# notebooks keep no widget state): an explorer shows its stored first-state picture
# (image/png, when its output has one) or its text stand-in.
nb_ipywidgets_js = {}
nb_mime_priority_overrides = [
    ("html", "application/vnd.jupyter.widget-view+json", None),
    ("html", "application/vnd.jupyter.widget-state+json", None),
]
nb_merge_streams = True

# --- maths: MathJax 3 from this site, never a CDN --------------------------------------
mathjax_path = "mathjax/tex-chtml.js"
mathjax3_config = {
    "options": {"processHtmlClass": "tex2jax_process|mathjax_process|math|output_area"},
}

# --- pages -----------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "RNN course"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "navigation_with_keys": False,
}
html_last_updated_fmt = None
