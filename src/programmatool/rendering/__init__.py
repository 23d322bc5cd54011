"""Council documents: view models, templates and the safety of what they print.

``safety`` makes a contract's text safe for a document, ``views`` computes everything a
document shows (the templates only lay it out), ``environment`` looks templates up in a chain
(the user's folder first, then the packaged ones) and renders them; ``pdf`` lays an HTML
document out on A4 pages. Reading contracts and writing documents is the pipeline's
(``programmatool.pipeline.render``).
"""
