// A ready-made editor for a sound generator's parameters (Move Everything for .NET shared library, own code).
// createSoundGeneratorUI({ name, params: [{ key, name, min, max, step }] }) returns callbacks usable as
// globalThis.chain_ui (or spread onto globalThis): knobs 1–8 edit the first eight params through
// host_module_set_param, the jog selects a param, and the screen lists them with their values.
import { decodeDelta } from './input_filter.mjs';
import { MoveMainKnob, MoveKnob1, MoveKnob8 } from './constants.mjs';
import { drawMenuHeader, drawMenuList } from './menu_layout.mjs';

export function createSoundGeneratorUI({ name = 'Synth', params = [] } = {}) {
  let selected = 0;
  const values = new Map();
  const read = (p) => { const v = parseFloat(host_module_get_param(p.key)); return Number.isFinite(v) ? v : (p.min ?? 0); };
  const change = (p, delta) => {
    const v = Math.min(p.max ?? 1, Math.max(p.min ?? 0, (values.get(p.key) ?? read(p)) + delta * (p.step ?? 0.01)));
    values.set(p.key, v);
    host_module_set_param(p.key, String(v));
  };
  return {
    init() { for (const p of params) values.set(p.key, read(p)); },
    tick() {
      clear_screen();
      drawMenuHeader(name);
      drawMenuList({ items: params, selectedIndex: selected, getLabel: (p) => p.name ?? p.key,
        getValue: (p) => (values.get(p.key) ?? 0).toFixed((p.step ?? 0.01) >= 1 ? 0 : 2) });
    },
    onMidiMessageInternal(data) {
      if ((data[0] & 0xF0) !== 0xB0) return;
      const delta = decodeDelta(data[2]);
      if (data[1] === MoveMainKnob) selected = Math.min(params.length - 1, Math.max(0, selected + delta));
      else if (data[1] >= MoveKnob1 && data[1] <= MoveKnob8 && params[data[1] - MoveKnob1]) change(params[data[1] - MoveKnob1], delta);
    },
    onMidiMessageExternal() {},
  };
}
