/* Faulty plugin "wrong_version": plugin_api_v2_t.api_version is 7 instead of 2. See faulty_common.h. */
#define FAULT_STRUCT_VERSION 7
#include "faulty_common.h"
