/* Faulty plugin "hang_render": endless loop inside render_block (the heartbeat stops). See faulty_common.h. */
#define FAULT_RENDER_LOOP
#include "faulty_common.h"
