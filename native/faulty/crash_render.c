/* Faulty plugin "crash_render": SIGSEGV inside render_block (phase render). See faulty_common.h. */
#define FAULT_RENDER_SEGFAULT
#include "faulty_common.h"
