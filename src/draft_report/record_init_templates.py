"""``__init__`` templates for ``record_methods.add_init``: one per number of fields, frozen or not.

A record's ``__init__`` is the template for its number of fields with the parameter names (and the
``__dict__`` keys of a frozen class, the attributes a mutable one sets) replaced by the class's
field names (``CodeType.replace``): the function ``add_init`` would otherwise compile from source
when the class is defined, compiled once here and cached as this module's bytecode is. A frozen
class's fills the new instance's empty ``__dict__`` with one ``update`` by keywords, in field order
(it takes over the keywords' dict table: a combined dict, as cheap to read as a dict set whole, and
cheaper to make than ``object.__setattr__(self, "__dict__", {…})`` for more than a few fields;
bench/record_init_cost.py).

Written by ``tests/test_record_inits.py`` (``python tests/test_record_inits.py`` rewrites this file;
the test checks it is what that writes): do not edit by hand.
"""

from __future__ import annotations

from typing import Any


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"


# the default of a field with a default factory: the factory is called when the field is not given
FACTORY: Any = _Factory()


def frozen_1(self: Any, a0: Any) -> None:
    self.__dict__.update(a0=a0)


def frozen_2(self: Any, a0: Any, a1: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1)


def frozen_3(self: Any, a0: Any, a1: Any, a2: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2)


def frozen_4(self: Any, a0: Any, a1: Any, a2: Any, a3: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3)


def frozen_5(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4)


def frozen_6(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5)


def frozen_7(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6)


def frozen_8(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7)


def frozen_9(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8)


def frozen_10(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9)


def frozen_11(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10)


def frozen_12(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11)


def frozen_13(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12)


def frozen_14(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13)


def frozen_15(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14)


def frozen_16(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15)


def frozen_17(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16)


def frozen_18(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17)


def frozen_19(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18)


def frozen_20(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19)


def frozen_21(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20)


def frozen_22(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21)


def frozen_23(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22)


def frozen_24(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23)


def frozen_25(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any, a24: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23, a24=a24)


def frozen_26(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any, a24: Any, a25: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23, a24=a24, a25=a25)


def frozen_27(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any, a24: Any, a25: Any, a26: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23, a24=a24, a25=a25, a26=a26)


def frozen_28(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any, a24: Any, a25: Any, a26: Any, a27: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23, a24=a24, a25=a25, a26=a26, a27=a27)


def frozen_29(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any, a24: Any, a25: Any, a26: Any, a27: Any, a28: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23, a24=a24, a25=a25, a26=a26, a27=a27, a28=a28)


def frozen_30(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any, a24: Any, a25: Any, a26: Any, a27: Any, a28: Any, a29: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23, a24=a24, a25=a25, a26=a26, a27=a27, a28=a28, a29=a29)


def frozen_31(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any, a24: Any, a25: Any, a26: Any, a27: Any, a28: Any, a29: Any, a30: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23, a24=a24, a25=a25, a26=a26, a27=a27, a28=a28, a29=a29, a30=a30)


def frozen_32(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any, a12: Any, a13: Any, a14: Any, a15: Any, a16: Any, a17: Any, a18: Any, a19: Any, a20: Any, a21: Any, a22: Any, a23: Any, a24: Any, a25: Any, a26: Any, a27: Any, a28: Any, a29: Any, a30: Any, a31: Any) -> None:
    self.__dict__.update(a0=a0, a1=a1, a2=a2, a3=a3, a4=a4, a5=a5, a6=a6, a7=a7, a8=a8, a9=a9, a10=a10, a11=a11, a12=a12, a13=a13, a14=a14, a15=a15, a16=a16, a17=a17, a18=a18, a19=a19, a20=a20, a21=a21, a22=a22, a23=a23, a24=a24, a25=a25, a26=a26, a27=a27, a28=a28, a29=a29, a30=a30, a31=a31)


def plain_1(self: Any, a0: Any) -> None:
    self.a0 = a0


def plain_2(self: Any, a0: Any, a1: Any) -> None:
    self.a0 = a0
    self.a1 = a1


