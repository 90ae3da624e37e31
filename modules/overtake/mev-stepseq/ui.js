// MEV Step Sequencer — an example overtake module for Move Everything for .NET.
//
// What it shows module authors:
//  * the callbacks the host calls: init, tick (~60 Hz), onMidiMessageInternal (Move's controls), onUnload;
//  * importing the shared library by its absolute path (constants, input_filter);
//  * drawing with print/fill_rect/draw_rect, LEDs with setLED/setButtonLED;
//  * playing a chain slot's synth with shadow_send_midi_to_dsp (the MIDI channel selects the slot);
//  * saving state in the module's own data folder with host_write_file/host_read_file (relative paths).
//
// Controls: step buttons toggle steps; Play starts/stops; knob 1 = tempo, knob 2 = note of new steps,
// knob 3 = slot (1–4) to play; pads audition and set the note; the host escape (Shift + touch volume +
// jog click) leaves, as does Back.

import { MoveSteps, MovePlay, MoveBack, MoveKnob1, MoveKnob2, MoveKnob3, MoveMainKnob, MidiNoteOn, MidiCC,
  White, Black, Green, DarkGrey, WhiteLedBright, WhiteLedDim } from '/data/UserData/schwung/shared/constants.mjs';
import { decodeDelta, setLED, setButtonLED } from '/data/UserData/schwung/shared/input_filter.mjs';

const STEPS = 16;
const PATTERN_FILE = 'pattern.json';
const NOTE_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];

const state = {
  steps: new Array(STEPS).fill(null), // null = rest, else MIDI note
  bpm: 120,
  note: 60,
  slot: 0,
  playing: false,
  position: -1,
  nextStepAt: 0,
  sounding: null,
  dirty: true,
};

function noteName(n) { return NOTE_NAMES[n % 12] + (Math.floor(n / 12) - 1); }

function sendToSynth(status, note, velocity) {
  // Channel = slot: slot 1 listens on channel 1 (0 on the wire).
  shadow_send_midi_to_dsp([status | state.slot, note, velocity]);
}

function stopSounding() {
  if (state.sounding !== null) sendToSynth(0x80, state.sounding, 0);
  state.sounding = null;
}

function save() {
  host_write_file(PATTERN_FILE, JSON.stringify({ steps: state.steps, bpm: state.bpm, note: state.note, slot: state.slot }));
}

function load() {
  const text = host_read_file(PATTERN_FILE);
  if (!text) return;
  try {
    const saved = JSON.parse(text);
    if (Array.isArray(saved.steps) && saved.steps.length === STEPS) state.steps = saved.steps;
    state.bpm = saved.bpm ?? state.bpm;
    state.note = saved.note ?? state.note;
    state.slot = saved.slot ?? state.slot;
  } catch (e) {
    console.log('mev-stepseq: ignoring unreadable pattern: ' + e.message);
  }
}

function updateLeds() {
  for (let i = 0; i < STEPS; i++) {
    const color = i === state.position && state.playing ? White : state.steps[i] !== null ? Green : Black;
    setLED(MoveSteps[i], color);
  }
  setButtonLED(MovePlay, state.playing ? WhiteLedBright : WhiteLedDim);
}

function draw() {
  clear_screen();
  print(0, 0, 'STEP SEQ', 1);
  print(64, 0, `${state.bpm} BPM`, 1);
  print(0, 12, `Note ${noteName(state.note)}  Slot ${state.slot + 1}`, 1);
  print(0, 22, state.playing ? 'Playing' : 'Stopped - press Play', 1);
  for (let i = 0; i < STEPS; i++) {
    const x = i * 8;
    const y = 40;
    if (state.steps[i] !== null) fill_rect(x + 1, y, 6, 10, 1);
    else draw_rect(x + 1, y, 6, 10, 1);
    if (i === state.position && state.playing) fill_rect(x + 1, y + 13, 6, 3, 1);
  }
}

function advance(now) {
  stopSounding();
  state.position = (state.position + 1) % STEPS;
  const note = state.steps[state.position];
  if (note !== null) {
    sendToSynth(MidiNoteOn, note, 100);
    state.sounding = note;
  }
  const sixteenthMs = 60000 / state.bpm / 4;
  state.nextStepAt = (state.nextStepAt || now) + sixteenthMs;
  if (state.nextStepAt < now) state.nextStepAt = now + sixteenthMs; // fell behind: do not burst
  state.dirty = true;
}

globalThis.init = () => {
  load();
  state.dirty = true;
};

globalThis.tick = () => {
  const now = Date.now();
  if (state.playing && now >= state.nextStepAt) advance(now);
  if (state.dirty) {
    draw();
    updateLeds();
    state.dirty = false;
  }
};

globalThis.onMidiMessageInternal = (data) => {
  const [status, d1, d2] = data;
  const type = status & 0xF0;
  if (type === MidiNoteOn && d2 > 0) {
    const step = MoveSteps.indexOf(d1);
    if (step >= 0) {
      state.steps[step] = state.steps[step] === null ? state.note : null;
      save();
    } else if (d1 >= 68 && d1 <= 99) {
      state.note = 36 + (d1 - 68); // pads: C2 upwards
      sendToSynth(MidiNoteOn, state.note, d2);
    }
    state.dirty = true;
  } else if (type === 0x80 || (type === MidiNoteOn && d2 === 0)) {
    if (d1 >= 68 && d1 <= 99) sendToSynth(0x80, 36 + (d1 - 68), 0);
  } else if (type === MidiCC) {
    if (d1 === MovePlay && d2 > 0) {
      state.playing = !state.playing;
      state.position = -1;
      state.nextStepAt = 0;
      if (!state.playing) stopSounding();
    } else if (d1 === MoveKnob1) {
      state.bpm = Math.min(300, Math.max(40, state.bpm + decodeDelta(d2)));
      save();
    } else if (d1 === MoveKnob2 || d1 === MoveMainKnob) {
      state.note = Math.min(127, Math.max(0, state.note + decodeDelta(d2)));
    } else if (d1 === MoveKnob3) {
      state.slot = Math.min(3, Math.max(0, state.slot + Math.sign(decodeDelta(d2))));
      save();
    } else if (d1 === MoveBack && d2 > 0) {
      host_exit_module();
    }
    state.dirty = true;
  }
};

globalThis.onMidiMessageExternal = () => {};

globalThis.onUnload = () => {
  stopSounding();
  setButtonLED(MovePlay, DarkGrey);
};
