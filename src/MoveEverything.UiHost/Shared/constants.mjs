// Move hardware map and colour palette (Move Everything for .NET shared library, own code).
// Numbers from the documented control map (schwung-spec.md §7.6); names as modules import them.

// MIDI status bytes
export const MidiNoteOff = 0x80;
export const MidiNoteOn = 0x90;
export const MidiPolyAftertouch = 0xA0;
export const MidiCC = 0xB0;
export const MidiProgramChange = 0xC0;
export const MidiChAftertouch = 0xD0;
export const MidiPitchBend = 0xE0;
export const MidiSysexStart = 0xF0;
export const MidiSysexEnd = 0xF7;
export const MidiClock = 0xF8;
export const MidiStart = 0xFA;
export const MidiContinue = 0xFB;
export const MidiStop = 0xFC;

// Buttons (CC numbers, cable 0)
export const MoveMainButton = 3;   // jog click
export const MoveMainKnob = 14;    // jog turn (relative)
export const MoveShift = 49;
export const MoveMenu = 50;
export const MoveBack = 51;
export const MoveCapture = 52;
export const MoveDown = 54;
export const MoveUp = 55;
export const MoveUndo = 56;
export const MoveLoop = 58;
export const MoveCopy = 60;
export const MoveLeft = 62;
export const MoveRight = 63;
export const MovePlay = 85;
export const MoveRec = 86;
export const MoveMute = 88;
export const MoveRecord = 118;     // "Sample" button, RGB LED
export const MoveSample = 118;
export const MoveDelete = 119;

// Track (row) buttons: reversed, CC43 = track 1 … CC40 = track 4
export const MoveRow1 = 43;
export const MoveRow2 = 42;
export const MoveRow3 = 41;
export const MoveRow4 = 40;
export const MoveTrack1 = 43;
export const MoveTrack2 = 42;
export const MoveTrack3 = 41;
export const MoveTrack4 = 40;
export const MoveTracks = [43, 42, 41, 40];

// Knobs (relative CCs: 1–63 clockwise, 65–127 counter-clockwise)
export const MoveKnob1 = 71;
export const MoveKnob2 = 72;
export const MoveKnob3 = 73;
export const MoveKnob4 = 74;
export const MoveKnob5 = 75;
export const MoveKnob6 = 76;
export const MoveKnob7 = 77;
export const MoveKnob8 = 78;
export const MoveKnobs = [71, 72, 73, 74, 75, 76, 77, 78];
export const MoveMaster = 79;      // volume knob
export const MoveMasterKnob = 79;

// Capacitive touch (notes): knobs 1–8 = 0–7, volume = 8, jog = 9
export const MoveKnob1Touch = 0;
export const MoveKnob2Touch = 1;
export const MoveKnob3Touch = 2;
export const MoveKnob4Touch = 3;
export const MoveKnob5Touch = 4;
export const MoveKnob6Touch = 5;
export const MoveKnob7Touch = 6;
export const MoveKnob8Touch = 7;
export const MoveMasterTouch = 8;
export const MoveMainTouch = 9;

// Pads: notes 68–99, bottom-left to top-right, 4 rows × 8
export const MovePadsStart = 68;
export const MovePads = Array.from({ length: 32 }, (_, i) => 68 + i);
export const MovePadRows = [0, 1, 2, 3].map((r) => MovePads.slice(r * 8, r * 8 + 8));

// Step buttons: notes 16–31 (LED by note; the step "UI" icon LEDs by CC 16–31)
export const MoveStepsStart = 16;
export const MoveSteps = Array.from({ length: 16 }, (_, i) => 16 + i);

// Plug detection (XMOS): CC114 line-in (0 mic, 127 line), CC115 line-out (0 speaker, 127 line)
export const MoveLineIn = 114;
export const MoveLineOut = 115;

// RGB palette indices
export const Black = 0;
export const BrightRed = 1;
export const BrightGreen = 8;
export const LightGrey = 118;
export const White = 120;
export const DarkGrey = 124;
export const Blue = 125;
export const Green = 126;
export const Red = 127;

// White-only LEDs
export const WhiteLedOff = 0;
export const WhiteLedDim = 16;
export const WhiteLedMedium = 64;
export const WhiteLedBright = 124;

// Display
export const ScreenWidth = 128;
export const ScreenHeight = 64;
