/*
 * Deliberately faulty plugins (issue 4 item 8). One .c per fault; each defines FAULT_* before
 * including this file, which supplies an otherwise well-behaved v2 synth that outputs silence.
 * NEVER load the crashing ones (segfault/abort/loop) in the test process: the containment tests
 * run them in a child process.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "move_plugin_abi.h"

static volatile int *volatile faulty_null_pointer;
#define FAULTY_HELPER static __attribute__((unused))

FAULTY_HELPER void faulty_segfault(void) { *faulty_null_pointer = 42; }
FAULTY_HELPER void faulty_sleep_ms(long ms)
{
    struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&t, &t) != 0) { }
}
FAULTY_HELPER void faulty_spin_forever(void) { for (volatile unsigned long i = 0;; i++) { } }

static void *create_instance(const char *d, const char *j)
{
    (void)d; (void)j;
#ifdef FAULT_CREATE_SEGFAULT
    faulty_segfault();
#endif
#ifdef FAULT_CREATE_NULL
    return NULL;
#endif
    return calloc(1, 64);
}
static void destroy_instance(void *i) { free(i); }
static void on_midi(void *i, const uint8_t *m, int l, int s)
{
    (void)i; (void)m; (void)l; (void)s;
#ifdef FAULT_MIDI_SEGFAULT
    faulty_segfault();
#endif
}
static void set_param(void *i, const char *k, const char *v) { (void)i; (void)k; (void)v; }
static int get_param(void *i, const char *k, char *b, int bl)
{
    (void)i; (void)k; (void)b; (void)bl;
#ifdef FAULT_PARAM_LOOP
    faulty_spin_forever();
#endif
    return -1;
}
static int get_error(void *i, char *b, int bl) { (void)i; (void)b; (void)bl; return 0; }
static void render_block(void *i, int16_t *out, int frames)
{
    (void)i;
    memset(out, 0, (size_t)frames * 4);
#ifdef FAULT_RENDER_SEGFAULT
    faulty_segfault();
#endif
#ifdef FAULT_RENDER_ABORT
    abort();
#endif
#ifdef FAULT_RENDER_LOOP
    faulty_spin_forever();
#endif
#ifdef FAULT_RENDER_SLEEP_MS
    faulty_sleep_ms(FAULT_RENDER_SLEEP_MS);
#endif
}

static plugin_api_v2_t api = {
#ifdef FAULT_STRUCT_VERSION
    FAULT_STRUCT_VERSION,
#else
    MOVE_PLUGIN_API_VERSION_2,
#endif
    create_instance, destroy_instance, on_midi, set_param, get_param, get_error, render_block,
};

#ifndef FAULT_NO_ENTRY_POINT
plugin_api_v2_t *move_plugin_init_v2(const host_api_v1_t *host) { (void)host; return &api; }
#else
/* exports a differently named symbol only, so dlsym of every known entry point fails */
plugin_api_v2_t *move_plugin_init_v3(const host_api_v1_t *host) { (void)host; return &api; }
#endif