def plain_3(self: Any, a0: Any, a1: Any, a2: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2


def plain_4(self: Any, a0: Any, a1: Any, a2: Any, a3: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3


def plain_5(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4


def plain_6(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5


def plain_7(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6


def plain_8(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7


def plain_9(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8


def plain_10(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9


def plain_11(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10


def plain_12(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any) -> None:
    self.a0 = a0
    self.a1 = a1
    self.a2 = a2
    self.a3 = a3
    self.a4 = a4
    self.a5 = a5
    self.a6 = a6
    self.a7 = a7
    self.a8 = a8
    self.a9 = a9
    self.a10 = a10
    self.a11 = a11


def _frozen_factory_1() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_1(self: Any, a0: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0]())

    return frozen_factory_1


frozen_factory_1 = _frozen_factory_1()


def _frozen_factory_2() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_2(self: Any, a0: Any, a1: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1]())

    return frozen_factory_2


frozen_factory_2 = _frozen_factory_2()


def _frozen_factory_3() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_3(self: Any, a0: Any, a1: Any, a2: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2]())

    return frozen_factory_3


frozen_factory_3 = _frozen_factory_3()


def _frozen_factory_4() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_4(self: Any, a0: Any, a1: Any, a2: Any, a3: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3]())

    return frozen_factory_4


frozen_factory_4 = _frozen_factory_4()


def _frozen_factory_5() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_5(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3](), a4=a4 if a4 is not FACTORY else factories[4]())

    return frozen_factory_5


frozen_factory_5 = _frozen_factory_5()


def _frozen_factory_6() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_6(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3](), a4=a4 if a4 is not FACTORY else factories[4](), a5=a5 if a5 is not FACTORY else factories[5]())

    return frozen_factory_6


frozen_factory_6 = _frozen_factory_6()


def _frozen_factory_7() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_7(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3](), a4=a4 if a4 is not FACTORY else factories[4](), a5=a5 if a5 is not FACTORY else factories[5](), a6=a6 if a6 is not FACTORY else factories[6]())

    return frozen_factory_7


frozen_factory_7 = _frozen_factory_7()


def _frozen_factory_8() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_8(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3](), a4=a4 if a4 is not FACTORY else factories[4](), a5=a5 if a5 is not FACTORY else factories[5](), a6=a6 if a6 is not FACTORY else factories[6](), a7=a7 if a7 is not FACTORY else factories[7]())

    return frozen_factory_8


frozen_factory_8 = _frozen_factory_8()


def _frozen_factory_9() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_9(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3](), a4=a4 if a4 is not FACTORY else factories[4](), a5=a5 if a5 is not FACTORY else factories[5](), a6=a6 if a6 is not FACTORY else factories[6](), a7=a7 if a7 is not FACTORY else factories[7](), a8=a8 if a8 is not FACTORY else factories[8]())

    return frozen_factory_9


frozen_factory_9 = _frozen_factory_9()


def _frozen_factory_10() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_10(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3](), a4=a4 if a4 is not FACTORY else factories[4](), a5=a5 if a5 is not FACTORY else factories[5](), a6=a6 if a6 is not FACTORY else factories[6](), a7=a7 if a7 is not FACTORY else factories[7](), a8=a8 if a8 is not FACTORY else factories[8](), a9=a9 if a9 is not FACTORY else factories[9]())

    return frozen_factory_10


frozen_factory_10 = _frozen_factory_10()


def _frozen_factory_11() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_11(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3](), a4=a4 if a4 is not FACTORY else factories[4](), a5=a5 if a5 is not FACTORY else factories[5](), a6=a6 if a6 is not FACTORY else factories[6](), a7=a7 if a7 is not FACTORY else factories[7](), a8=a8 if a8 is not FACTORY else factories[8](), a9=a9 if a9 is not FACTORY else factories[9](), a10=a10 if a10 is not FACTORY else factories[10]())

    return frozen_factory_11


frozen_factory_11 = _frozen_factory_11()


def _frozen_factory_12() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def frozen_factory_12(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any) -> None:
        self.__dict__.update(a0=a0 if a0 is not FACTORY else factories[0](), a1=a1 if a1 is not FACTORY else factories[1](), a2=a2 if a2 is not FACTORY else factories[2](), a3=a3 if a3 is not FACTORY else factories[3](), a4=a4 if a4 is not FACTORY else factories[4](), a5=a5 if a5 is not FACTORY else factories[5](), a6=a6 if a6 is not FACTORY else factories[6](), a7=a7 if a7 is not FACTORY else factories[7](), a8=a8 if a8 is not FACTORY else factories[8](), a9=a9 if a9 is not FACTORY else factories[9](), a10=a10 if a10 is not FACTORY else factories[10](), a11=a11 if a11 is not FACTORY else factories[11]())

    return frozen_factory_12


frozen_factory_12 = _frozen_factory_12()


