/* Faulty plugin "missing_symbol": exports none of the known entry points. See faulty_common.h. */
#define FAULT_NO_ENTRY_POINT
#include "faulty_common.h"
