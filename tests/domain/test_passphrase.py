"""Passphrases: the rules for a new one, the PBKDF2 hash and its format, the retry delay."""

import asyncio
import base64
import hashlib
import hmac

import pytest

from app.domain import passphrase as pp
from app.domain.errors import InvalidInput
from app.domain.passphrase import (
    ITERATIONS,
    MAX_LENGTH,
    Kdf,
    check_new,
    hash_passphrase,
    hashlib_derive,
    is_hash,
    retry_delay,
    verify,
)

FAST = Kdf(hashlib_derive, iterations=1000)
# RFC 7914 §11, PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64); our keys are 32 bytes.
RFC_7914_KEY = bytes.fromhex(
    "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")


def run(coroutine):
    return asyncio.run(coroutine)


def hashed(passphrase, kdf=FAST, salt=None):
    return run(hash_passphrase(passphrase, kdf, salt))


# The rules for a new passphrase --------------------------------------------------------------

@pytest.mark.parametrize("passphrase", [
    "a" * 10, "0123456789", "          ", "tre gatti neri", "ÀÉÎÕÜàéîõü", "😀" * 10,
    "<script>x</script>", "a" * MAX_LENGTH,
])
def test_any_characters_from_ten_up_to_the_maximum_are_accepted(passphrase):
    check_new(passphrase, passphrase)   # no composition rules (NIST SP 800-63B)


@pytest.mark.parametrize("passphrase", ["", "a", "a" * 9, "😀" * 9, "ÀÉÎÕÜàéîõ"])
def test_fewer_than_ten_characters_is_too_short(passphrase):
    with pytest.raises(InvalidInput) as refused:
        check_new(passphrase, passphrase)
    assert refused.value.errors == {"passphrase": "passphrase_short"}


def test_length_counts_characters_not_bytes():
    check_new("é" * 10, "é" * 10)        # 20 bytes in UTF-8, 10 characters: fine
    with pytest.raises(InvalidInput):
        check_new("😀" * 9, "😀" * 9)    # 36 bytes, 9 characters: short


def test_a_short_passphrase_typed_differently_twice_gets_both_messages_at_once():
    with pytest.raises(InvalidInput) as refused:
        check_new("short", "shorty")
    assert refused.value.errors == {"passphrase": "passphrase_short", "repeat": "passphrase_mismatch"}


def test_past_the_maximum_length_is_refused():
    with pytest.raises(InvalidInput) as refused:
        check_new("a" * (MAX_LENGTH + 1), "a" * (MAX_LENGTH + 1))
    assert refused.value.errors == {"passphrase": "too_long"}


@pytest.mark.parametrize("repeat", ["", "correct horse batter", "Correct horse battery", "correct horse battery "])
def test_the_repeat_must_match_exactly(repeat):
    with pytest.raises(InvalidInput) as refused:
        check_new("correct horse battery", repeat)
    assert refused.value.errors == {"repeat": "passphrase_mismatch"}


def test_errors_name_the_form_fields_asked_for():
    with pytest.raises(InvalidInput) as short:
        check_new("short", "short", field="new", repeat_field="again")
    assert short.value.errors == {"new": "passphrase_short"}
    with pytest.raises(InvalidInput) as mismatch:
        check_new("long enough one", "long enough two", field="new", repeat_field="again")
    assert mismatch.value.errors == {"again": "passphrase_mismatch"}


# Hashing -------------------------------------------------------------------------------------

def test_hashlib_derive_matches_the_rfc_7914_vector():
    assert run(hashlib_derive(b"passwd", b"salt", 1)) == RFC_7914_KEY[:32]


def test_the_stored_hash_carries_the_rfc_vector_key_in_our_format():
    stored = hashed("passwd", Kdf(hashlib_derive, iterations=1), salt=b"salt")
    assert stored == "pbkdf2_sha256$1$" + base64.b64encode(b"salt").decode() + "$" + \
        base64.b64encode(RFC_7914_KEY[:32]).decode()


def test_a_hash_records_scheme_iterations_a_random_salt_and_a_32_byte_key():
    scheme, iterations, salt, key = hashed("correct horse battery").split("$")
    assert (scheme, iterations) == ("pbkdf2_sha256", "1000")
    assert len(base64.b64decode(salt, validate=True)) == 16
    assert base64.b64decode(key, validate=True) == hashlib.pbkdf2_hmac(
        "sha256", b"correct horse battery", base64.b64decode(salt), 1000, dklen=32)


