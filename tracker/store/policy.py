"""Rules for account names and passphrases, the same for the window and the command line.

Length first, then zxcvbn's estimate (Dropbox's), which knows common passwords, names and
keyboard patterns, instead of a hand-made meter.
"""

from __future__ import annotations

import unicodedata

from tracker.errors import FieldError, ValidationError

MIN_PASSPHRASE_LENGTH = 10
MIN_STRENGTH = 2  # zxcvbn's 0-4 scale: 2 is "somewhat guessable" (about 10^8 guesses) and above
MAX_NAME_LENGTH = 64


def check_name(name: str) -> str:
    """An account name as typed, trimmed; refused when empty, too long or holding control characters."""
    text = unicodedata.normalize("NFC", str(name or "")).strip()
    if not text:
        raise ValidationError([FieldError("account", "required", "an account name is required", name)])
    if len(text) > MAX_NAME_LENGTH:
        raise ValidationError([FieldError("account", "too_long", f"at most {MAX_NAME_LENGTH} characters",
                                          text[:MAX_NAME_LENGTH] + "…")])
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise ValidationError([FieldError("account", "bad_characters", "control characters are not allowed", text)])
    return text


def passphrase_problems(passphrase: str, account: str = "") -> list[str]:
    """What is wrong with a new passphrase (empty: it is acceptable). Length first, then zxcvbn's
    estimate, which knows common passwords, names and keyboard patterns."""
    if len(passphrase or "") < MIN_PASSPHRASE_LENGTH:
        return [f"use at least {MIN_PASSPHRASE_LENGTH} characters (a few unrelated words are easy to remember)"]
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:100], user_inputs=[account, "displacement", "tracker", "dtrack"])
    if result["score"] < MIN_STRENGTH:
        feedback = result.get("feedback") or {}
        words = [feedback.get("warning") or "this passphrase is easy to guess", *feedback.get("suggestions", [])]
        return [w for w in words if w]
    return []


def passphrase_strength(passphrase: str, account: str = "") -> int:
    """zxcvbn's 0 (very weak) to 4 (strong), for a meter as the user types; 0 below the minimum length."""
    if len(passphrase or "") < MIN_PASSPHRASE_LENGTH:
        return 0
    from zxcvbn import zxcvbn

    return int(zxcvbn(passphrase[:100], user_inputs=[account, "displacement", "tracker", "dtrack"])["score"])


def check_passphrase(passphrase: str, account: str = "") -> None:
    problems = passphrase_problems(passphrase, account)
    if problems:
        raise ValidationError([FieldError("passphrase", "weak_passphrase", "; ".join(problems), "…")])
