"""How the press of each language says that someone speaks: reporting verbs with their
inflections, "according to" constructions and continuations that name no one.

Each language has three patterns, compiled once:

* ``speech``: a reporting verb or construction (French "a déclaré", "selon", "insiste-t-il";
  Russian "заявил", "по словам", "говорится в"; Arabic "قال", "وأضاف", "بحسب"; Persian "گفت",
  "اعلام کرد", "به گفته"; Urdu "کہا", "بتایا", "کے مطابق", "کا کہنا ہے");
* ``continues``: a sentence that goes on with the last speaker without naming them ("Il a
  ajouté", "Он добавил", "وأضاف", "وی افزود", "انہوں نے مزید کہا");
* ``denies``: a denial or rejection, for the reason a journalist reads;
* ``office``: an office or body named without its country ("the spokesman", "ترجمان",
  "представитель министерства"): right after a side spoke, it is that side's.

Verbs are written as stems with their endings spelled out, so one line reads every person,
gender and tense the press uses.
"""

from __future__ import annotations

import re
from functools import cache

_FR_VERBS = (
    r"déclar|affirm|indiqu|annonc|dément|démenti|dénonc|accus|ajout|assur|estim|expliqu|précis|"
    r"soulign|insist|rapport|reproch|rejet|réfut|confirm|prévien|prévenu|martel|lanc|avert|"
    r"répond|répondu|rappel|jug|qualifi|dit|affirmait|écri"
)
_FR = {
    "office": r"\b(?:porte-parole|ministre|ministère|responsables?|gouvernement|état-major|autorités|direction|ambassadeur)\b",
    "speech": (
        rf"\b(?:a|ont|avait|avaient)\s+(?:(?:aussi|également|encore|déjà|pourtant|toutefois|en outre|aussitôt|"
        rf"toujours|jamais|d'abord|fermement|vivement|\w+ment)\s+){{0,2}}"
        rf"(?:{_FR_VERBS})\w*"
        rf"|\b(?:{_FR_VERBS})(?:e|ent|ait|aient|a)?-t?-?(?:il|elle|ils|elles|on)\b"
        rf"|\b(?:déclare|affirme|indique|annonce|dément|dénonce|accuse|ajoute|assure|estime|explique|précise|"
        rf"souligne|insiste|rapporte|reproche|rejette|réfute|confirme|prévient|martèle|lance|avertit|répond|"
        rf"rappelle|juge|qualifie|dit|écrit|réclame|exige|demande|assume|reconnaît|refuse|convoque|"
        rf"qualifiée?s?\s+de|balayée?s?\s+par)(?:nt)?\b"
        rf"|\b(?:[Ss]elon|[Dd]'après|[Dd]’après)\b|\bcité\s+par\b|\bde\s+source\s+\w+"
    ),
    "continues": r"^\s*(?:Il|Elle|Ils|Elles)\s+(?:(?:a|ont)\s+(?:par ailleurs\s+|aussi\s+|également\s+)?"
                 r"(?:ajouté|précisé|poursuivi|souligné|insisté|affirmé|déclaré|rappelé|assuré|estimé|indiqué|dit|"
                 r"saisi|réclamé|exigé|demandé|dénoncé|jugé)"
                 r"|(?:réclame|exige|demande|dénonce|assure|affirme|estime|juge|insiste|souligne|rappelle|ajoute|"
                 r"précise|accuse|reproche|refuse|rejette)nt?\b)",
    "denies": r"\b(?:dément|démenti|rejet|réfut|nié|nie\b|conteste|contesté)",
}
_RU = {
    "office": r"\b(?:представител\w*|министр\w*|министерств\w*|ведомств\w*|пресс-служб\w*|официальн\w*)",
    "speech": (
        r"\b(?:заяв|сообщ|отмет|подчеркн|добав|опроверг|обвин|сказа|указа|уточн|пояснил|признал|"
        r"утвержда|настаива|предупред|призва|отверг|назва|ответи|говор|передал|информир|констатир|"
        r"оценил|расценил|считают|считает|уверя|напомн)\w*"
        r"|\b(?:[Пп]о\s+(?:словам|данным|информации|утверждению|мнению|сведениям|оценке))\b"
        r"|\b[Кк]ак\s+(?:заявил|сообщил|отметил|сказал|указал)\w*"
    ),
    "continues": r"^\s*(?:Он|Она|Они)\s+(?:также\s+)?(?:добав|отмет|подчеркн|заяв|напомн|призва|уточн|указа)\w*",
    "denies": r"\b(?:опроверг|отверг|отрица|назвал\w*\s+(?:ложью|провокацией|фейком))",
}
_AR = {
    "office": r"(?:المتحدث|الناطق|الوزير|وزير|الوزارة|مسؤول|المسؤول|البيان)",
    "speech": (
        r"(?:^|[\s«\"(])(?:و|ف)?(?:قال|قالت|يقول|تقول|قالوا|أضاف|أضافت|يضيف|أكد|أكدت|يؤكد|تؤكد|نفى|نفت|"
        r"ينفي|تنفي|اتهم|اتهمت|يتهم|تتهم|ذكر|ذكرت|أعلن|أعلنت|أوضح|أوضحت|يوضح|تابع|تابعت|أشار|أشارت|"
        r"حمّل|حملت|حمّلت|رد|ردت|ردّت|يرى|ترى|شدد|شددت|أفاد|أفادت|زعم|زعمت|صرح|صرّح|رفض|رفضت|"
        r"دعا|دعت|حذر|حذّر|حذرت|حذّرت|اعتبر|اعتبرت|وصف|وصفت)(?=[\s،,:]|$)"
        r"|(?:وفقا|وفقاً|طبقا|طبقاً)\s+ل|(?:^|\s)(?:بحسب|حسب|نقلا عن|نقلاً عن)(?=\s)"
        r"|في\s+بيان"
    ),
    "continues": r"^\s*(?:و|ف)(?:أضاف|أضافت|تابع|تابعت|أكد|أكدت|أوضح|أوضحت|قال|قالت|أشار|أشارت|شدد|شددت)(?=[\s،,:])"
                 r"|^\s*(?:و|ف)?(?:جاء|ورد)\s+في\s+البيان",
    "denies": r"(?:نفى|نفت|ينفي|تنفي|رفض|رفضت|كذّب|كذب|مزاعم|ادعاءات)",
}
_FA = {
    "office": r"(?:سخنگو|وزیر|وزارت|مقام|مقامات|بیانیه)",
    "speech": (
        r"(?:گفت|گفته|می‌گوید|میگوید|می‌گویند|اعلام\s+(?:کرد|کردند|کرده|شد|می‌کند)|افزود|افزوده|"
        r"تاکید\s+کرد|تأکید\s+کرد|تکذیب\s+کرد|تکذیب\s+کرده|رد\s+کرد|مدعی\s+شد|متهم\s+کرد|"
        r"خواند|خوانده|نوشت|نوشته|علاوه\s+کرد|اظهار\s+داشت|ابراز\s+کرد|هشدار\s+داد|خواستار\s+شد|"
        r"آمده\s+است|یادآور\s+شد|توضیح\s+داد|ادعا\s+کرد|گزارش\s+داد)"
        r"|به\s+گفته|به\s+نقل\s+از|بنا\s+بر|طبق\s+(?:اعلام|گزارش|بیانیه)|در\s+بیانیه"
    ),
    "continues": r"^\s*(?:وی|او|ایشان|آنها|آنان)\s+(?:همچنین\s+|همچنان\s+)?(?:افزود|گفت|تاکید|تأکید|علاوه|یادآور|اظهار)"
                 r"|^\s*در\s+(?:این|ادامه)\s+(?:بیانیه|اطلاعیه)",
    "denies": r"(?:تکذیب|رد\s+کرد|بی‌اساس|بی‌پایه|دروغ)",
}
_UR = {
    "office": r"(?:ترجمان|وزیر|وزارت|حکام|عہدیدار|دفتر\s+خارجہ)",
    "speech": (
        r"(?:کہا|کہنا|کہتے|کہتی|بتایا|بتاتے|مزید\s+کہا|تردید\s+کی|تردید\s+کر|مسترد\s+کر|الزام\s+عائد|"
        r"الزام\s+لگایا|دعویٰ\s+کیا|دعوی\s+کیا|اعلان\s+کیا|واضح\s+کیا|زور\s+دیا|خبردار\s+کیا|مطالبہ\s+کیا|"
        r"بیان\s+میں|کا\s+موقف|کا\s+مؤقف)"
        r"|کے\s+مطابق|کے\s+بقول|کی\s+جانب\s+سے"
    ),
    "continues": r"^\s*(?:انہوں|انھوں|اُنہوں)\s+نے\s+(?:مزید|یہ\s+بھی)?|^\s*(?:ان|اُن)\s+کا\s+(?:کہنا|مزید)"
                 r"|^\s*(?:بیان|اعلامیے)\s+میں",
    "denies": r"(?:تردید|مسترد|بے\s+بنیاد|من\s+گھڑت|جھوٹ)",
}
PATTERNS = {"fr": _FR, "ru": _RU, "ar": _AR, "fa": _FA, "ur": _UR}


@cache
def compiled(language: str) -> dict[str, re.Pattern]:
    return {name: re.compile(pattern) for name, pattern in PATTERNS[language].items()}


# Quotation marks of these presses: « … », “ … ”, „ … “, " … ".
QUOTE = re.compile(r"«[^«»]*»?|“[^“”]*”?|„[^„“]*“?|\"[^\"]*\"?")
OPENS = "«“„\""
CLOSES = "»”“\""
