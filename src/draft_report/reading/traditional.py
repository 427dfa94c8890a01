"""Traditional characters of the official labels, folded to the simplified ones in comparison keys.

Report pages are also served in traditional characters (a portal's 繁體 version, a mirror that
converts the page): “規章”, “本年製發件數”, “等於第三項加第四項之和”. Labels are compared by
``blocks.norm_key``, which folds these characters as it folds full-width forms, so a row label
matches whichever script it is printed in. Only the comparison key is folded; the text a finding
quotes stays as written.

``FOLD`` maps every traditional (or variant) character whose simplified form is a character of
the tables' labels or the section titles (``tables.layout``, ``sections``) — and only those: the
key of any other text is what it was. Generated with OpenCC (opencc-purepy, the t2s, tw2s and
hk2s conversions of each character U+3400–U+9FFF, kept where the result is one such character);
a test checks the labels of both formats, written in traditional characters, fold to themselves.
"""

from __future__ import annotations

_TRADITIONAL = "係傢內動務區問單噹國埰執報寀審對屬廢強後復捲採據數於會査條業構機權決沒況減為無爲獲現當發確祕穩穫範糾納組結經維總織繫繳繼續罰舉菓萬處衹補製複規計訟訪許訴詢認請議護費購踰轉辦這進過開閤關隻項題額類體髮齣"
_SIMPLIFIED = "系家内动务区问单当国采执报采审对属废强后复卷采据数于会查条业构机权决没况减为无为获现当发确秘稳获范纠纳组结经维总织系缴继续罚举果万处只补制复规计讼访许诉询认请议护费购逾转办这进过开合关只项题额类体发出"

FOLD: dict[int, int] = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
