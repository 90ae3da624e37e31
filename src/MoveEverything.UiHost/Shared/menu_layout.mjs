// Drawing helpers for menus (Move Everything for .NET shared library, own code).
export const menuLayoutDefaults = { headerHeight: 10, lineHeight: 9, footerHeight: 9, visibleLines: 5, width: 128, height: 64 };

export function drawMenuHeader(title, right = '') {
  fill_rect(0, 0, 128, 9, 1);
  print(2, 1, String(title), 0);
  if (right) print(126 - text_width(String(right)), 1, String(right), 0);
}

export function drawMenuFooter(text) {
  draw_line(0, 54, 127, 54, 1);
  print(2, 56, String(text), 1);
}

/** Draws items ({label, value}) with the selection inverted and kept in view. */
export function drawMenuList({ items, selectedIndex = 0, topY = 10, lineHeight = 9, visibleLines = 5, getLabel, getValue } = {}) {
  if (!items) return;
  const first = Math.max(0, Math.min(selectedIndex - visibleLines + 1, items.length - visibleLines));
  for (let row = 0; row < visibleLines && first + row < items.length; row++) {
    const item = items[first + row];
    const y = topY + row * lineHeight;
    const selected = first + row === selectedIndex;
    if (selected) fill_rect(0, y - 1, 128, lineHeight, 1);
    const color = selected ? 0 : 1;
    const label = getLabel ? getLabel(item) : (item.label ?? String(item));
    const value = getValue ? getValue(item) : (item.value ?? '');
    print(2, y, String(label), color);
    if (value !== '') print(126 - text_width(String(value)), y, String(value), color);
  }
}

let overlay = null;

/** A transient box (e.g. a parameter change) shown for `ms` milliseconds. */
export function showOverlay(title, value, ms = 1000) { overlay = { title: String(title), value: String(value ?? ''), until: Date.now() + ms }; }
export function tickOverlay() { if (overlay && Date.now() > overlay.until) { overlay = null; return true; } return false; }
export function isOverlayActive() { return overlay !== null; }
export function drawOverlay() {
  if (!overlay) return;
  fill_rect(8, 18, 112, 28, 0);
  draw_rect(8, 18, 112, 28, 1);
  print(12, 22, overlay.title, 1);
  print(12, 33, overlay.value, 1);
}