def test_the_same_passphrase_hashed_twice_gets_different_salts():
    first, second = hashed("correct horse battery"), hashed("correct horse battery")
    assert first != second
    assert first.split("$")[2] != second.split("$")[2]
    assert run(verify(first, "correct horse battery", FAST)) and run(verify(second, "correct horse battery", FAST))


def test_the_production_default_is_600000_iterations():
    assert ITERATIONS >= 600_000
    assert Kdf(hashlib_derive).iterations == ITERATIONS
    stored = hashed("correct horse battery", Kdf(hashlib_derive))   # the one slow hash
    assert stored.split("$")[1] == "600000"


# Verifying -----------------------------------------------------------------------------------

@pytest.mark.parametrize("passphrase", ["correct horse battery", "tre gatti neri 😀", "àèìòù àèìòù"])
def test_the_right_passphrase_verifies(passphrase):
    assert run(verify(hashed(passphrase), passphrase, FAST)) is True


@pytest.mark.parametrize("attempt", ["", "correct horse batter", "Correct horse battery",
                                     "correct horse battery ", " correct horse battery"])
def test_any_other_passphrase_does_not(attempt):
    assert run(verify(hashed("correct horse battery"), attempt, FAST)) is False


@pytest.mark.parametrize("stored", [None, "", "correct horse battery", "pbkdf2_sha256$1000$!!$!!"])
def test_nothing_verifies_against_no_hash_or_a_broken_one(stored):
    assert run(verify(stored, "correct horse battery", FAST)) is False


def test_verify_uses_the_iterations_recorded_in_the_hash():
    stored = hashed("correct horse battery", Kdf(hashlib_derive, iterations=1500))
    assert run(verify(stored, "correct horse battery", Kdf(hashlib_derive, iterations=1000))) is True


def test_the_derivation_runs_even_when_no_hash_is_stored():
    calls = []

    async def counting(secret, salt, iterations):
        calls.append(iterations)
        return await hashlib_derive(secret, salt, iterations)

    assert run(verify(None, "correct horse battery", Kdf(counting, iterations=1000))) is False
    assert calls == [1000]   # same work as a real check: no timing hint that there is no hash


def test_keys_are_compared_in_constant_time(monkeypatch):
    compared, original = [], hmac.compare_digest

    def recording(a, b):
        compared.append((a, b))
        return original(a, b)

    stored = hashed("correct horse battery")
    monkeypatch.setattr(pp.hmac, "compare_digest", recording)
    assert run(verify(stored, "correct horse battery", FAST)) is True
    assert len(compared) == 1


def test_a_passphrase_longer_than_the_stored_one_does_not_verify():
    stored = hashed("a" * MAX_LENGTH)
    assert run(verify(stored, "a" * MAX_LENGTH + "anything", FAST)) is False


# Recognising a hash (an imported dataset may carry one) --------------------------------------

def test_a_hash_we_made_is_recognised():
    assert is_hash(hashed("correct horse battery"))


@pytest.mark.parametrize("stored", [
    "", "correct horse battery", "pbkdf2_sha256", "pbkdf2_sha1$1000$c2FsdA==$a2V5",
    "bcrypt$1000$c2FsdA==$a2V5", "pbkdf2_sha256$0$c2FsdA==$a2V5", "pbkdf2_sha256$-5$c2FsdA==$a2V5",
    "pbkdf2_sha256$10000001$c2FsdA==$a2V5", "pbkdf2_sha256$many$c2FsdA==$a2V5",
    "pbkdf2_sha256$1000$not base64!$a2V5", "pbkdf2_sha256$1000$c2FsdA==$a2V5$extra",
    "pbkdf2_sha256$1000$c2FsdA==",
])
def test_anything_else_is_not(stored):
    assert not is_hash(stored)


@pytest.mark.parametrize("stored", ["pbkdf2_sha256$1000$$", "pbkdf2_sha256$1000$c2FsdHNhbHQ=$",
                                    "pbkdf2_sha256$1000$$" + "A" * 44, "pbkdf2_sha256$1000$c2FsdHNhbHQ=$a2V5"])
def test_a_hash_with_no_salt_or_not_a_32_byte_key_is_not_recognised(stored):
    assert not is_hash(stored)


# Waiting after wrong attempts ----------------------------------------------------------------

@pytest.mark.parametrize("failures, seconds", [(-1, 0), (0, 0), (1, 1), (2, 2), (3, 4), (4, 8), (6, 32),
                                               (7, 60), (8, 60), (1000, 60)])
def test_the_wait_doubles_after_each_wrong_attempt_up_to_a_minute(failures, seconds):
    assert retry_delay(failures) == seconds
