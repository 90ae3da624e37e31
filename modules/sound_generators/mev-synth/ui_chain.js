// MEV Synth editor — an example component editor (ui_chain.js) for Move Everything for .NET.
//
// The host runs this file when you choose "Edit MEV Synth" on a slot page. It sets globalThis.chain_ui;
// host_module_get_param / host_module_set_param talk to the synth DSP in that slot.
// Knobs 1–7 change the parameter under them; the jog selects a row and jog-turn-while-selected edits it
// too; Back returns to the menu (the host handles Back for editors).
//
// The parameter table mirrors module.json's ui_hierarchy (keys, ranges, steps).

import { MoveKnob1, MoveMainKnob } from '/data/UserData/schwung/shared/constants.mjs';
import { decodeDelta } from '/data/UserData/schwung/shared/input_filter.mjs';

const PARAMS = [
  { key: 'waveform', label: 'Wave', options: ['saw', 'square', 'sine'] },
  { key: 'cutoff', label: 'Cutoff', min: 20, max: 20000, step: 10, unit: 'Hz', curve: 'exp' },
  { key: 'attack', label: 'Attack', min: 0.0005, max: 10, step: 0.001, unit: 's', curve: 'exp' },
  { key: 'decay', label: 'Decay', min: 0.0005, max: 10, step: 0.01, unit: 's', curve: 'exp' },
  { key: 'sustain', label: 'Sustain', min: 0, max: 1, step: 0.01 },
  { key: 'release', label: 'Release', min: 0.0005, max: 10, step: 0.01, unit: 's', curve: 'exp' },
  { key: 'gain', label: 'Gain', min: 0, max: 1, step: 0.01 },
];
const VISIBLE = 6;

const values = {};
let selected = 0;
let dirty = true;

function read(p) {
  const raw = host_module_get_param(p.key);
  if (p.options) return p.options.includes(raw) ? raw : p.options[0];
  const v = parseFloat(raw);
  return Number.isFinite(v) ? v : p.min;
}

function format(p) {
  const v = values[p.key];
  if (p.options) return String(v);
  if (p.unit === 'Hz') return v >= 1000 ? `${(v / 1000).toFixed(1)}k` : `${Math.round(v)}`;
  if (p.unit === 's') return v < 1 ? `${Math.round(v * 1000)}ms` : `${v.toFixed(2)}s`;
  return v.toFixed(2);
}

function change(p, delta) {
  if (delta === 0) return;
  let next;
  if (p.options) {
    const i = p.options.indexOf(values[p.key]);
    next = p.options[(i + Math.sign(delta) + p.options.length) % p.options.length];
  } else if (p.curve === 'exp') {
    // Multiplicative steps feel even across a range spanning decades (20 Hz–20 kHz).
    next = Math.min(p.max, Math.max(p.min, values[p.key] * Math.pow(1.03, delta)));
  } else {
    next = Math.min(p.max, Math.max(p.min, values[p.key] + delta * p.step));
  }
  values[p.key] = next;
  host_module_set_param(p.key, String(next));
  dirty = true;
}

function draw() {
  clear_screen();
  fill_rect(0, 0, 128, 9, 1);
  print(2, 1, 'MEV Synth', 0);
  const first = Math.max(0, Math.min(selected - VISIBLE + 1, PARAMS.length - VISIBLE));
  for (let row = 0; row < VISIBLE && first + row < PARAMS.length; row++) {
    const i = first + row;
    const p = PARAMS[i];
    const y = 10 + row * 9;
    const color = i === selected ? 0 : 1;
    if (i === selected) fill_rect(0, y - 1, 128, 9, 1);
    print(2, y, `${i + 1} ${p.label}`, color);
    const text = format(p);
    print(126 - text_width(text), y, text, color);
  }
}

globalThis.chain_ui = {
  init() {
    for (const p of PARAMS) values[p.key] = read(p);
    dirty = true;
  },
  tick() {
    if (!dirty) return;
    draw();
    dirty = false;
  },
  onMidiMessageInternal(data) {
    if ((data[0] & 0xF0) !== 0xB0) return;
    const [, cc, value] = data;
    const delta = decodeDelta(value);
    if (cc >= MoveKnob1 && cc < MoveKnob1 + PARAMS.length) {
      selected = cc - MoveKnob1;
      change(PARAMS[selected], delta);
    } else if (cc === MoveMainKnob) {
      selected = Math.min(PARAMS.length - 1, Math.max(0, selected + delta));
      dirty = true;
    }
  },
  onMidiMessageExternal() {},
};
