/* Faulty plugin "crash_midi": SIGSEGV inside on_midi (phase midi). See faulty_common.h. */
#define FAULT_MIDI_SEGFAULT
#include "faulty_common.h"
