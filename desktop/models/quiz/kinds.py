"""The kinds of question, their right answers, and per-option weights as Moodle accepts them.

- "single": one option is right.
- "multiple": "tick all that apply": the right options, all of them and no other.
- "any": "one of several right answers": several options are right and choosing one of them is
  enough (a Moodle single-answer question with two options at 100 %). Only one option may be
  chosen, as in a single-answer question; the person is not told that several are right.
- "truefalse": the two options Đúng / Sai, one of them right.

Weights are percents per option, kept for the round trip with Moodle. Moodle accepts only the
fractions of its list (`MOODLE_FRACTIONS`: 100, 90, 83.33333, 80, 75, … 5, 0 and their negatives,
within 0.001 %) and refuses a question with any other ("33" instead of "33.33333"); so does this
program, and no export ever writes one.
"""
from __future__ import annotations

KINDS = ("single", "multiple", "any", "truefalse")
KIND_LABELS_VI = {"single": "Một đáp án đúng", "multiple": "Chọn tất cả đáp án đúng",
                  "any": "Một trong các đáp án đúng", "truefalse": "Đúng / Sai"}
# What people type in the Excel template's "Loại câu" column, folded (no diacritics, lower case).
KIND_WORDS = {"mot dap an dung": "single", "mot dap an": "single", "single": "single",
              "chon tat ca dap an dung": "multiple", "chon tat ca": "multiple",
              "nhieu dap an": "multiple", "multiple": "multiple",
              "mot trong cac dap an dung": "any", "mot trong cac dap an": "any", "any": "any",
              "dung / sai": "truefalse", "dung/sai": "truefalse", "dung sai": "truefalse",
              "truefalse": "truefalse", "true/false": "truefalse"}
TRUE_FALSE_OPTIONS = ["Đúng", "Sai"]

_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3,
              0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
MOODLE_FRACTIONS = tuple(sorted({round(s * f * 100, 5) for f in _FRACTIONS for s in (1, -1)},
                                reverse=True))
_TOLERANCE = 0.001          # percent (Moodle: 0.00001 of a fraction)


def moodle_fraction(weight: float) -> float | None:
    """The weight as Moodle stores it (e.g. 33.33333), or None when Moodle refuses it."""
    for f in MOODLE_FRACTIONS:
        if abs(float(weight) - f) < _TOLERANCE:
            return f
    return None


def infer_kind(kind: str | None, multiple, correct: list[int]) -> str:
    """The kind stated, else what the older fields say ("multiple" flag or several right)."""
    if kind in KINDS:
        return kind
    return "multiple" if (multiple or len(correct) > 1) else "single"


def default_weights(kind: str, count: int, correct: list[int]) -> list[float]:
    """Weights in percent when a question has none of its own: a right option 100 (shared in a
    "tick all" question), a wrong one 0 (-100 in a "tick all" question, where choosing a wrong
    option earns nothing)."""
    if kind == "multiple":
        share = round(100.0 / max(len(correct), 1), 5)
        return [share if i in correct else -100.0 for i in range(count)]
    return [100.0 if i in correct else 0.0 for i in range(count)]


def check(kind: str, options: list[str], correct: list[int], weights) -> dict[str, str]:
    """Field errors of a question's kind, right answers and weights (empty when all is well)."""
    errors: dict[str, str] = {}
    if kind not in KINDS:
        errors["kind"] = "Loại câu hỏi không hợp lệ."
        return errors
    if kind in ("single", "truefalse") and len(correct) > 1:
        errors["correct"] = ("Câu một đáp án chỉ có một phương án đúng. Nếu nhiều phương án đều "
                             "đúng, hãy chọn loại \"Một trong các đáp án đúng\" (chọn một là đủ) "
                             "hoặc \"Chọn tất cả đáp án đúng\".")
    elif kind == "truefalse" and [o.casefold() for o in options] != \
            [o.casefold() for o in TRUE_FALSE_OPTIONS]:
        errors["options"] = "Câu Đúng / Sai có đúng hai phương án: Đúng và Sai."
    if weights is not None:
        bad = [w for w in weights if moodle_fraction(w) is None]
        if bad:
            errors["weights"] = bad_fraction_message(bad)
        elif kind == "multiple":
            if sorted(correct) != [i for i, w in enumerate(weights) if w > 0]:
                errors["weights"] = ("Trọng số không khớp đáp án đúng: trong câu chọn tất cả, "
                                     "phương án đúng có trọng số dương, phương án sai thì không.")
        elif sorted(correct) != [i for i, w in enumerate(weights) if w >= 100 - _TOLERANCE]:
            errors["weights"] = ("Trọng số không khớp đáp án đúng: phương án đúng có trọng số "
                                 "100%, phương án khác dưới 100%.")
    return errors


def bad_fraction_message(bad: list[float]) -> str:
    shown = ", ".join(_percent(w) for w in bad)
    return (f"Trọng số {shown}% không có trong danh sách Moodle nhận (100, 90, 83.33333, 80, 75, "
            "70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, "
            "10, 5, 0 và các số âm tương ứng); Moodle cũng từ chối câu này. Hãy sửa, ví dụ "
            "33.33333 thay cho 33.")


def _percent(w: float) -> str:
    return str(int(w)) if float(w).is_integer() else f"{w:.5f}".rstrip("0")


def normalise(kind: str, correct: list[int]) -> str:
    """"any" with a single right option is just "single"."""
    if kind == "any" and len(correct) < 2:
        return "single"
    return kind


def grade(selected, correct, kind: str = "single") -> bool:
    """Whether the options chosen are a right answer of a question of this kind."""
    chosen = set(selected or [])
    if not chosen:
        return False
    if kind == "any":
        return len(chosen) == 1 and chosen <= set(correct)
    return chosen == set(correct)


def right_letters(kind: str, letters: list[str]) -> str:
    """The right answer as the key shows it: "B", "A, C" (all of them), "B / D" (any one)."""
    return (" / " if kind == "any" else ", ").join(letters)
