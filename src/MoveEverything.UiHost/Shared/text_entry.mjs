// On-screen text entry (Move Everything for .NET shared library, own code): the jog picks a character,
// jog click appends it, Back deletes (or cancels when empty), Shift+jog click confirms.
import { decodeDelta } from './input_filter.mjs';
import { MoveMainKnob, MoveMainButton, MoveBack, MoveShift } from './constants.mjs';

const CHARS = ' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.';
let entry = null;
let shift = false;

export function openTextEntry({ title = 'Enter text', initialText = '', onConfirm, onCancel } = {}) {
  entry = { title, text: String(initialText), index: 1, onConfirm, onCancel };
}
export function isTextEntryActive() { return entry !== null; }
export function closeTextEntry() { entry = null; }

export function handleTextEntryMidi(data) {
  if (!entry || (data[0] & 0xF0) !== 0xB0) return false;
  const [, cc, value] = data;
  if (cc === MoveShift) { shift = value > 0; return true; }
  if (cc === MoveMainKnob) { entry.index = ((entry.index + decodeDelta(value)) % CHARS.length + CHARS.length) % CHARS.length; return true; }
  if (cc === MoveMainButton && value > 0) {
    if (shift) { const e = entry; entry = null; e.onConfirm?.(e.text); }
    else entry.text += CHARS[entry.index];
    return true;
  }
  if (cc === MoveBack && value > 0) {
    if (entry.text.length > 0) entry.text = entry.text.slice(0, -1);
    else { const e = entry; entry = null; e.onCancel?.(); }
    return true;
  }
  return true;
}

export function drawTextEntry() {
  if (!entry) return;
  clear_screen();
  print(2, 1, entry.title, 1);
  draw_rect(0, 14, 128, 12, 1);
  print(3, 16, entry.text.slice(-20) + '_', 1);
  print(2, 32, `< ${CHARS[entry.index]} >`, 1);
  print(2, 54, 'Shift+click: done', 1);
}
export function tickTextEntry() { drawTextEntry(); }
