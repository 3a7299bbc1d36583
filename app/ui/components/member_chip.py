"""A team member: initials avatar with the full name."""

from app.services.views import MemberView
from app.ui.html import Element, h


def member_chip(member: MemberView, compact: bool = False) -> Element:
    avatar = h("span", {"class": "avatar", "aria-hidden": "true"}, member.initials)
    if compact:
        return h("span", {"class": "member compact", "title": member.name}, avatar,
                 h("span", {"class": "visually-hidden"}, member.name))
    return h("span", {"class": "member"}, avatar, member.name)
