// Jog/knob navigation of a menu (Move Everything for .NET shared library, own code).
// Jog turns move the selection, or change the value while editing; jog click selects / toggles edit;
// Back leaves edit mode, then calls onBack.
import { decodeDelta } from './input_filter.mjs';
import { MenuItemType } from './menu_items.mjs';
import { MoveMainKnob, MoveMainButton, MoveBack } from './constants.mjs';

export function createMenuState() { return { selectedIndex: 0, editing: false }; }

function adjust(item, delta) {
  if (item.type === MenuItemType.VALUE) {
    const v = Number(item.get?.() ?? 0) + delta * item.step;
    item.set?.(Math.min(item.max, Math.max(item.min, v)));
  } else if (item.type === MenuItemType.ENUM) {
    const n = item.options.length;
    if (n > 0) item.set?.(((Number(item.get?.() ?? 0) + delta) % n + n) % n);
  } else if (item.type === MenuItemType.TOGGLE) {
    item.set?.(!item.get?.());
  }
}

/** Handles one CC; returns { needsRedraw, submenu?, back? }. */
export function handleMenuInput({ cc, value, items, state, stack, onBack }) {
  const result = { needsRedraw: false };
  if (!items || items.length === 0) return result;
  const item = items[state.selectedIndex];
  if (cc === MoveMainKnob) {
    const delta = decodeDelta(value);
    if (state.editing) adjust(item, delta);
    else state.selectedIndex = Math.min(items.length - 1, Math.max(0, state.selectedIndex + delta));
    result.needsRedraw = true;
  } else if (cc === MoveMainButton && value > 0) {
    if (item.type === MenuItemType.ACTION) item.onSelect?.();
    else if (item.type === MenuItemType.TOGGLE) adjust(item, 1);
    else if (item.type === MenuItemType.SUBMENU) { const menu = item.getMenu?.(); if (menu && stack) stack.push(menu); result.submenu = menu; }
    else if (item.type === MenuItemType.BACK) { result.back = true; onBack?.(); }
    else state.editing = !state.editing;
    result.needsRedraw = true;
  } else if (cc === MoveBack && value > 0) {
    if (state.editing) state.editing = false;
    else { result.back = true; onBack?.(); }
    result.needsRedraw = true;
  }
  return result;
}
