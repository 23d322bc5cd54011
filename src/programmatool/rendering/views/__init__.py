"""View models: everything a document shows, computed in Python (totals, remarks about totals
that do not add up, statuses), so that templates only lay it out.

One module per part of a document: ``indicators``, ``efforts``, ``money`` (budget tables, other
money, capacity and each programme's money on the portfolio page), ``din`` (the goals-efforts
network), ``document`` (a contract document or annual account) and ``portfolio``.
"""

from programmatool.rendering.views.common import (
    FORMATEN,
    FOUT_TEKEN,
    ROL_WOORDEN,
    STATUS_TEKEN,
    STATUS_WOORDEN,
    Formaat,
    Rij,
    relatie_naam,
)
from programmatool.rendering.views.din import DinView, din_view
from programmatool.rendering.views.document import (
    Document,
    OperationeelView,
    RelatieView,
    StrategischView,
    build_document,
)
from programmatool.rendering.views.efforts import InspanningView
from programmatool.rendering.views.indicators import IndicatorView
from programmatool.rendering.views.money import BegrotingView, PortfolioBedragen
from programmatool.rendering.views.portfolio import (
    DocumentSamenvatting,
    PortfolioBron,
    PortfolioRegel,
    PortfolioView,
    build_portfolio,
    portfolio_part,
)

__all__ = [
    "FORMATEN",
    "FOUT_TEKEN",
    "ROL_WOORDEN",
    "STATUS_TEKEN",
    "STATUS_WOORDEN",
    "BegrotingView",
    "DinView",
    "Document",
    "DocumentSamenvatting",
    "Formaat",
    "IndicatorView",
    "InspanningView",
    "OperationeelView",
    "PortfolioBedragen",
    "PortfolioBron",
    "PortfolioRegel",
    "PortfolioView",
    "RelatieView",
    "Rij",
    "StrategischView",
    "build_document",
    "build_portfolio",
    "din_view",
    "portfolio_part",
    "relatie_naam",
]
