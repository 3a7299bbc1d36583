"""Inline SVG icons drawn by us (markup the code wrote, hence Raw)."""

from app.ui.html import Raw

_SVG = ('<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" '
        'focusable="false" fill="none" stroke="currentColor" stroke-width="2" '
        'stroke-linecap="round" stroke-linejoin="round">{}</svg>')

CLIENTS = Raw(_SVG.format('<path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2"/>'
                          '<circle cx="9" cy="7" r="4"/><path d="M22 21v-2a4 4 0 0 0-3-3.87"/>'
                          '<path d="M16 3.13a4 4 0 0 1 0 7.75"/>'))
DATA = Raw(_SVG.format('<ellipse cx="12" cy="5" rx="9" ry="3"/>'
                       '<path d="M3 5v14c0 1.66 4 3 9 3s9-1.34 9-3V5"/><path d="M3 12c0 1.66 4 3 9 3s9-1.34 9-3"/>'))
SETTINGS = Raw(_SVG.format('<circle cx="12" cy="12" r="3"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83'
                           'l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09a1.65 1.65 0 0 0-1-1.51'
                           ' 1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06a1.65 1.65 0 0 0 .33-1.82 1.65 1.65 0 0 0-1.51-1'
                           'H3a2 2 0 1 1 0-4h.09a1.65 1.65 0 0 0 1.51-1 1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06'
                           'a1.65 1.65 0 0 0 1.82.33H9a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51'
                           ' 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06a1.65 1.65 0 0 0-.33 1.82V9'
                           'a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>'))
SEARCH = Raw(_SVG.format('<circle cx="11" cy="11" r="8"/><path d="m21 21-4.35-4.35"/>'))
LOGO = Raw('<svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">'
           '<rect x="3" y="5" width="26" height="22" rx="4" fill="currentColor"/>'
           '<path d="M3 11h26" stroke="#fff" stroke-width="2"/>'
           '<rect x="8" y="15" width="10" height="2.5" rx="1.25" fill="#fff"/>'
           '<rect x="8" y="20" width="16" height="2.5" rx="1.25" fill="#fff"/></svg>')
