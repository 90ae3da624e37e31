/* Faulty plugin "abort_render": abort() (SIGABRT) inside render_block. See faulty_common.h. */
#define FAULT_RENDER_ABORT
#include "faulty_common.h"
