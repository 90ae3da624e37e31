/* Faulty plugin "slow_render": sleeps 50 ms in every render_block (a CPU-budget overrun, not a crash). See faulty_common.h. */
#define FAULT_RENDER_SLEEP_MS 50
#include "faulty_common.h"
