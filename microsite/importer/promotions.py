"""Advertisements in an article: only text that is promotional beyond doubt.

A paragraph is left out when it holds one of the phrases below ("Click here
to subscribe", "Use code SAVE20", "Join our authors team") and no sign of
advice ("If you are struggling, register with a local GP" is advice and
stays). A single word such as "register" or "newsletter" is never enough.
"""

from __future__ import annotations

import re

_PROMOTION = re.compile(
    "|".join(
        [
            r"\bclick (?:here|below|the link|registration|to (?:subscribe|join|register|buy|shop|download|sign up))\b",
            r"\bsubscribe (?:to|for) (?:our|my|the) (?:free )?(?:newsletter|mailing list|channel|podcast|blog|updates)\b",
            r"\bsign up (?:for|to) (?:our|my|the) (?:free )?(?:newsletter|mailing list|updates)\b",
            r"\bjoin(?:ing)? (?:our|my) (?:authors?|writers?|contributors?|team|community|mailing list|newsletter)\b",
            r"\b(?:use|enter|apply) (?:the )?(?:promo |discount |coupon )?code [A-Z0-9]{3,}\b",
            r"\b(?:promo|discount|coupon) code\b",
            r"\b\d{1,2} ?% off\b",
            r"\b(?:buy|shop|order) now\b",
            r"\bsponsored (?:post|content|by)\b",
            r"\bthis (?:post|article) (?:is sponsored|contains affiliate links)\b",
            r"\bfollow us on\b",
            r"\benjoyed this (?:article|post)\b",
            r"\bdownload our (?:free )?app\b",
            r"\bunlock new opportunities\b",
            r"^\W*(?:advertisement|sponsored|publicidad|anuncio|anzeige|werbung)\W*$",
            # Spanish
            r"\bsuscr[ií]bete\b",
            r"\busa el código\b",
            r"\bcódigo de descuento\b",
            r"\bcompra ahora\b",
            r"\bcontenido patrocinado\b",
            # German
            r"\babonnieren sie unseren newsletter\b",
            r"\bnewsletter abonnieren\b",
            r"\b(?:gutschein|rabatt)code\b",
            r"\bjetzt kaufen\b",
        ]
    ),
    re.I,
)
# Advice looks like this; a paragraph with any of it is never left out.
_ADVICE = re.compile(
    r"\b(?:struggl\w*|crisis|emergency|helpline|hotline|doctor|GP|therapist|counsell?or|support|"
    r"ayuda|médic[oa]|emergencia|crisis|terapeuta|"
    r"Hilfe|Arzt|Ärztin|Notfall|Krise|Therapeut\w*|Beratung)\b",
    re.I,
)


# Every phrase above holds one of these; most paragraphs hold none, so the patterns rarely run.
_HINTS = (
    "click", "subscri", "sign up", "join", "code", "% off", "now", "sponsor", "affiliate", "follow us", "enjoyed",
    "download", "unlock", "advertisement", "publicidad", "anuncio", "anzeige", "werbung", "suscr", "newsletter",
    "kaufen", "compra", "código", "patrocinado", "abonnieren", "promo", "coupon",
)


def is_promotion(block: str) -> bool:
    lowered = block.lower()
    if not any(hint in lowered for hint in _HINTS):
        return False
    return bool(_PROMOTION.search(block)) and not _ADVICE.search(block)
