// Fascicolo: bring a region's live DOM in line with freshly rendered markup, in place.
// Elements that stay keep their identity, so focus, the caret, scroll positions and what a
// person typed survive a redraw. Children are matched by key (an id or data-key) or else by
// position and tag. A field's typed value is kept unless the app changed the value it shows.
"use strict";
(function () {
  const template = document.createElement("template");

  function keyOf(node) {
    if (node.nodeType !== 1) return null;
    return node.getAttribute("data-key") || node.id || null;
  }

  function sameKind(a, b) {
    if (a.nodeType !== b.nodeType) return false;
    if (a.nodeType !== 1) return true;
    return a.tagName === b.tagName && a.getAttribute("type") === b.getAttribute("type");
  }

  function syncAttributes(live, next) {
    for (const name of live.getAttributeNames()) {
      if (!next.hasAttribute(name)) live.removeAttribute(name);
    }
    for (const name of next.getAttributeNames()) {
      const value = next.getAttribute(name);
      if (live.getAttribute(name) !== value) live.setAttribute(name, value);
    }
  }

  // What the app shows in a field is its default (attribute); what the person typed is the
  // property. The property follows only when the app shows something new.
  function syncField(live, next) {
    const tag = live.tagName;
    if (tag === "INPUT") {
      const value = next.getAttribute("value") || "";
      const checked = next.hasAttribute("checked");
      const changedValue = (live.getAttribute("value") || "") !== value;
      const changedCheck = live.hasAttribute("checked") !== checked;
      syncAttributes(live, next);
      if (changedValue && live.type !== "file") live.value = value;
      // A switch applies at once, so it shows what is saved (a refused change springs back);
      // a box in a form keeps what was ticked until the form is sent.
      if (changedCheck || live.hasAttribute("data-on-change")) live.checked = checked;
      return true;
    }
    if (tag === "TEXTAREA") {
      const value = next.textContent;
      const changed = live.defaultValue !== value;
      syncAttributes(live, next);
      if (changed) { live.defaultValue = value; live.value = value; }
      return true;
    }
    if (tag === "OPTION") {
      const selected = next.hasAttribute("selected");
      const changed = live.hasAttribute("selected") !== selected;
      const atOnce = live.parentElement && live.parentElement.hasAttribute("data-on-change");
      syncAttributes(live, next);
      if (live.textContent !== next.textContent) live.textContent = next.textContent;
      if (changed || (atOnce && selected)) live.selected = selected;
      return true;
    }
    return false;
  }

  function patchNode(live, next) {
    if (live.nodeType !== 1) {
      if (live.nodeValue !== next.nodeValue) live.nodeValue = next.nodeValue;
      return;
    }
    if (syncField(live, next)) return;
    syncAttributes(live, next);
    // A region inside a region is filled by its own mount (search results, a photo preview):
    // the outer redraw leaves what it holds.
    if (!live.hasAttribute("data-region")) patchChildren(live, next);
  }

  function patchChildren(live, next) {
    const wanted = Array.from(next.childNodes);
    const wantedKeys = new Set(wanted.map(keyOf).filter(Boolean));
    // Keyed children no longer wanted (or a duplicate key) go first: they never hold a place.
    const keyed = new Map();
    for (let c = live.firstChild; c;) {
      const after = c.nextSibling;
      const key = keyOf(c);
      if (key && (!wantedKeys.has(key) || keyed.has(key))) live.removeChild(c);
      else if (key) keyed.set(key, c);
      c = after;
    }
    let cursor = live.firstChild;
    for (const want of wanted) {
      const key = keyOf(want);
      let match = null;
      if (key) {
        match = keyed.get(key) || null;
        keyed.delete(key);
        if (match && !sameKind(match, want)) {
          if (match === cursor) cursor = cursor.nextSibling;
          live.removeChild(match);
          match = null;
        }
      } else {
        // The next unkeyed child, past keyed ones still to come: those move to their places.
        let probe = cursor;
        while (probe && keyOf(probe)) probe = probe.nextSibling;
        if (probe && sameKind(probe, want)) match = probe;
      }
      if (!match) {
        live.insertBefore(want, cursor);   // adopted from the template as it is
        continue;
      }
      if (match === cursor) cursor = cursor.nextSibling;
      else live.insertBefore(match, cursor);
      patchNode(match, want);
    }
    while (cursor) {
      const after = cursor.nextSibling;
      live.removeChild(cursor);
      cursor = after;
    }
  }

  function focusable(element) {
    return element && element.isConnected && typeof element.focus === "function" &&
      (element.tabIndex >= 0 || element.hasAttribute("tabindex"));
  }

  // A moved element loses focus in the browser; one that is gone hands it to a neighbour:
  // what now stands where it stood in the nearest part of the page that is still there.
  function restoreFocus(before) {
    const { element, path, selection } = before;
    if (element.isConnected) {
      if (document.activeElement !== element) {
        element.focus({ preventScroll: true });
        if (selection) {
          try { element.setSelectionRange(selection[0], selection[1], selection[2]); } catch (e) { /* not text */ }
        }
      }
      return;
    }
    for (const [parent, index] of path) {
      if (!parent.isConnected) continue;
      const kids = parent.children;
      const near = kids[Math.min(index, kids.length - 1)];
      const candidates = near ? [near, ...near.querySelectorAll("a[href],button,input,select,textarea,[tabindex]")] : [];
      for (const c of [...candidates, parent]) {
        if (!focusable(c) || c.disabled) continue;
        c.focus({ preventScroll: true });
        if (document.activeElement === c) return;   // a hidden one takes no focus: the next
      }
    }
  }

  function focusState(region) {
    const element = document.activeElement;
    if (!element || element === document.body || !region.contains(element)) return null;
    const path = [];
    for (let node = element; node && node !== region; node = node.parentElement) {
      const parent = node.parentElement;
      if (parent) path.push([parent, Array.prototype.indexOf.call(parent.children, node)]);
    }
    let selection = null;
    try {
      if (element.selectionStart !== null && element.selectionStart !== undefined) {
        selection = [element.selectionStart, element.selectionEnd, element.selectionDirection];
      }
    } catch (e) { /* inputs without a caret */ }
    return { element, path, selection };
  }

  window.fascicoloPatch = function (regionId, markup) {
    const region = document.getElementById(regionId);
    if (!region) return;
    const before = focusState(region);
    template.innerHTML = markup;
    patchChildren(region, template.content);
    template.innerHTML = "";
    if (before) restoreFocus(before);
  };
})();
