/* Faulty plugin "null_create": create_instance returns NULL. See faulty_common.h. */
#define FAULT_CREATE_NULL
#include "faulty_common.h"
