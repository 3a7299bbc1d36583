"""The sign-in page of a firm of its own: member, passphrase, and nothing of the firm's clients."""

from collections.abc import Sequence
from dataclasses import dataclass

from app.i18n import Translator
from app.ui.components.form_field import Field, form_field
from app.ui.html import Element, Handler, h

SIGN_IN_ALERT = "sign-in-alert"


@dataclass(frozen=True)
class SignInState:
    firm_name: str
    members: Sequence[tuple[str, str]]   # (id, full name) of every active member
    chosen: str = ""
    alert: str | None = None             # a refusal, or how long to wait before trying again
    busy: bool = False                    # the passphrase is being checked


def sign_in_page(t: Translator, state: SignInState, on_submit: Handler) -> Element:
    return h("section", {"class": "page sign-in-page"},
             h("div", {"class": "card sign-in-card"},
               h("h1", {"id": "page-title", "tabindex": "-1"}, t("signin.title")),
               h("p", {"class": "muted"}, state.firm_name),
               h("form", {"on_submit": on_submit, "novalidate": True, "class": "dialog-form"},
                 h("div", {"role": "alert", "id": SIGN_IN_ALERT, "class": "form-summary"}, state.alert),
                 form_field(Field("member", t("signin.member"), state.chosen, kind="select",
                                  options=tuple(state.members))),
                 form_field(Field("passphrase", t("signin.passphrase"), kind="password",
                                  autocomplete="current-password")),
                 h("div", {"class": "form-buttons"},
                   h("button", {"type": "submit", "class": "primary", "disabled": state.busy},
                     t("signin.checking") if state.busy else t("signin.go"))))))