def _plain_factory_1() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_1(self: Any, a0: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()

    return plain_factory_1


plain_factory_1 = _plain_factory_1()


def _plain_factory_2() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_2(self: Any, a0: Any, a1: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()

    return plain_factory_2


plain_factory_2 = _plain_factory_2()


def _plain_factory_3() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_3(self: Any, a0: Any, a1: Any, a2: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()

    return plain_factory_3


plain_factory_3 = _plain_factory_3()


def _plain_factory_4() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_4(self: Any, a0: Any, a1: Any, a2: Any, a3: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()

    return plain_factory_4


plain_factory_4 = _plain_factory_4()


def _plain_factory_5() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_5(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()
        self.a4 = a4 if a4 is not FACTORY else factories[4]()

    return plain_factory_5


plain_factory_5 = _plain_factory_5()


def _plain_factory_6() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_6(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()
        self.a4 = a4 if a4 is not FACTORY else factories[4]()
        self.a5 = a5 if a5 is not FACTORY else factories[5]()

    return plain_factory_6


plain_factory_6 = _plain_factory_6()


def _plain_factory_7() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_7(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()
        self.a4 = a4 if a4 is not FACTORY else factories[4]()
        self.a5 = a5 if a5 is not FACTORY else factories[5]()
        self.a6 = a6 if a6 is not FACTORY else factories[6]()

    return plain_factory_7


plain_factory_7 = _plain_factory_7()


def _plain_factory_8() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_8(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()
        self.a4 = a4 if a4 is not FACTORY else factories[4]()
        self.a5 = a5 if a5 is not FACTORY else factories[5]()
        self.a6 = a6 if a6 is not FACTORY else factories[6]()
        self.a7 = a7 if a7 is not FACTORY else factories[7]()

    return plain_factory_8


plain_factory_8 = _plain_factory_8()


def _plain_factory_9() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_9(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()
        self.a4 = a4 if a4 is not FACTORY else factories[4]()
        self.a5 = a5 if a5 is not FACTORY else factories[5]()
        self.a6 = a6 if a6 is not FACTORY else factories[6]()
        self.a7 = a7 if a7 is not FACTORY else factories[7]()
        self.a8 = a8 if a8 is not FACTORY else factories[8]()

    return plain_factory_9


plain_factory_9 = _plain_factory_9()


def _plain_factory_10() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_10(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()
        self.a4 = a4 if a4 is not FACTORY else factories[4]()
        self.a5 = a5 if a5 is not FACTORY else factories[5]()
        self.a6 = a6 if a6 is not FACTORY else factories[6]()
        self.a7 = a7 if a7 is not FACTORY else factories[7]()
        self.a8 = a8 if a8 is not FACTORY else factories[8]()
        self.a9 = a9 if a9 is not FACTORY else factories[9]()

    return plain_factory_10


plain_factory_10 = _plain_factory_10()


def _plain_factory_11() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_11(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()
        self.a4 = a4 if a4 is not FACTORY else factories[4]()
        self.a5 = a5 if a5 is not FACTORY else factories[5]()
        self.a6 = a6 if a6 is not FACTORY else factories[6]()
        self.a7 = a7 if a7 is not FACTORY else factories[7]()
        self.a8 = a8 if a8 is not FACTORY else factories[8]()
        self.a9 = a9 if a9 is not FACTORY else factories[9]()
        self.a10 = a10 if a10 is not FACTORY else factories[10]()

    return plain_factory_11


plain_factory_11 = _plain_factory_11()


def _plain_factory_12() -> Any:
    factories: Any = ()  # (the class's own, in the closure)

    def plain_factory_12(self: Any, a0: Any, a1: Any, a2: Any, a3: Any, a4: Any, a5: Any, a6: Any, a7: Any, a8: Any, a9: Any, a10: Any, a11: Any) -> None:
        self.a0 = a0 if a0 is not FACTORY else factories[0]()
        self.a1 = a1 if a1 is not FACTORY else factories[1]()
        self.a2 = a2 if a2 is not FACTORY else factories[2]()
        self.a3 = a3 if a3 is not FACTORY else factories[3]()
        self.a4 = a4 if a4 is not FACTORY else factories[4]()
        self.a5 = a5 if a5 is not FACTORY else factories[5]()
        self.a6 = a6 if a6 is not FACTORY else factories[6]()
        self.a7 = a7 if a7 is not FACTORY else factories[7]()
        self.a8 = a8 if a8 is not FACTORY else factories[8]()
        self.a9 = a9 if a9 is not FACTORY else factories[9]()
        self.a10 = a10 if a10 is not FACTORY else factories[10]()
        self.a11 = a11 if a11 is not FACTORY else factories[11]()

    return plain_factory_12


plain_factory_12 = _plain_factory_12()
