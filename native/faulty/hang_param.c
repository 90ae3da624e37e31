/* Faulty plugin "hang_param": endless loop inside get_param (renders silence until asked). See faulty_common.h. */
#define FAULT_PARAM_LOOP
#include "faulty_common.h"
