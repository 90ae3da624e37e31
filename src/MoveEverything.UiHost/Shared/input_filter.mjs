// Input helpers (Move Everything for .NET shared library, own code), written from the documented
// behaviour of the original's input_filter.mjs (schwung-spec.md §3.6).
import { MoveMasterTouch, MoveMainTouch } from './constants.mjs';

/** Relative encoder value → signed delta: 1–63 → +n, 65–127 → −(128 − n), 0 and 64 → 0. */
export function decodeDelta(value) {
  if (value >= 1 && value <= 63) return value;
  if (value >= 65 && value <= 127) return -(128 - value);
  return 0;
}

const lastTurn = new Map();
const SLOW_MS = 150;
const FAST_MS = 25;
const MAX_STEP = 10;

/**
 * Delta with acceleration: a turn more than 150 ms after the previous one on the same encoder moves 1,
 * one within 25 ms moves 10, in between scales linearly. The sign follows decodeDelta.
 */
export function decodeAcceleratedDelta(value, encoderId = 0) {
  const raw = decodeDelta(value);
  if (raw === 0) return 0;
  const now = Date.now();
  const previous = lastTurn.get(encoderId);
  lastTurn.set(encoderId, now);
  const gap = previous === undefined ? SLOW_MS + 1 : now - previous;
  let step;
  if (gap >= SLOW_MS) step = 1;
  else if (gap <= FAST_MS) step = MAX_STEP;
  else step = Math.round(MAX_STEP - ((gap - FAST_MS) / (SLOW_MS - FAST_MS)) * (MAX_STEP - 1));
  return Math.sign(raw) * step;
}

const noteLedCache = new Map();
const buttonLedCache = new Map();

function send(packet) {
  if (typeof move_midi_internal_send === 'function') move_midi_internal_send(packet);
}

/** Pad/step LED: sends [0x09, 0x90, note, color] unless that colour is already showing. */
export function setLED(note, color, force = false) {
  if (!force && noteLedCache.get(note) === color) return;
  noteLedCache.set(note, color);
  send([0x09, 0x90, note, color]);
}

/** Button LED: sends [0x0B, 0xB0, cc, color] unless that colour is already showing. */
export function setButtonLED(cc, color, force = false) {
  if (!force && buttonLedCache.get(cc) === color) return;
  buttonLedCache.set(cc, color);
  send([0x0B, 0xB0, cc, color]);
}

/** Turns every pad, step and button LED off and forgets the cache. */
export function clearAllLEDs() {
  for (let note = 16; note <= 31; note++) setLED(note, 0, true);
  for (let note = 68; note <= 99; note++) setLED(note, 0, true);
  for (const cc of [40, 41, 42, 43, 49, 50, 51, 52, 54, 55, 56, 58, 60, 62, 63, 85, 86, 88, 118, 119]) setButtonLED(cc, 0, true);
  noteLedCache.clear();
  buttonLedCache.clear();
}

/** Note on/off for the capacitive touch sensors (knobs 0–7, volume 8, jog 9). */
export function isCapacitiveTouchMessage(data) {
  const type = data[0] & 0xF0;
  return (type === 0x90 || type === 0x80) && data[1] <= MoveMainTouch;
}

/** Touch sensors are noisy; treat them as noise unless a module asks for them. */
export function isNoiseMessage(data) {
  return isCapacitiveTouchMessage(data) || data[0] === 0xFE;
}

/** True for messages a typical UI ignores: touch noise, active sensing and clock. */
export function shouldFilterMessage(data) {
  return isNoiseMessage(data) || data[0] === 0xF8;
}

export function isVolumeTouch(data) {
  return (data[0] & 0xF0) === 0x90 && data[1] === MoveMasterTouch && data[2] > 0;
}
