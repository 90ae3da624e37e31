/* Faulty plugin "crash_create": SIGSEGV inside create_instance (phase init). See faulty_common.h. */
#define FAULT_CREATE_SEGFAULT
#include "faulty_common.h"
