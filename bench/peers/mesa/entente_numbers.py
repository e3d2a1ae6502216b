"""entente's number format (src/io/formatNumber.ts) in Python, for the equality check.

entente writes a number with 7 significant digits, JavaScript's `toPrecision(7)` without
trailing zeros (integers exactly; below 1e-6 the shortest JavaScript form of the rounded
value). `toPrecision` rounds the exact binary value, ties away from zero: Decimal(v) is that
exact value, so the rounding here is the same to the bit.
"""

from decimal import ROUND_HALF_UP, Decimal


def js_string(v: float) -> str:
    """JavaScript's String(v) for a finite double (shortest round-trip digits, as repr)."""
    if v == 0:
        return "0"
    sign = "-" if v < 0 else ""
    digits, exponent = _shortest(abs(v))
    k = len(digits)
    n = k + exponent  # value = 0.digits × 10^n
    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        body = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + body


def _shortest(v: float) -> tuple[str, int]:
    t = Decimal(repr(v)).normalize().as_tuple()
    return "".join(map(str, t.digits)), t.exponent


def format_number(v: float) -> str:
    if float(v).is_integer():
        return js_string(float(v))
    exact = Decimal(v)
    e = exact.adjusted()
    rounded = exact.quantize(Decimal(1).scaleb(e - 6), rounding=ROUND_HALF_UP)
    if rounded.adjusted() != e:  # 9.9999995 → 10.00000: one digit more, round again at the new place
        e = rounded.adjusted()
        rounded = exact.quantize(Decimal(1).scaleb(e - 6), rounding=ROUND_HALF_UP)
    if abs(v) >= 1e-6 and -6 <= e < 7:
        text = f"{rounded:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text
    return js_string(float(rounded))
