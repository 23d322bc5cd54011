"""Council documents: from contracts to Markdown, HTML and a portfolio site.

``safety`` makes a contract's text safe for a document, ``views`` computes everything a
document shows (the templates only lay it out), ``command`` is the command's work: templates
looked up in a chain, documents rendered and written; ``pdf`` lays an HTML document out on A4
pages.
"""

from __future__ import annotations

from .command import (
    RenderProblem,
    RenderResult,
    environment,
    packaged_templates,
    render,
    render_contract,
    render_contract_pdf,
    render_text,
    run_render,
    target_path,
)
from .safety import markdown_cel, markdown_html, markdown_veilig
from .views import FORMATEN, Document, PortfolioView, build_document, build_portfolio

__all__ = [
    "FORMATEN",
    "Document",
    "PortfolioView",
    "RenderProblem",
    "RenderResult",
    "build_document",
    "build_portfolio",
    "environment",
    "markdown_cel",
    "markdown_html",
    "markdown_veilig",
    "packaged_templates",
    "render",
    "render_contract",
    "render_contract_pdf",
    "render_text",
    "run_render",
    "target_path",
]
