"""Account photos are small images of a known kind."""

import pytest

from app.domain.photos import MAX_BYTES, check_photo, mime_of

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 20
WEBP = b"RIFF\0\0\0\0WEBPVP8 " + b"\0" * 20


@pytest.mark.parametrize("data, mime", [(PNG, "image/png"), (JPEG, "image/jpeg"), (WEBP, "image/webp"),
                                        (b"GIF89a", None), (b"<svg onload=alert(1)>", None), (b"", None)])
def test_kind_is_read_from_the_bytes_not_a_name(data, mime):
    assert mime_of(data) == mime


def test_unknown_kinds_and_oversized_images_are_refused():
    with pytest.raises(ValueError, match="photo_type"):
        check_photo(b"<svg/>")
    with pytest.raises(ValueError, match="photo_size"):
        check_photo(JPEG + b"\0" * MAX_BYTES)
    assert check_photo(PNG) == PNG
